import RotaCore

/// Purchases by deadline against the accounts' purchase capacity on days `0...D`.
///
/// With every review before `M`, a line with lag `ℓ` must be purchased by `dl = M - 1 - ℓ`
/// (at most `horizon - 1`). Account `a` only helps if it can also review it by `M - 1`: its last
/// review day `≤ M - 1` is `M - 1 - σ_a`, so it buys the line by `dl - σ_a`. For every day
/// `D < horizon - 1`, the scheduled lines with `dl ≤ D` have lag `≥ M - 1 - D`; those bought by
/// `a` are bought on days `0...D - σ_a` (at `D = horizon - 1`, on any day) and reviewed by `a`
/// on days `max(0, M - 1 - D)...M - 1` (a review is at least the lag after a purchase on a day
/// `≥ 0`), so
///
///   `cap(D) = Σ_a min(purchasePrefix[a][D - σ_a], reviews(a, max(0, M - 1 - D)...M - 1))`
///
/// (`purchasePrefix`: daily limits less history, per rolling window at most its hard cap less
/// history) bounds how many of them are scheduled, and at least `count(dl ≤ D) - cap(D)` are
/// left out. Leaving out the lines with the earliest deadlines meets every `D` at once, so a plan
/// leaves out at least `max_D (count(dl ≤ D) - cap(D))` lines, plus the lines that cannot be
/// reviewed before `M` at all. Raising `M` by one raises each `D - σ_a` by at least one for the
/// same lines, so `drops` never increases with `M`.
struct PurchaseDeadlineArgument: DropArgument {
    let name = "capacity"
    let deadlines: ReviewDeadlines
    /// (earliest review, lag) of the possible lines needing a purchase.
    let purchases: [(review: Int, lag: Int)]
    let accounts: BoundAccounts

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines) {
        self.deadlines = deadlines
        self.accounts = accounts
        purchases = lines.possible.filter(\.needsPurchase).map { ($0.earliestReview, $0.lag) }
    }

    func drops(makespan: Int) -> Int {
        let late = deadlines.late(makespan)
        let horizon = deadlines.horizon
        guard makespan > 0, makespan <= horizon, !purchases.isEmpty else { return late }
        // Deadlines are before `makespan`, within the tables' window (see `LowerBounds.compute`).
        var due = [Int](repeating: 0, count: accounts.days)
        for line in purchases where line.review < makespan {
            // A line reviewable before `makespan` has a deadline ≥ its earliest purchase ≥ 0.
            let deadline = deadlines.purchaseDeadline(lag: line.lag, makespan: makespan)
            if deadline >= 0 { due[deadline] += 1 }
        }
        let capacity = Self.capacity(
            accounts.purchasePrefix, accounts: accounts, makespan: makespan, horizon: accounts.days) { _, value in value }
        var excess = 0
        var count = 0
        for d in due.indices {
            count += due[d]
            excess = max(excess, count - capacity[d])
        }
        return late + excess
    }

    /// `result[D] = Σ_a limit(a, share(a, D))` with `share` as in `share(_:day:...)`.
    static func capacity(
        _ prefix: [[Int]], accounts: BoundAccounts, makespan: Int, horizon: Int, limit: (Int, Int) -> Int
    ) -> [Int] {
        var capacity = [Int](repeating: 0, count: horizon)
        for a in 0..<accounts.accountCount {
            let lastReview = accounts.lastReviewDay[a][makespan - 1]
            guard lastReview >= 0 else { continue }
            let shift = makespan - 1 - lastReview  // 0 ≤ shift < horizon
            for d in shift..<horizon {
                let share = share(prefix[a], account: a, day: d, shift: shift, accounts: accounts, makespan: makespan)
                capacity[d] = min(capacity[d] + limit(a, share), PlanningProblem.unlimited)
            }
        }
        return capacity
    }

    /// What account `a` (last review day `M - 1 - shift`) can do for lines with deadline `≤ day`:
    /// `min(prefix[day - shift], reviews(a, max(0, M - 1 - day)...M - 1))`, with `day - shift`
    /// replaced by `day` at `day = horizon - 1`; 0 when `day - shift < 0`.
    static func share(
        _ prefix: [Int], account a: Int, day: Int, shift: Int, accounts: BoundAccounts, makespan: Int
    ) -> Int {
        let bought = day == accounts.horizon - 1 ? day : day - shift
        guard bought >= 0 else { return 0 }
        return min(prefix[bought], accounts.reviews(a, from: makespan - 1 - day, through: makespan - 1))
    }
}
