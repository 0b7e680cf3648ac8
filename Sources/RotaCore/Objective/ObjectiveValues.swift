/// A plan's value at every `ObjectiveLevel`: what `Objective` compares.
///
/// `PlanMetrics.objectiveValues` gives them for a plan scored from its tasks;
/// `DenseSchedule.objectiveValues(in:)` computes them for a dense schedule (the MIP, the oracle);
/// the greedy search fills the levels of `Objective.default` for each of its passes.
public struct ObjectiveValues: Hashable, Sendable {
    /// Lines left out.
    public var unscheduled: Int
    /// Days from `start` to the last non-missed review, both ends counted (0 without reviews).
    public var makespan: Int
    /// Σ weight × days late over scheduled lines (completed reviews included).
    public var weightedLateness: Double
    /// Scheduled lines reviewed after their due date (completed reviews included).
    public var lateLines: Int
    /// The most purchases of any account, history included.
    public var largestLoad: Int
    /// Busiest minus idlest account's purchases.
    public var spread: Int
    /// (account, window start) pairs whose rolling window holds more purchases than `soft`.
    public var softOverruns: Int
    /// Moved, added and removed tasks against a previous plan (0 without one).
    public var changes: Int

    public init(
        unscheduled: Int, makespan: Int, weightedLateness: Double, lateLines: Int = 0, largestLoad: Int, spread: Int,
        softOverruns: Int = 0, changes: Int = 0
    ) {
        self.unscheduled = unscheduled
        self.makespan = makespan
        self.weightedLateness = weightedLateness
        self.lateLines = lateLines
        self.largestLoad = largestLoad
        self.spread = spread
        self.softOverruns = softOverruns
        self.changes = changes
    }
}

extension ObjectiveValues: CustomStringConvertible {
    public var description: String {
        "unscheduled \(unscheduled), makespan \(makespan), lateness \(weightedLateness), "
            + "largest load \(largestLoad), spread \(spread), soft overruns \(softOverruns)"
    }
}
