/// A proven lexicographic lower bound: no valid plan leaves out fewer than `unscheduled` lines,
/// and every valid plan leaving out exactly that many has a makespan of at least `makespan`.
public struct MakespanBound: Hashable, Sendable {
    /// The fewest lines any valid plan leaves out.
    public var unscheduled: Int
    /// The smallest makespan of a valid plan leaving out `unscheduled` lines.
    public var makespan: Int
    /// What each argument proved, by name (see `LowerBounds`).
    public var parts: [String: Int]

    public init(unscheduled: Int, makespan: Int, parts: [String: Int] = [:]) {
        self.unscheduled = unscheduled
        self.makespan = makespan
        self.parts = parts
    }
}

/// The relative gap `(makespan - bound) / makespan`: 0 when `makespan` is 0, and never below 0
/// (a plan leaving out more lines than the bound's count may end before the bound).
package func gap(makespan: Int, bound: Int) -> Double {
    guard makespan > 0 else { return 0 }
    return max(0, Double(makespan - bound) / Double(makespan))
}
