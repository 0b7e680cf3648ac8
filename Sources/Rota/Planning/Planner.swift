import Foundation
import RotaCore
import RotaEvaluation

/// Solves an instance end to end: builds the dense problem, runs a solver, checks the plan
/// against the independent validator, scores it and sets its proven bound and gap.
public struct Planner: Sendable {
    public init() {}

    /// Plans `instance` with `solver`. The plan's `solver` block carries status, bound, gap,
    /// seconds, settings and versions; metrics are recomputed from the plan alone.
    public func plan(_ instance: Instance, with solver: any Solver, options: SolveOptions = SolveOptions()) throws
        -> PlanningOutcome
    {
        let clock = ContinuousClock()
        let started = clock.now
        let problem = PlanningProblem(instance)
        let bound = LowerBounds.compute(problem)
        var result = try solver.solve(problem, options: options)
        let elapsed = clock.now - started
        var run = result.run
        run.seconds = (elapsed.seconds * 1e6).rounded() / 1e6
        run.settings.merge(options.settings) { solverOwn, _ in solverOwn }
        run.versions["rota"] = RotaVersion.current
        let metrics = Scorer().score(result.plan, for: instance)
        if metrics.unscheduled == bound.unscheduled {
            run.lowerBound = max(run.lowerBound ?? 0, bound.makespan)
            if let lower = run.lowerBound {
                run.gap = gap(makespan: metrics.makespan, bound: lower)
            }
        }
        result = SolveResult(plan: result.plan, run: run)
        let report = Validator().validate(result.plan, against: instance)
        return PlanningOutcome(plan: result.plan, run: run, metrics: metrics, bound: bound, validation: report)
    }
}

/// What `Planner.plan` returns: the plan, the run that made it, its metrics, the bound and
/// the validator's report.
public struct PlanningOutcome: Sendable {
    public var plan: Plan
    public var run: SolverRun
    public var metrics: PlanMetrics
    public var bound: MakespanBound
    public var validation: ValidationReport
}
