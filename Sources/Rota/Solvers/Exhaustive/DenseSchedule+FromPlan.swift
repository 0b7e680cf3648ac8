extension DenseSchedule {
    /// The placements of a plan's pending tasks, in dense form (e.g. to warm-start the MIP
    /// from another solver's plan). Tasks naming unknown lines or accounts, or days outside
    /// the horizon, are skipped; a line without a pending review is left out.
    public init(plan: Plan, problem: PlanningProblem) {
        self.init(lineCount: problem.lineCount)
        let start = problem.instance.start
        func placement(_ task: PlanTask) -> (line: Int, at: Placement)? {
            guard let l = problem.lineIndex[task.line], let a = problem.accountIndex[task.account] else { return nil }
            let day = task.date - start
            guard day >= 0, day < problem.horizon else { return nil }
            return (l, Placement(account: a, day: day))
        }
        var purchases: [Int: Placement] = [:]
        for task in plan.tasks where task.status == .pending {
            guard let (l, at) = placement(task) else { continue }
            switch task.kind {
            case .purchase: purchases[l] = at
            case .review: review[l] = at
            }
        }
        for (l, at) in purchases where review[l] != nil { purchase[l] = at }
    }
}
