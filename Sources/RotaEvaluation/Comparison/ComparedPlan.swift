/// One side of a comparison: how the plan was made, its validation report, its metrics and its gap.
public struct ComparedPlan: Hashable, Sendable {
    /// The solver named in the plan (`solver.name`), if any.
    public var solver: String?
    /// Every violation of the nine feasibility rules.
    public var validation: ValidationReport
    /// Every quality metric, recomputed from the plan's tasks.
    public var metrics: PlanMetrics
    /// `(makespan − bound) / makespan`; `nil` when the plan leaves out another number of lines
    /// than the bound's (the bound on the makespan holds only for that number).
    public var gap: Double?

    public init(solver: String?, validation: ValidationReport, metrics: PlanMetrics, gap: Double?) {
        self.solver = solver
        self.validation = validation
        self.metrics = metrics
        self.gap = gap
    }

    /// Whether the plan satisfies every feasibility rule.
    public var isFeasible: Bool { validation.isFeasible }
}
