import RotaCore

/// Rule 5: purchases of one item by one account stay within `sameItemPerAccountPerDay` on
/// every day and within `sameItemPerAccount` over the whole plan, history included.
package struct SameItemRule: FeasibilityRule {
    package var number: Int { 5 }
    package var title: String { "same item per account" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        let perDay = context.instance.rules.sameItemPerAccountPerDay
        let total = context.instance.rules.sameItemPerAccount
        guard perDay != nil || total != nil else { return }
        var counts = ItemCounts(items: (context.itemOfTask.max() ?? -1) + 1)
        for (index, account) in context.instance.accounts.enumerated() {
            let byDay = context.purchasesOfAccount[index]
            // Most accounts are within both caps: one counting pass over the bucket tells.
            guard counts.exceeds(byDay, perDay: perDay, total: total, context) else { continue }
            // The account's purchases by item, then day (then plan order). Its bucket is in
            // (day, position) order already, so (item, rank in the bucket) is that order, with
            // every key distinct: no task is copied to compare dates.
            var keyed = byDay.enumerated().map { rank, position in (context.itemOfTask[position], rank) }
            keyed.sort { $0 < $1 }
            let purchases = keyed.map { byDay[byDay.startIndex + $0.1] }
            for item in context.runs(of: purchases[...], by: { context.itemOfTask[$0] }) {
                if let total, item.count > total, item.contains(where: context.isPending) {
                    found.append(overTotal(item, cap: total, account: account.id, context))
                }
                guard let perDay, item.count > perDay else { continue }
                for day in context.runs(of: item, by: { context.dayOfTask[$0] }) where day.count > perDay {
                    guard day.contains(where: context.isPending), let first = day.first else { continue }
                    let task = context.task(first)
                    found.append(
                        Violation(
                            rule: number, tasks: day.map { context.task($0).id },
                            lines: day.map { context.task($0).line }, account: account.id, day: task.date,
                            message: "\(account.id) purchases item \(task.item) \(day.count) times on \(task.date), "
                                + "over the limit of \(perDay) per account per day"))
                }
            }
        }
    }

    /// Purchases per item number of one account, over the plan and on one day, to tell in one
    /// pass whether any item goes over a cap (the rule then looks at that account closely).
    private struct ItemCounts {
        var total: [Int]
        var today: [Int]
        /// Per item: the day `today` counts (`Int.min`: none yet).
        var dayOf: [Int]
        /// Items counted for the current account, to reset.
        var touched: [Int] = []

        init(items: Int) {
            total = [Int](repeating: 0, count: items)
            today = [Int](repeating: 0, count: items)
            dayOf = [Int](repeating: Int.min, count: items)
        }

        /// Whether some item of `purchases` (one account's, in day order) is bought more
        /// than `total` times, or more than `perDay` times on one day.
        mutating func exceeds(_ purchases: ArraySlice<Int>, perDay: Int?, total cap: Int?, _ context: ValidationContext)
            -> Bool
        {
            defer {
                for item in touched {
                    total[item] = 0
                    dayOf[item] = Int.min
                }
                touched.removeAll(keepingCapacity: true)
            }
            for position in purchases {
                let item = context.itemOfTask[position]
                let day = context.dayOfTask[position]
                if total[item] == 0 { touched.append(item) }
                total[item] += 1
                if let cap, total[item] > cap { return true }
                if dayOf[item] != day {
                    dayOf[item] = day
                    today[item] = 0
                }
                today[item] += 1
                if let perDay, today[item] > perDay { return true }
            }
            return false
        }
    }

    /// The breach of the whole-plan cap, dated on the first purchase beyond it.
    private func overTotal(_ item: ArraySlice<Int>, cap: Int, account: AccountID, _ context: ValidationContext)
        -> Violation
    {
        let first = context.task(item[item.startIndex])
        let beyond = context.task(item[item.startIndex + max(cap, 0)])
        return Violation(
            rule: number, tasks: item.map { context.task($0).id }, lines: item.map { context.task($0).line },
            account: account, day: beyond.date,
            message: "\(account) purchases item \(first.item) \(item.count) times over the plan, "
                + "over the limit of \(cap) per account (the first one too many is on \(beyond.date))")
    }
}
