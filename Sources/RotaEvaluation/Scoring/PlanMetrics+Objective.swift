import RotaCore

extension PlanMetrics {
    /// The plan's value at every objective level (`changes` counts 0 without a previous plan).
    public var objectiveValues: ObjectiveValues {
        ObjectiveValues(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: weightedLateness, lateLines: lateLines,
            largestLoad: largestLoad, spread: spread, softOverruns: softOverruns, changes: changes?.count ?? 0)
    }
}

extension ObjectiveLevel {
    /// The level's value in a plan's metrics (smaller is better).
    public func value(of metrics: PlanMetrics) -> Double { value(of: metrics.objectiveValues) }
}

extension Objective {
    /// The comparison key of a plan's metrics (see `value(_: ObjectiveValues)`).
    public func value(_ metrics: PlanMetrics) -> [Double] { value(metrics.objectiveValues) }

    /// Whether plan `a` is better, equal or worse than plan `b` (see `compare(_:_:)` on values).
    public func compare(_ a: PlanMetrics, _ b: PlanMetrics) -> ObjectiveComparison {
        compare(a.objectiveValues, b.objectiveValues)
    }
}
