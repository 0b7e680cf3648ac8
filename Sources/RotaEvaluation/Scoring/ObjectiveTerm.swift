/// A plan metric an objective minimises; its raw value is the name used on the command line.
public enum ObjectiveTerm: String, CaseIterable, Hashable, Sendable {
    case unscheduled
    case makespan
    case weightedLateness = "lateness"
    case lateLines = "late"
    case largestLoad = "load"
    case spread
    case softOverruns = "overruns"
    /// Moved, added and removed tasks against the previous plan (0 without one).
    case changes

    /// The metric's value (smaller is better).
    public func value(of metrics: PlanMetrics) -> Double {
        switch self {
        case .unscheduled: Double(metrics.unscheduled)
        case .makespan: Double(metrics.makespan)
        case .weightedLateness: metrics.weightedLateness
        case .lateLines: Double(metrics.lateLines)
        case .largestLoad: Double(metrics.largestLoad)
        case .spread: Double(metrics.spread)
        case .softOverruns: Double(metrics.softOverruns)
        case .changes: Double(metrics.changes?.count ?? 0)
        }
    }

    /// The term named `name`: its short name or its metric name, ignoring case, `-` and `_`
    /// (`lateness`, `weightedLateness`, `weighted-lateness` are the same term).
    public init?(named name: String) {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" })
        for term in ObjectiveTerm.allCases where term.rawValue == key || term.metricName.lowercased() == key {
            self = term
            return
        }
        return nil
    }

    /// The `PlanMetrics` property it reads.
    public var metricName: String {
        switch self {
        case .unscheduled: "unscheduled"
        case .makespan: "makespan"
        case .weightedLateness: "weightedLateness"
        case .lateLines: "lateLines"
        case .largestLoad: "largestLoad"
        case .spread: "spread"
        case .softOverruns: "softOverruns"
        case .changes: "changes"
        }
    }
}
