extension DenseSchedule {
    /// The plan of this schedule: history kept, new tasks from the placements, lines left
    /// out with the problem's reason for each.
    package func plan(in problem: PlanningProblem, run: SolverRun?) -> Plan {
        var history: CapacityLedger?
        var builder = PlanBuilder(problem: problem)
        for l in problem.workLines {
            if let r = review[l] {
                builder.schedule(line: l, purchase: purchase[l], review: r)
            } else {
                let ledger = history ?? CapacityLedger(problem: problem)
                history = ledger
                builder.leaveOut(line: l, reason: problem.reasonForLeavingOut(line: l, history: ledger))
            }
        }
        return builder.build(run: run)
    }
}

extension DenseSchedule {
    /// The pending placements of `plan` in dense form (e.g. a greedy plan, as a MIP warm start):
    /// a line gets its pending purchase and review; tasks naming unknown lines or accounts, and
    /// history, are ignored. Whether the result is valid is for `violations(in:)` to say.
    package init(plan: Plan, problem: PlanningProblem) {
        self.init(lineCount: problem.lineCount)
        for task in plan.tasks where task.status == .pending {
            guard let l = problem.lineIndex[task.line], let a = problem.accountIndex[task.account] else { continue }
            let placement = Placement(account: a, day: task.date - problem.instance.start)
            switch task.kind {
            case .purchase: purchase[l] = placement
            case .review: review[l] = placement
            }
        }
        // A purchase without its review is not a scheduled line.
        for l in 0..<problem.lineCount where review[l] == nil { purchase[l] = nil }
    }
}
