import RotaCore

/// A row of a plan comparison: an objective level, or a measure that is no level (SLA
/// adherence, one row per tier, and the task counts).
public enum ComparedMetric: Hashable, Sendable {
    /// An objective level (`changes` is not compared: it needs a previous plan).
    case level(ObjectiveLevel)
    /// The on-time share of one SLA tier's lines that have a due date.
    case slaShare(tier: String)
    case purchases
    case reviews

    /// The name in JSON: the `PlanMetrics` property, `slaShare.<tier>` for a tier.
    public var name: String {
        switch self {
        case .level(let level): level.metricName
        case .slaShare(let tier): "slaShare.\(tier)"
        case .purchases: "purchases"
        case .reviews: "reviews"
        }
    }

    /// The name in reports, as `rota score` prints it: "weighted lateness", "SLA critical".
    public var label: String {
        switch self {
        case .level(let level): level.label
        case .slaShare(let tier): "SLA \(tier)"
        case .purchases: "purchases"
        case .reviews: "reviews"
        }
    }

    /// Lower is better for levels, higher for SLA shares, neither for the task counts.
    public var preference: MetricPreference {
        switch self {
        case .level: .lower
        case .slaShare: .higher
        case .purchases, .reviews: .neither
        }
    }

    /// Whether values are whole numbers (all but weighted lateness and SLA shares).
    public var isCount: Bool {
        switch self {
        case .level(let level): level.isCount
        case .slaShare: false
        case .purchases, .reviews: true
        }
    }
}
