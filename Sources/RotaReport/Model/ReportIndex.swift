import Rota

/// The instance in dense form for the report: lines, accounts and SLA tiers numbered, each
/// line's order, tier, due date and creation day, and the calendar the charts share.
package struct ReportIndex: Sendable {
    package let lines: [ResolvedLine]
    package let lineIndex: [LineID: Int]
    package let accounts: [Account]
    package let accountIndex: [AccountID: Int]
    /// Tier names, sorted, with "no tier" last when some order has none.
    package let tiers: [String]
    /// Each line's index into `tiers`.
    package let lineTier: [Int]
    /// Each line's creation day (`createdAt`, else the instance's start).
    package let created: [Day]
    package let start: Day

    /// The name shown for lines whose order has no SLA tier.
    package static let noTier = "no tier"

    package init(_ instance: Instance) {
        lines = instance.resolvedLines
        var lineIndex: [LineID: Int] = [:]
        lineIndex.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() where lineIndex[line.id] == nil { lineIndex[line.id] = i }
        self.lineIndex = lineIndex
        accounts = instance.accounts
        var accountIndex: [AccountID: Int] = [:]
        for (i, account) in accounts.enumerated() where accountIndex[account.id] == nil { accountIndex[account.id] = i }
        self.accountIndex = accountIndex
        let named = Set(lines.compactMap(\.slaTier)).sorted()
        let hasUntiered = lines.contains { $0.slaTier == nil }
        tiers = named + (hasUntiered ? [Self.noTier] : [])
        var tierIndex: [String: Int] = [:]
        for (i, tier) in named.enumerated() { tierIndex[tier] = i }
        lineTier = lines.map { $0.slaTier.flatMap { tierIndex[$0] } ?? named.count }
        var createdByOrder: [OrderID: Day] = [:]
        for order in instance.orders { createdByOrder[order.id] = order.createdAt ?? instance.start }
        created = lines.map { createdByOrder[$0.order] ?? instance.start }
        start = instance.start
    }
}
