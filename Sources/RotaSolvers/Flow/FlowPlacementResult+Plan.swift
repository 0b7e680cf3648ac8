import RotaCore

extension FlowPlacementResult {
    /// The plan: history kept, the placed tasks, each line left out with the flow's reason.
    func plan(in problem: PlanningProblem, run: SolverRun?) -> Plan {
        var builder = PlanBuilder(problem: problem)
        for (l, outcome) in outcomes.enumerated() {
            switch outcome {
            case .none: break
            case .scheduled(let purchase, let review): builder.schedule(line: l, purchase: purchase, review: review)
            case .leftOut(let reason): builder.leaveOut(line: l, reason: reason)
            }
        }
        return builder.build(run: run)
    }

    /// The placements in dense form (the same tasks as `plan`, without the reasons).
    var schedule: DenseSchedule {
        var schedule = DenseSchedule(lineCount: outcomes.count)
        for (l, outcome) in outcomes.enumerated() {
            if case .scheduled(let purchase, let review) = outcome {
                schedule.schedule(line: l, purchase: purchase, review: review)
            }
        }
        return schedule
    }
}
