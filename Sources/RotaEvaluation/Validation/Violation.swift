import RotaCore

/// One breach of a feasibility rule by a plan, with the tasks, lines, account and day involved.
public struct Violation: Hashable, Sendable {
    /// The feasibility rule broken (1…9, numbered as in the format specification).
    public var rule: Int
    /// The tasks involved, sorted by id.
    public var tasks: [TaskID]
    /// The lines involved, sorted by id.
    public var lines: [LineID]
    /// The account involved, if one is.
    public var account: AccountID?
    /// The day the breach happens on, if there is one.
    public var day: Day?
    /// What is wrong, in words and with the numbers.
    public var message: String

    public init(
        rule: Int, tasks: [TaskID] = [], lines: [LineID] = [], account: AccountID? = nil, day: Day? = nil,
        message: String
    ) {
        self.rule = rule
        self.tasks = tasks.sorted()
        self.lines = Array(Set(lines)).sorted()
        self.account = account
        self.day = day
        self.message = message
    }
}

extension Violation: CustomStringConvertible {
    public var description: String { "rule \(rule): \(message)" }
}

extension Violation {
    /// The report's order: by rule, then day, account and task ids (absent values first),
    /// then lines and message so that the order is total.
    static func precedes(_ a: Violation, _ b: Violation) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.day != b.day { return precedes(a.day, b.day) }
        if a.account != b.account { return precedes(a.account, b.account) }
        if a.tasks != b.tasks { return a.tasks.lexicographicallyPrecedes(b.tasks) }
        if a.lines != b.lines { return a.lines.lexicographicallyPrecedes(b.lines) }
        return a.message < b.message
    }

    private static func precedes<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
        switch (a, b) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }
}
