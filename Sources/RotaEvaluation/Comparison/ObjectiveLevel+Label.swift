import RotaCore

extension ObjectiveLevel {
    /// The level in reports, as `rota score` names its metric: "weighted lateness", "largest load".
    package var label: String {
        switch self {
        case .unscheduled: "unscheduled"
        case .makespan: "makespan"
        case .weightedLateness: "weighted lateness"
        case .lateLines: "late lines"
        case .largestLoad: "largest load"
        case .spread: "spread"
        case .softOverruns: "soft overruns"
        case .changes: "changes"
        }
    }

    /// Whether the level's values are whole numbers (all but weighted lateness).
    package var isCount: Bool { self != .weightedLateness }
}
