/// One level of the objective: a plan measure that is minimised (FORMAT.md "Quality").
///
/// The one list of levels for every part of rota: `Objective` ranks plans over them,
/// `ObjectiveValues` holds a plan's value at each, the MIP solves `stages` one after another,
/// and the comparison and regression reports name the level that decided.
///
/// The raw value is the name `--objective` reads (`lateness`, `load`, `overruns`);
/// `stageName` is the name the MIP's stages and model rows carry (`largest-load`, `soft-overruns`).
public enum ObjectiveLevel: String, CaseIterable, Hashable, Sendable {
    case unscheduled
    case makespan
    case weightedLateness = "lateness"
    case lateLines = "late"
    case largestLoad = "load"
    case spread
    case softOverruns = "overruns"
    /// Moved, added and removed tasks against the previous plan (0 without one).
    case changes

    /// The levels the MIP solves, in order: FORMAT.md's default objective, then soft overruns
    /// as the final tie-break (`Objective.defaultThenSoftOverruns`).
    public static let stages: [ObjectiveLevel] = [
        .unscheduled, .makespan, .weightedLateness, .largestLoad, .spread, .softOverruns,
    ]

    /// The level's value in `values` (smaller is better).
    public func value(of values: ObjectiveValues) -> Double {
        switch self {
        case .unscheduled: Double(values.unscheduled)
        case .makespan: Double(values.makespan)
        case .weightedLateness: values.weightedLateness
        case .lateLines: Double(values.lateLines)
        case .largestLoad: Double(values.largestLoad)
        case .spread: Double(values.spread)
        case .softOverruns: Double(values.softOverruns)
        case .changes: Double(values.changes)
        }
    }

    /// The level named `name`: its short name, its metric name or its stage name, ignoring case,
    /// `-` and `_` (`lateness`, `weightedLateness`, `weighted-lateness` are the same level).
    public init?(named name: String) {
        let key = Self.key(name)
        for level in ObjectiveLevel.allCases
        where level.rawValue == key || Self.key(level.metricName) == key || Self.key(level.stageName) == key {
            self = level
            return
        }
        return nil
    }

    /// The `PlanMetrics` (and `ObjectiveValues`) property it reads.
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

    /// The name of the MIP's stage and level row for this level (`largest-load`,
    /// `soft-overruns`), as plan settings (`stages`, `last-level`) and exported models show it.
    public var stageName: String {
        switch self {
        case .unscheduled: "unscheduled"
        case .makespan: "makespan"
        case .weightedLateness: "lateness"
        case .lateLines: "late-lines"
        case .largestLoad: "largest-load"
        case .spread: "spread"
        case .softOverruns: "soft-overruns"
        case .changes: "changes"
        }
    }

    private static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}
