extension DenseSchedule {
    /// The plan of this schedule: history kept, new tasks from the placements, lines left
    /// out with the problem's reason for each.
    public func plan(in problem: PlanningProblem, run: SolverRun?) -> Plan {
        let history = PlanningHistory(problem)
        var builder = PlanBuilder(problem: problem)
        for l in problem.workLines {
            if let r = review[l] {
                builder.schedule(line: l, purchase: purchase[l], review: r)
            } else {
                builder.leaveOut(line: l, reason: problem.reasonForLeavingOut(line: l, history: history))
            }
        }
        return builder.build(run: run)
    }
}
