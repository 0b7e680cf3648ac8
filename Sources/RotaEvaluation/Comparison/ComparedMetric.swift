/// A quality metric of FORMAT.md compared between two plans; SLA adherence is one metric per tier.
public enum ComparedMetric: Hashable, Sendable {
    case unscheduled
    case makespan
    case weightedLateness
    case lateLines
    /// The on-time share of one SLA tier's lines that have a due date.
    case slaShare(tier: String)
    case largestLoad
    case spread
    case softOverruns
    case purchases
    case reviews

    /// The name in JSON: the `PlanMetrics` property, `slaShare.<tier>` for a tier.
    public var name: String {
        switch self {
        case .unscheduled: "unscheduled"
        case .makespan: "makespan"
        case .weightedLateness: "weightedLateness"
        case .lateLines: "lateLines"
        case .slaShare(let tier): "slaShare.\(tier)"
        case .largestLoad: "largestLoad"
        case .spread: "spread"
        case .softOverruns: "softOverruns"
        case .purchases: "purchases"
        case .reviews: "reviews"
        }
    }

    /// The name in reports, as `rota score` prints it: "weighted lateness", "SLA critical".
    public var label: String {
        switch self {
        case .unscheduled: "unscheduled"
        case .makespan: "makespan"
        case .weightedLateness: "weighted lateness"
        case .lateLines: "late lines"
        case .slaShare(let tier): "SLA \(tier)"
        case .largestLoad: "largest load"
        case .spread: "spread"
        case .softOverruns: "soft overruns"
        case .purchases: "purchases"
        case .reviews: "reviews"
        }
    }

    /// Lower is better, except SLA shares (higher) and the task counts (neither).
    public var preference: MetricPreference {
        switch self {
        case .slaShare: .higher
        case .purchases, .reviews: .neither
        default: .lower
        }
    }

    /// Whether values are whole numbers (all but weighted lateness and SLA shares).
    public var isCount: Bool {
        switch self {
        case .weightedLateness, .slaShare: false
        default: true
        }
    }
}
