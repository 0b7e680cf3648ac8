import RotaCore

/// The naive baseline (`seed-greedy`): days in order; each day, the lines whose first purchase
/// day has come in input order; each line goes to the first account, in input order, that can
/// buy its item that day and review it on purchase day + lag or its next day able to review.
package struct SeedGreedySolver: Solver {
    package let name = "seed-greedy"

    package init() {}

    package func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        // Pins and forbidden accounts: placed first, the rest planned around them (OverrideSolving).
        if problem.hasOverridesToPlace {
            return try OverrideSolving.solve(self, in: SolveContext(problem, options: options))
        }
        let stopwatch = GreedyStopwatch()
        var ledger = CapacityLedger(problem: problem)
        let decisions = Self.decide(problem, ledger: &ledger)
        let run = SolverRun(
            name: name, status: .heuristic, seconds: stopwatch.seconds,
            versions: ["rota": RotaVersion.current])
        return SolveResult(plan: decisions.plan(problem: problem, run: run), run: run)
    }

    /// Runs the baseline on a fresh (reset) ledger and returns its decisions.
    package static func decide(_ problem: PlanningProblem, ledger: inout CapacityLedger) -> GreedyDecisions {
        let horizon = problem.horizon
        var decisions = GreedyDecisions(lineCount: problem.lineCount)
        ledger.placeCompletedPurchaseReviews(problem: problem, into: &decisions)

        // Lines to buy, released on their first purchase day; ranks are input positions.
        var release = [[Int]](repeating: [], count: horizon)
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview {
            let first = problem.firstPurchaseDay[l]
            if problem.lag[l] > horizon - 1 - first {
                decisions.leaveOut(line: l, cause: .beyondHorizon)
            } else {
                release[first].append(l)
            }
        }
        var active = RankSet(capacity: problem.lineCount)
        var open: [Int] = []
        var failedLag = [Int](repeating: 0, count: problem.itemCount)
        var failedOn = [Int](repeating: -1, count: problem.itemCount)
        for d in 0..<horizon {
            for l in release[d] { active.insert(l) }
            guard !active.isEmpty else { continue }
            open.removeAll(keepingCapacity: true)
            for a in 0..<problem.accountCount where ledger.canOpen(account: a, day: d) { open.append(a) }
            var closed = 0
            var next = active.next(from: 0)
            while let l = next, open.count > closed {
                next = active.next(from: l + 1)
                let item = problem.lineItem[l]
                let lag = problem.lag[l]
                if d + lag > horizon - 1 || ledger.isExhausted(item: item) {
                    active.remove(l)
                    decisions.leaveOut(line: l, cause: ledger.isExhausted(item: item) ? .itemExhausted : .noCapacity)
                    continue
                }
                // Within a day capacity only shrinks: a longer lag fails where a shorter one did.
                if failedOn[item] == d && lag >= failedLag[item] { continue }
                var placed = false
                for k in open.indices {
                    let a = open[k]
                    guard a >= 0 else { continue }
                    guard ledger.canOpen(account: a, day: d) else {
                        open[k] = -1
                        closed += 1
                        continue
                    }
                    guard ledger.itemAllows(account: a, item: item, day: d),
                        let r = ledger.firstReviewDay(account: a, from: d + lag, through: horizon - 1)
                    else { continue }
                    ledger.recordPurchase(account: a, item: item, day: d)
                    ledger.recordReview(account: a, day: r)
                    decisions.schedule(line: l, account: a, purchaseDay: d, reviewDay: r)
                    active.remove(l)
                    if !ledger.canOpen(account: a, day: d) {
                        open[k] = -1
                        closed += 1
                    }
                    placed = true
                    break
                }
                if !placed {
                    failedOn[item] = d
                    failedLag[item] = lag
                }
                if closed * 2 > open.count {
                    open.removeAll { $0 < 0 }
                    closed = 0
                }
            }
        }
        var next = active.next(from: 0)
        while let l = next {
            next = active.next(from: l + 1)
            decisions.leaveOut(line: l, cause: ledger.isExhausted(item: problem.lineItem[l]) ? .itemExhausted : .noCapacity)
        }
        return decisions
    }
}
