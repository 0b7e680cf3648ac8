/// Purchases by deadline against the accounts' purchase capacity on days `0...D`.
///
/// With every review before `M`, a line with lag `ℓ` must be purchased by `dl = M - 1 - ℓ`.
/// For every day `D`, the scheduled lines with `dl ≤ D` are all purchased in `0...D`, which
/// holds at most `cap(D) = Σ_a purchasePrefix[a][D]` pending purchases (daily limits less
/// history, per rolling window at most its hard cap less history). So at least
/// `count(dl ≤ D) - cap(D)` of those lines are left out; leaving out the lines with the
/// earliest deadlines meets every `D` at once, so the best a plan can do is
/// `max_D (count(dl ≤ D) - cap(D))`. Lines that cannot be reviewed before `M` at all are
/// left out too and counted apart.
struct PurchaseDeadlineArgument: DropArgument {
    let name = "capacity"
    let deadlines: ReviewDeadlines
    /// (earliest review, lag) of the possible lines needing a purchase.
    let purchases: [(review: Int, lag: Int)]
    let capacity: [Int]

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines) {
        self.deadlines = deadlines
        purchases = lines.possible.filter(\.needsPurchase).map { ($0.earliestReview, $0.lag) }
        var capacity = [Int](repeating: 0, count: deadlines.horizon)
        for prefix in accounts.purchasePrefix {
            for d in capacity.indices { capacity[d] = min(capacity[d] + prefix[d], PlanningProblem.unlimited) }
        }
        self.capacity = capacity
    }

    func drops(makespan: Int) -> Int {
        var due = [Int](repeating: 0, count: deadlines.horizon)
        for line in purchases where line.review < makespan {
            // A line reviewable before `makespan` has a deadline ≥ its earliest purchase ≥ 0.
            let deadline = deadlines.purchaseDeadline(lag: line.lag, makespan: makespan)
            if deadline >= 0 { due[deadline] += 1 }
        }
        var excess = 0
        var count = 0
        for d in due.indices {
            count += due[d]
            excess = max(excess, count - capacity[d])
        }
        return deadlines.late(makespan) + excess
    }
}
