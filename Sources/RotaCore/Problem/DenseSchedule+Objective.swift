extension DenseSchedule {
    /// The schedule's objective values with the problem's completed history.
    package func objectiveValues(in problem: PlanningProblem) -> ObjectiveValues {
        objectiveValues(in: problem, history: PlanningHistory(problem))
    }

    /// The schedule's objective values, reusing an already computed history (`changes` is 0:
    /// a dense schedule has no previous plan).
    package func objectiveValues(in problem: PlanningProblem, history: PlanningHistory) -> ObjectiveValues {
        var unscheduled = 0
        var makespan = history.makespanFloor
        var lateness = 0.0
        var lateLines = 0
        for l in 0..<problem.lineCount {
            if problem.need[l] == .done {
                if let r = history.lineReviewDay[l] {
                    let late = problem.daysLate(line: l, reviewDay: r)
                    lateness += problem.weight[l] * Double(late)
                    if late > 0 { lateLines += 1 }
                }
                continue
            }
            guard let r = review[l] else {
                unscheduled += 1
                continue
            }
            makespan = max(makespan, r.day + 1)
            let late = problem.daysLate(line: l, reviewDay: r.day)
            lateness += problem.weight[l] * Double(late)
            if late > 0 { lateLines += 1 }
        }
        var load = history.load
        for case let p? in purchase where p.account < load.count { load[p.account] += 1 }
        let largest = load.max() ?? 0
        let spread = largest - (load.min() ?? 0)
        return ObjectiveValues(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: lateness, lateLines: lateLines,
            largestLoad: largest, spread: spread, softOverruns: softOverruns(in: problem, history: history))
    }

    /// `SoftOverruns.count` over each account's purchases, history included, with the window
    /// the MIP models (`PlanningProblem.windowLength(account:)`: clamped to the span of days that
    /// can hold a purchase). It equals the scorer's count when the window fits in that span; a
    /// longer one adds (rolling.days − span) windows holding every purchase for an account whose
    /// purchases exceed `soft`, which this count leaves out.
    package func softOverruns(in problem: PlanningProblem, history: PlanningHistory) -> Int {
        var byAccount = history.purchaseDays
        for case let p? in purchase where p.account < byAccount.count { byAccount[p.account].append(p.day) }
        var count = 0
        for a in 0..<problem.accountCount {
            guard let length = problem.windowLength(account: a), let soft = problem.rolling[a]?.soft else { continue }
            count += SoftOverruns.count(purchaseDays: byAccount[a], windowDays: length, soft: soft)
        }
        return count
    }
}
