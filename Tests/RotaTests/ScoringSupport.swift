import RotaCore

/// Small builders for hand-made scoring and bound tests.
enum ScoringSupport {
    static let start = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)

    /// `start + offset`.
    static func day(_ offset: Int) -> Day { start + offset }

    static func task(
        _ kind: TaskKind, _ line: String, order: String = "o", item: String = "x", account: String, on offset: Int,
        status: TaskStatus = .pending
    ) -> PlanTask {
        let prefix = kind == .purchase ? "P" : "R"
        return PlanTask(
            id: TaskID("\(prefix):\(line)"), kind: kind, line: LineID(line), order: OrderID(order), item: ItemID(item),
            account: AccountID(account), date: day(offset), status: status,
            after: kind == .review ? TaskID("P:\(line)") : nil)
    }
}
