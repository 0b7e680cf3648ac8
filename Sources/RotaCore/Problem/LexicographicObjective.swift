/// The default objective of FORMAT.md, level by level — unscheduled, makespan, weighted
/// lateness, largest load, spread — then soft overruns as a final tie-break.
public struct LexicographicObjective: Hashable, Sendable {
    /// Lines left out.
    public var unscheduled: Int
    /// Days from `start` to the last non-missed review, both ends counted (0 without reviews).
    public var makespan: Int
    /// Σ weight × days late over scheduled lines (completed reviews included).
    public var weightedLateness: Double
    /// The most purchases of any account, history included.
    public var largestLoad: Int
    /// Busiest minus idlest account's purchases.
    public var spread: Int
    /// (account, window start) pairs whose rolling window holds more purchases than `soft`.
    public var softOverruns: Int

    /// Lateness values closer than this (relative to their size, at least 1) count as equal.
    public static let latenessTolerance = 1e-6

    public init(
        unscheduled: Int, makespan: Int, weightedLateness: Double, largestLoad: Int, spread: Int,
        softOverruns: Int
    ) {
        self.unscheduled = unscheduled
        self.makespan = makespan
        self.weightedLateness = weightedLateness
        self.largestLoad = largestLoad
        self.spread = spread
        self.softOverruns = softOverruns
    }

    /// Whether two lateness values are equal within `latenessTolerance`.
    public static func sameLateness(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= latenessTolerance * max(1, abs(a), abs(b))
    }

    /// -1 when `self` is better, 0 when equal level by level (lateness within tolerance), 1 when worse.
    public func compare(_ other: LexicographicObjective) -> Int {
        if unscheduled != other.unscheduled { return unscheduled < other.unscheduled ? -1 : 1 }
        if makespan != other.makespan { return makespan < other.makespan ? -1 : 1 }
        if !Self.sameLateness(weightedLateness, other.weightedLateness) {
            return weightedLateness < other.weightedLateness ? -1 : 1
        }
        if largestLoad != other.largestLoad { return largestLoad < other.largestLoad ? -1 : 1 }
        if spread != other.spread { return spread < other.spread ? -1 : 1 }
        if softOverruns != other.softOverruns { return softOverruns < other.softOverruns ? -1 : 1 }
        return 0
    }

    /// Strictly better at the first level where the two differ.
    public func isBetter(than other: LexicographicObjective) -> Bool { compare(other) < 0 }

    /// Equal at every level (lateness within tolerance).
    public func isEquivalent(to other: LexicographicObjective) -> Bool { compare(other) == 0 }
}

extension LexicographicObjective: CustomStringConvertible {
    public var description: String {
        "unscheduled \(unscheduled), makespan \(makespan), lateness \(weightedLateness), "
            + "largest load \(largestLoad), spread \(spread), soft overruns \(softOverruns)"
    }
}
