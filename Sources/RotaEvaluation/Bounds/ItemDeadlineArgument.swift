import RotaCore

/// Purchases by deadline, item by item, against the capacity for one item on days `0...D`.
///
/// As in `PurchaseDeadlineArgument`, but for the lines of one item `i`: account `a` buys at
/// most `itemPrefix[a][D - σ_a]` of them by their deadlines (per day `min(dailyLimit less
/// history, sameItemPerAccountPerDay)`, per rolling window its hard cap less history), reviews
/// at most `reviews(a, max(0, M - 1 - D)...M - 1)` of them, and buys at most
/// `left[a][i] = sameItemPerAccount - completed purchases of i by a` in all. Items have disjoint
/// lines, so the lines each item must leave out add up:
///
///   `drops(M) = late(M) + Σ_i max_D (count_i(dl ≤ D) - Σ_a min(share(a, D), left[a][i]))`.
///
/// At `M = horizon` this includes the lines beyond the accounts' remaining
/// `sameItemPerAccount` capacity.
struct ItemDeadlineArgument: DropArgument {
    let name = "item"
    let deadlines: ReviewDeadlines
    let accounts: BoundAccounts
    /// Possible lines needing a purchase, grouped by item, each group by decreasing lag.
    let groups: [[(review: Int, lag: Int)]]
    /// The item of each group.
    let groupItem: [Int]
    let sameItemTotal: Int
    /// Per item: accounts with completed purchases of it and the count (only when
    /// `sameItemPerAccount` is limited).
    let history: [Int: [(account: Int, count: Int)]]

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines, sameItemTotal: Int) {
        self.deadlines = deadlines
        self.accounts = accounts
        self.sameItemTotal = sameItemTotal
        var byItem: [Int: [(review: Int, lag: Int)]] = [:]
        for entry in lines.possible where entry.needsPurchase {
            byItem[entry.item, default: []].append((entry.earliestReview, entry.lag))
        }
        let items = byItem.keys.sorted()
        groupItem = items
        groups = items.map { item in (byItem[item] ?? []).sorted { $0.lag > $1.lag } }
        var history: [Int: [(account: Int, count: Int)]] = [:]
        if sameItemTotal < PlanningProblem.unlimited {
            for (a, counts) in accounts.itemHistory.enumerated() {
                for (item, count) in counts.sorted(by: { $0.key < $1.key }) where count > 0 {
                    history[item, default: []].append((a, count))
                }
            }
        }
        self.history = history
    }

    func drops(makespan: Int) -> Int {
        let late = deadlines.late(makespan)
        let horizon = deadlines.horizon
        guard makespan > 0, makespan <= horizon, !groups.isEmpty else { return late }
        let total = sameItemTotal
        let capacity = PurchaseDeadlineArgument.capacity(
            accounts.itemPrefix, accounts: accounts, makespan: makespan, horizon: accounts.days
        ) { _, value in min(value, total) }
        /// What `a` adds to `capacity[day]`, before the `sameItemPerAccount` cap.
        func share(_ a: Int, day: Int) -> Int {
            let lastReview = accounts.lastReviewDay[a][makespan - 1]
            guard lastReview >= 0 else { return 0 }
            return PurchaseDeadlineArgument.share(
                accounts.itemPrefix[a], account: a, day: day, shift: makespan - 1 - lastReview, accounts: accounts,
                makespan: makespan)
        }
        /// The capacity for item `item` on days `0...day`: the generic one, less what history used.
        func itemCapacity(_ item: Int, day: Int) -> Int {
            var result = capacity[day]
            for (a, count) in history[item] ?? [] {
                let v = share(a, day: day)
                result -= min(v, total) - min(v, max(0, total - count))
            }
            return result
        }

        var drops = late
        for (g, group) in groups.enumerated() {
            var count = 0
            var excess = 0
            for (k, line) in group.enumerated() {
                if line.review < makespan { count += 1 }
                // Evaluate at the end of each run of equal lags (equal deadlines).
                if k + 1 < group.count, group[k + 1].lag == line.lag { continue }
                let deadline = deadlines.purchaseDeadline(lag: line.lag, makespan: makespan)
                guard deadline >= 0, count > 0 else { continue }
                excess = max(excess, count - itemCapacity(groupItem[g], day: deadline))
            }
            drops += excess
        }
        return drops
    }
}
