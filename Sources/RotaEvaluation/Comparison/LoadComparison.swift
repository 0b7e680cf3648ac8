/// The work of one account (or on one day) in plan A and in plan B.
public struct LoadComparison<Key: Hashable & Sendable>: Hashable, Sendable {
    /// The account or the day.
    public var key: Key
    public var a: TaskCounts
    public var b: TaskCounts

    public init(key: Key, a: TaskCounts, b: TaskCounts) {
        self.key = key
        self.a = a
        self.b = b
    }

    /// Whether the two plans give this account or day different work.
    public var differs: Bool { a != b }
}
