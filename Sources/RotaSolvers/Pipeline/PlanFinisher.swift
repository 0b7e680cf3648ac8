import RotaCore
import RotaEvaluation

/// The last step of every planning run, whoever made the plan (a solver through `Planner`, an
/// imported solution, a benchmark run, the regression gate): the plan's run record is completed
/// (the caller's limits among its settings, rota's version, the seconds when measured), the
/// plan is scored, its proven bound raised to the context's combinatorial one and its gap set
/// when it leaves out the fewest lines, its weighted lateness bound at its own makespan and
/// unscheduled count (`LatenessBounds`) and that gap set, and it is checked by the independent
/// `Validator`.
package enum PlanFinisher {
    /// The finished outcome of `result` in `context`. `seconds`, when given, replaces the run's
    /// own (rounded to microseconds). The run's status is the solver's.
    package static func finish(_ result: SolveResult, in context: SolveContext, seconds: Double? = nil)
        -> PlanningOutcome
    {
        let instance = context.problem.instance
        let bound = context.bound
        var run = result.run
        if let seconds { run.seconds = (seconds * 1e6).rounded() / 1e6 }
        run.settings.merge(context.options.settings) { solverOwn, _ in solverOwn }
        run.versions["rota"] = RotaVersion.current
        // One pass resolves every task's line and account for both the scorer and the
        // validator. The context holds the solver's plan; the finished plan differs from it
        // only in its `solver` block, which no rule reads.
        // The line, item and account tables are the ones the problem built from this instance.
        let checked = ValidationContext(instance: instance, plan: result.plan, tables: InstanceTables(context.problem))
        // The rule check runs on a second core while the plan is scored and its lateness bounded.
        let (scored, validation) = Concurrently.both(
            size: result.plan.tasks.count,
            { () -> (PlanMetrics, LatenessBoundOutcome) in
                let metrics = Scorer().score(in: checked)
                return (
                    metrics,
                    LatenessBounds.compute(
                        context.problem, makespan: metrics.makespan, unscheduled: metrics.unscheduled,
                        target: metrics.weightedLateness)
                )
            },
            { Validator().validate(checked) })
        Concurrently.release(consume checked, size: result.plan.tasks.count)
        let (metrics, lateness) = scored
        if metrics.unscheduled == bound.unscheduled {
            run.lowerBound = max(run.lowerBound ?? 0, bound.makespan)
            if let lower = run.lowerBound {
                run.gap = gap(makespan: metrics.makespan, bound: lower)
            }
        }
        switch lateness {
        case .proven(let latenessBound):
            run.latenessBound = latenessBound.value
            run.latenessGap = latenessBound.gap(lateness: metrics.weightedLateness)
        case .skipped(let reason):
            run.settings["lateness-bound"] = "skipped: \(reason)"
        case .noPlan:
            break
        }
        let plan = SolveResult(plan: result.plan, run: run).plan
        var outcome = PlanningOutcome(plan: plan, run: run, metrics: metrics, bound: bound, validation: validation)
        outcome.lateness = lateness
        return outcome
    }
}

/// A finished plan (`PlanFinisher.finish`): the plan, the run that made it, its metrics, the
/// combinatorial bound and the validator's report.
public struct PlanningOutcome: Sendable {
    public var plan: Plan
    public var run: SolverRun
    public var metrics: PlanMetrics
    public var bound: MakespanBound
    public var validation: ValidationReport
    /// The lateness bound at the plan's makespan and unscheduled count (`LatenessBounds`).
    package var lateness: LatenessBoundOutcome?

    public init(plan: Plan, run: SolverRun, metrics: PlanMetrics, bound: MakespanBound, validation: ValidationReport) {
        self.plan = plan
        self.run = run
        self.metrics = metrics
        self.bound = bound
        self.validation = validation
    }

    /// Sets the run's status, in the run and in the plan's `solver` block.
    public mutating func setStatus(_ status: SolveStatus) {
        run.status = status
        plan.solver?.status = status
    }
}
