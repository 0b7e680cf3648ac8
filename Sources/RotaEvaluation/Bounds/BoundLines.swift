import RotaCore

/// The lines a plan must still serve, each with the earliest days its purchase and review can be.
///
/// For a line needing a purchase, over every account: the first day `p ≥ firstPurchaseDay` the
/// account can buy (available, daily limit and rolling hard cap not filled by history, same-item
/// caps left), then the first day `r ≥ p + lag` (and `≥ 0`) it can review (available, review cap
/// not filled by history), before the horizon. The earliest `p` gives the earliest `r`, as the
/// first review day after `p + lag` never decreases with `p`. For a line whose purchase is
/// completed only that account reviews. A line with no such day can never be scheduled.
struct BoundLines {
    /// A line that can be scheduled, with its earliest review day.
    struct Entry {
        var line: Int
        var item: Int
        var lag: Int
        /// Needs a new purchase (not only a review of a completed one).
        var needsPurchase: Bool
        /// No pending purchase can be before this day.
        var earliestPurchase: Int
        /// No pending review can be before this day.
        var earliestReview: Int
    }

    /// Lines that can be scheduled.
    let possible: [Entry]
    /// Lines no valid plan can schedule.
    let impossible: Int
    /// The last completed review's day offset, if any.
    let lastCompletedReview: Int?

    /// Work budget (account visits) for honouring per-item history; past it history is ignored,
    /// which only makes earliest days earlier.
    static let itemHistoryBudget = 20_000_000

    init(_ problem: PlanningProblem, accounts: BoundAccounts) {
        let horizon = problem.horizon
        // Accounts with the same buy and review days share their runs.
        var signatureOf: [[Int]: Int] = [:]
        var buyRuns: [[Int]] = []
        var reviewRuns: [[Int]] = []
        var signature = [Int](repeating: 0, count: accounts.accountCount)
        for a in 0..<accounts.accountCount {
            // Run bounds are ≥ 0, so -1 separates the two lists unambiguously.
            let key = accounts.buyRuns[a] + [-1] + accounts.reviewRuns[a]
            if let s = signatureOf[key] {
                signature[a] = s
            } else {
                signatureOf[key] = buyRuns.count
                signature[a] = buyRuns.count
                buyRuns.append(accounts.buyRuns[a])
                reviewRuns.append(accounts.reviewRuns[a])
            }
        }
        /// The first day `≥ day` on which signature `s` may buy (review), or `horizon`.
        func nextBuy(_ s: Int, _ day: Int) -> Int { DayRuns.next(in: buyRuns[s], from: day, horizon: horizon) }
        func nextReview(_ s: Int, _ day: Int) -> Int {
            DayRuns.next(in: reviewRuns[s], from: day, horizon: horizon)
        }
        /// (earliest purchase, earliest review) over the given tables, or nil.
        func earliest(from first: Int, lag: Int, tables: some Sequence<Int>) -> (Int, Int)? {
            var best: (Int, Int)?
            guard first < horizon else { return nil }
            for s in tables {
                let p = nextBuy(s, first)
                guard p < horizon else { continue }
                let t = max(0, p + lag)
                guard t < horizon else { continue }
                let r = nextReview(s, t)
                guard r < horizon else { continue }
                best = (min(best?.0 ?? p, p), min(best?.1 ?? r, r))
            }
            return best
        }

        // Accounts that have used up `sameItemPerAccount` for an item cannot buy it again.
        var exhausted: [Int: [Int]] = [:]
        if problem.sameItemTotal < PlanningProblem.unlimited {
            for a in 0..<accounts.accountCount {
                for (item, count) in accounts.itemHistory[a] where count >= problem.sameItemTotal {
                    exhausted[item, default: []].append(a)
                }
            }
        }
        var budget = Self.itemHistoryBudget

        var reviewedLines = Set<Int>()
        var lastCompletedReview: Int?
        for review in problem.completedReviews {
            reviewedLines.insert(review.line)
            lastCompletedReview = max(lastCompletedReview ?? review.day, review.day)
        }
        self.lastCompletedReview = lastCompletedReview

        var generic: [GroupKey: (Int, Int)?] = [:]
        var perItem: [GroupKey: (Int, Int)?] = [:]
        var possible: [Entry] = []
        var impossible = 0
        for l in 0..<problem.lineCount {
            // The line's own lag (a negative one lets the review precede the purchase), kept within
            // ±(horizon + 1), which changes no answer and keeps day arithmetic from overflowing.
            let lag = min(max(problem.lines[l].lag, -(horizon + 1)), horizon + 1)
            var found: (Int, Int)?
            switch problem.need[l] {
            case .done:
                continue
            case .purchaseAndReview:
                // A completed review without a completed purchase: odd history a plan may handle
                // either way; leaving the line out of every argument keeps the bound valid.
                if reviewedLines.contains(l) { continue }
                let first = problem.firstPurchaseDay[l]
                let item = problem.lineItem[l]
                let key = GroupKey(item: 0, first: first, lag: lag)
                if let blocked = exhausted[item] {
                    if blocked.count >= accounts.accountCount {
                        found = nil
                    } else if let cached = perItem[GroupKey(item: item, first: first, lag: lag)] {
                        found = cached
                    } else if budget >= accounts.accountCount {
                        budget -= accounts.accountCount
                        let excluded = Set(blocked)
                        found = earliest(
                            from: first, lag: lag,
                            tables: (0..<accounts.accountCount).lazy.filter { !excluded.contains($0) }.map { signature[$0] })
                        perItem[GroupKey(item: item, first: first, lag: lag)] = found
                    } else {
                        found = earliest(from: first, lag: lag, tables: 0..<buyRuns.count)
                    }
                } else if let cached = generic[key] {
                    found = cached
                } else {
                    found = earliest(from: first, lag: lag, tables: 0..<buyRuns.count)
                    generic[key] = found
                }
            case .review(let account, let purchaseDay):
                let t = max(0, purchaseDay + lag)
                if t < horizon, account < accounts.accountCount {
                    let r = nextReview(signature[account], t)
                    if r < horizon { found = (purchaseDay, r) }
                }
            }
            if let (p, r) = found {
                possible.append(
                    Entry(
                        line: l, item: problem.lineItem[l], lag: lag, needsPurchase: problem.need[l] == .purchaseAndReview,
                        earliestPurchase: p, earliestReview: r))
            } else {
                impossible += 1
            }
        }
        self.possible = possible
        self.impossible = impossible
    }
}

/// Lines sharing first purchase day and lag (and item, when item history matters) share earliest days.
private struct GroupKey: Hashable {
    var item: Int
    var first: Int
    var lag: Int
}
