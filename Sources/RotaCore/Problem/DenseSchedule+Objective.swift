extension DenseSchedule {
    /// The lexicographic objective of this schedule with the problem's completed history.
    public func objective(in problem: PlanningProblem) -> LexicographicObjective {
        objective(in: problem, history: PlanningHistory(problem))
    }

    /// The lexicographic objective, reusing an already computed history.
    public func objective(in problem: PlanningProblem, history: PlanningHistory) -> LexicographicObjective {
        var unscheduled = 0
        var makespan = history.makespanFloor
        var lateness = 0.0
        for l in 0..<problem.lineCount {
            if problem.need[l] == .done {
                if let r = history.lineReviewDay[l] {
                    lateness += problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: r))
                }
                continue
            }
            guard let r = review[l] else {
                unscheduled += 1
                continue
            }
            makespan = max(makespan, r.day + 1)
            lateness += problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: r.day))
        }
        var load = history.load
        for case let p? in purchase where p.account < load.count { load[p.account] += 1 }
        let largest = load.max() ?? 0
        let spread = largest - (load.min() ?? 0)
        return LexicographicObjective(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: lateness, largestLoad: largest,
            spread: spread, softOverruns: softOverruns(in: problem, history: history))
    }

    /// Counts (account, window start) pairs whose rolling window holds more purchases than `soft`,
    /// history included, over every window start that sees a purchase.
    package func softOverruns(in problem: PlanningProblem, history: PlanningHistory) -> Int {
        var byAccount = [[Int]](repeating: [], count: problem.accountCount)
        for case let p? in purchase where p.account < byAccount.count { byAccount[p.account].append(p.day) }
        var count = 0
        for a in 0..<problem.accountCount {
            guard let length = problem.windowLength(account: a), let soft = problem.rolling[a]?.soft else { continue }
            let days = (history.purchaseDays[a] + byAccount[a]).sorted()
            guard let first = days.first, let last = days.last else { continue }
            var perDay: [Int: Int] = [:]
            for d in days { perDay[d, default: 0] += 1 }
            // Slide the window [s, s + length) over every start that can hold a purchase
            // (no purchase lies before `first`, so the first window holds only day `first`).
            var inWindow = 0
            for s in (first - length + 1)...last {
                inWindow += perDay[s + length - 1] ?? 0
                if s > first - length + 1 { inWindow -= perDay[s - 1] ?? 0 }
                if inWindow > soft { count += 1 }
            }
        }
        return count
    }
}
