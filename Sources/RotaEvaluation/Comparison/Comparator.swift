import RotaCore

/// Compares two plans of one instance: validates and scores both, then sets every metric side
/// by side, gives the verdict under an objective, and lists the loads and the tasks that moved.
///
/// Plan A is the baseline, plan B the candidate: differences are B − A, and moved tasks go
/// from A to B.
public struct Comparator: Sendable {
    public var validator: Validator
    public var scorer: Scorer

    public init(validator: Validator = Validator(), scorer: Scorer = Scorer()) {
        self.validator = validator
        self.scorer = scorer
    }

    /// The comparison of `a` and `b` on `instance`. `bound` is computed from the instance
    /// (`LowerBounds.compute`) unless given, so that callers comparing many plans of one
    /// instance compute it once.
    public func compare(
        _ a: Plan, _ b: Plan, for instance: Instance, objective: Objective = .default, bound: MakespanBound? = nil
    ) -> PlanComparison {
        let bound = bound ?? LowerBounds.compute(PlanningProblem(instance))
        let sideA = side(a, for: instance, bound: bound)
        let sideB = side(b, for: instance, bound: bound)
        return PlanComparison(
            a: sideA,
            b: sideB,
            metrics: Self.metrics(sideA.metrics, sideB.metrics),
            verdict: Self.verdict(sideA, sideB, objective: objective),
            accountLoads: Self.accountLoads(sideA.metrics, sideB.metrics),
            dayLoads: Self.dayLoads(sideA.metrics, sideB.metrics),
            changes: Scorer.changes(from: a, to: b),
            bound: bound)
    }

    private func side(_ plan: Plan, for instance: Instance, bound: MakespanBound) -> ComparedPlan {
        let metrics = scorer.score(plan, for: instance)
        return ComparedPlan(
            solver: plan.solver?.name,
            validation: validator.validate(plan, against: instance),
            metrics: metrics,
            gap: metrics.unscheduled == bound.unscheduled ? gap(makespan: metrics.makespan, bound: bound.makespan) : nil)
    }
}
