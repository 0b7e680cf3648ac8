import RotaCore

/// One plan judged against its instance, as `rota score` reports it: the metrics, the rule
/// check, the makespan bound, the weighted-lateness bound at the plan's makespan, and the
/// override rate. The one place `rota score`, the server's `/v1/score` and `/kpis`, and the
/// report compute them, so the three never disagree.
///
/// The scorer and the validator share one pass over the plan's ids
/// (`ValidationContext`), over the line and account tables the problem built.
package struct PlanAssessment: Sendable {
    package let problem: PlanningProblem
    package let metrics: PlanMetrics
    package let validation: ValidationReport
    /// The lower bound on (unscheduled, makespan); pass one in to share it between plans.
    package let bound: MakespanBound
    package let lateness: LatenessBoundOutcome
    package let overrides: OverrideRate

    package init(
        instance: Instance, plan: Plan, previous: Plan? = nil, problem: PlanningProblem? = nil, bound: MakespanBound? = nil
    ) {
        let problem = problem ?? PlanningProblem(instance)
        let context = ValidationContext(instance: instance, plan: plan, tables: InstanceTables(problem))
        self.problem = problem
        // Two independent halves, side by side on two cores: the metrics and the lateness
        // bound at the plan's makespan; the rule check and the makespan bound.
        let (scored, checked) = Concurrently.both(
            size: plan.tasks.count,
            { () -> (PlanMetrics, LatenessBoundOutcome) in
                let metrics = Scorer().score(in: context, previous: previous)
                let lateness = LatenessBounds.compute(
                    problem, makespan: metrics.makespan, unscheduled: metrics.unscheduled,
                    target: metrics.weightedLateness)
                return (metrics, lateness)
            },
            { () -> (ValidationReport, MakespanBound) in
                (Validator().validate(context), bound ?? LowerBounds.compute(problem))
            })
        (metrics, lateness) = scored
        (validation, self.bound) = checked
        overrides = OverrideRate(instance)
    }
}
