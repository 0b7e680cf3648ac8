/// Purchases by deadline, item by item, against the capacity for one item on days `0...D`.
///
/// As in `PurchaseDeadlineArgument`, but for the lines of one item `i`: account `a` buys at
/// most `itemPrefix[a][D]` of them on days `0...D` (per day `min(dailyLimit less history,
/// sameItemPerAccountPerDay)`, per rolling window its hard cap less history) and at most
/// `sameItemPerAccount - completed purchases of i by a` in all. Items have disjoint lines, so
/// the lines each item must leave out add up:
/// `drops(M) = late(M) + Σ_i max_D (count_i(dl ≤ D) - Σ_a min(itemPrefix[a][D], left[a][i]))`.
/// At `M = horizon` this includes the lines beyond the accounts' remaining
/// `sameItemPerAccount` capacity.
struct ItemDeadlineArgument: DropArgument {
    let name = "item"
    let deadlines: ReviewDeadlines
    /// Possible lines needing a purchase, grouped by item, each group by decreasing lag.
    let groups: [[(review: Int, lag: Int)]]
    /// The item of each group.
    let groupItem: [Int]
    /// `Σ_a min(itemPrefix[a][D], sameItemPerAccount)`.
    let capacity: [Int]
    let itemPrefix: [[Int]]
    let sameItemTotal: Int
    /// Per item: accounts with completed purchases of it and the count.
    let history: [Int: [(account: Int, count: Int)]]

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines, sameItemTotal: Int) {
        self.deadlines = deadlines
        self.sameItemTotal = sameItemTotal
        var byItem: [Int: [(review: Int, lag: Int)]] = [:]
        for entry in lines.possible where entry.needsPurchase {
            byItem[entry.item, default: []].append((entry.earliestReview, entry.lag))
        }
        let items = byItem.keys.sorted()
        groupItem = items
        groups = items.map { item in (byItem[item] ?? []).sorted { $0.lag > $1.lag } }
        var capacity = [Int](repeating: 0, count: deadlines.horizon)
        for prefix in accounts.itemPrefix {
            for d in capacity.indices { capacity[d] = min(capacity[d] + min(prefix[d], sameItemTotal), PlanningProblem.unlimited) }
        }
        self.capacity = capacity
        var history: [Int: [(account: Int, count: Int)]] = [:]
        if sameItemTotal < PlanningProblem.unlimited {
            for (a, counts) in accounts.itemHistory.enumerated() {
                for (item, count) in counts.sorted(by: { $0.key < $1.key }) where count > 0 {
                    history[item, default: []].append((a, count))
                }
            }
            itemPrefix = accounts.itemPrefix
        } else {
            itemPrefix = []
        }
        self.history = history
    }

    /// The capacity for item `item` on days `0...day`: the generic one, less what history used.
    func capacity(item: Int, day: Int) -> Int {
        var result = capacity[day]
        for (a, count) in history[item] ?? [] {
            let bought = itemPrefix[a][day]
            result -= min(bought, sameItemTotal) - min(bought, max(0, sameItemTotal - count))
        }
        return result
    }

    func drops(makespan: Int) -> Int {
        var total = deadlines.late(makespan)
        for (g, group) in groups.enumerated() {
            var count = 0
            var excess = 0
            for (k, line) in group.enumerated() {
                if line.review < makespan { count += 1 }
                // Evaluate at the end of each run of equal lags (equal deadlines).
                if k + 1 < group.count, group[k + 1].lag == line.lag { continue }
                let deadline = deadlines.purchaseDeadline(lag: line.lag, makespan: makespan)
                guard deadline >= 0, count > 0 else { continue }
                excess = max(excess, count - capacity(item: groupItem[g], day: deadline))
            }
            total += excess
        }
        return total
    }
}
