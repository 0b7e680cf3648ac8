import RotaCore

/// One metric of both plans: the values, the difference B − A and the winner.
public struct MetricComparison: Hashable, Sendable {
    public var metric: ComparedMetric
    /// The value in plan A.
    public var a: Double
    /// The value in plan B.
    public var b: Double

    public init(metric: ComparedMetric, a: Double, b: Double) {
        self.metric = metric
        self.a = a
        self.b = b
    }

    /// B − A (negative when B has less).
    public var difference: Double { b - a }

    /// The plan with the better value; `tie` within the objective's tolerance
    /// (`Objective.tolerance`), `nil` for a metric with no better direction (purchases, reviews)
    /// or when a value is not a finite number (nothing can be said of an overflow).
    public var winner: Winner? {
        switch metric.preference {
        case .neither:
            return nil
        case .lower, .higher:
            guard a.isFinite, b.isFinite else { return nil }
            if Objective.nearlyEqual(a, b) { return .tie }
            return (metric.preference == .lower) == (a < b) ? .a : .b
        }
    }
}
