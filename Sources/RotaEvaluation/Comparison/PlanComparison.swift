import RotaCore

/// Two plans of one instance side by side (A the baseline, B the candidate): both validation
/// reports and metric sets, each metric's difference and winner, the verdict, the loads per
/// account and per day, the tasks that moved, the lower bound.
public struct PlanComparison: Hashable, Sendable {
    public var a: ComparedPlan
    public var b: ComparedPlan
    /// Every metric of FORMAT.md, SLA adherence once per tier.
    public var metrics: [MetricComparison]
    public var verdict: ComparisonVerdict
    /// Per account, in the instance's account order.
    public var accountLoads: [LoadComparison<AccountID>]
    /// Per day with work in either plan, ascending.
    public var dayLoads: [LoadComparison<Day>]
    /// From A to B, matching non-missed tasks by (line, kind): `moved` changed account or day,
    /// `added` are only in B, `removed` only in A.
    public var changes: PlanChanges
    /// The instance's proven lower bound (the same for both plans).
    public var bound: MakespanBound

    public init(
        a: ComparedPlan, b: ComparedPlan, metrics: [MetricComparison], verdict: ComparisonVerdict,
        accountLoads: [LoadComparison<AccountID>], dayLoads: [LoadComparison<Day>], changes: PlanChanges,
        bound: MakespanBound
    ) {
        self.a = a
        self.b = b
        self.metrics = metrics
        self.verdict = verdict
        self.accountLoads = accountLoads
        self.dayLoads = dayLoads
        self.changes = changes
        self.bound = bound
    }

    /// The objective that gave the verdict.
    public var objective: Objective { verdict.objective }

    /// The comparison of one metric, if the plans have it (SLA tiers depend on the instance).
    public func metric(_ metric: ComparedMetric) -> MetricComparison? { metrics.first { $0.metric == metric } }

    /// Whether B fails as a replacement for A: B is infeasible, or A is better under the objective.
    public var isRegression: Bool { !b.isFeasible || verdict.winner == .a }
}
