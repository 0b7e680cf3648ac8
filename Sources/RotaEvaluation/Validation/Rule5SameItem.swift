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
        for (index, account) in context.instance.accounts.enumerated() {
            // The account's purchases by item, then day (then plan order). Its bucket is in
            // (day, position) order already, so (item, rank in the bucket) is that order, with
            // every key distinct: no task is copied to compare dates.
            let byDay = context.purchasesOfAccount[index]
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
