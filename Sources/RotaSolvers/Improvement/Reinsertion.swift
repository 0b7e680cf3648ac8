import RotaCore

/// Puts freed lines back into a plan with greedy's rules, through the one rule ledger
/// (`CapacityLedger`): a line goes to the account and days giving it the earliest review by a
/// target day, the least-loaded account among those (greedy's choice), so every placement it
/// makes is allowed by every rule, given the tasks recorded before it.
///
/// Every probe of the ledger (a purchase day tried, a review day searched) counts one unit of
/// `work`, the search's deterministic budget.
struct Reinsertion {
    let problem: PlanningProblem
    private(set) var ledger: CapacityLedger
    /// Ledger probes so far.
    private(set) var work = 0

    init(problem: PlanningProblem) {
        self.problem = problem
        ledger = CapacityLedger(problem: problem)
    }

    /// Starts over from the history and the tasks `schedule` gives every line not in `freed`.
    mutating func keep(_ schedule: DenseSchedule, except freed: [Bool]) {
        ledger.reset()
        for l in 0..<problem.lineCount where !freed[l] {
            guard let r = schedule.review[l] else { continue }
            if let p = schedule.purchase[l] { ledger.recordPurchase(account: p.account, item: problem.lineItem[l], day: p.day) }
            ledger.recordReview(account: r.account, day: r.day)
        }
        work += problem.lineCount
    }

    /// Places line `l` with its review on or before `last` (clamped to the horizon) and records
    /// it; nil (nothing recorded) when no account can. `latePurchase` picks, among the purchase
    /// days giving the same review, the latest instead of the earliest.
    mutating func place(line l: Int, last: Int, latePurchase: Bool) -> (purchase: Placement?, review: Placement)? {
        let last = min(last, problem.horizon - 1)
        switch problem.need[l] {
        case .done:
            return nil
        case .review(let a, let purchaseDay):
            // Rule 6: the account that bought reviews, `lag` days or more after the purchase.
            let (from, overflow) = purchaseDay.addingReportingOverflow(problem.lag[l])
            work += 1
            guard !overflow, let r = ledger.firstReviewDay(account: a, from: from, through: last) else { return nil }
            ledger.recordReview(account: a, day: r)
            return (nil, Placement(account: a, day: r))
        case .purchaseAndReview:
            guard let (a, p, r) = choose(line: l, last: last, latePurchase: latePurchase) else { return nil }
            ledger.recordPurchase(account: a, item: problem.lineItem[l], day: p)
            ledger.recordReview(account: a, day: r)
            return (Placement(account: a, day: p), Placement(account: a, day: r))
        }
    }

    /// The (account, purchase day, review day) with the earliest review by `last`, then the
    /// least-loaded account, then the lowest account index.
    private mutating func choose(line l: Int, last: Int, latePurchase: Bool) -> (Int, Int, Int)? {
        let item = problem.lineItem[l]
        let lag = problem.lag[l]
        let first = problem.firstPurchaseDay[l]
        // The purchase is at least `lag` days before its review (rule 6), which is by `last`.
        let latest = last - lag
        guard first <= latest else { return nil }
        var best: (account: Int, purchase: Int, review: Int)?
        var bestLoad = Int.max
        for a in 0..<problem.accountCount {
            // One probe settles an account that bought the item as often as it may (rule 5).
            work += 1
            if ledger.hasReachedItemLimit(account: a, item: item) { continue }
            var d = first
            var found: (purchase: Int, review: Int)?
            // Later purchase days never review earlier: the first day the account may buy on
            // gives its earliest review.
            while d <= latest, d + lag <= best.map({ $0.review }) ?? Int.max {
                work += 1
                if ledger.canPurchase(account: a, item: item, day: d) {
                    work += 1
                    if let r = ledger.firstReviewDay(account: a, from: d + lag, through: last) { found = (d, r) }
                    break
                }
                d += 1
            }
            guard let (firstDay, r) = found else { continue }
            var p = firstDay
            let load = ledger.loads[a]
            if let best, r > best.review || (r == best.review && load >= bestLoad) { continue }
            if latePurchase {
                // Any day from `p` to `r - lag` the account may buy on reviews on `r` too.
                var later = r - lag
                while later > p {
                    work += 1
                    if ledger.canPurchase(account: a, item: item, day: later) { break }
                    later -= 1
                }
                p = later
            }
            best = (a, p, r)
            bestLoad = load
        }
        return best.map { ($0.account, $0.purchase, $0.review) }
    }
}
