import Foundation
import RotaCore
import RotaEvaluation
import RotaSolvers

/// Solves an instance end to end: builds the dense problem and its bound once
/// (`SolveContext`), runs a solver in that context, and finishes the plan (`PlanFinisher`:
/// scored, bound and gap set, checked against the independent validator).
public struct Planner: Sendable {
    public init() {}

    /// Plans `instance` with `solver`. The plan's `solver` block carries status, bound, gap,
    /// seconds, settings and versions; metrics are recomputed from the plan alone.
    public func plan(_ instance: Instance, with solver: any Solver, options: SolveOptions = SolveOptions()) throws
        -> PlanningOutcome
    {
        let started = ContinuousClock.now
        return try plan(PlanningProblem(instance), with: solver, options: options, since: started)
    }

    /// `plan(_:with:options:)` for an instance whose planning problem was built already (the
    /// command line builds it while the instance is checked).
    public func plan(_ problem: PlanningProblem, with solver: any Solver, options: SolveOptions = SolveOptions())
        throws -> PlanningOutcome
    {
        try plan(problem, with: solver, options: options, since: ContinuousClock.now)
    }

    /// The plan's seconds count from `started`.
    private func plan(
        _ problem: PlanningProblem, with solver: any Solver, options: SolveOptions, since started: ContinuousClock.Instant
    ) throws -> PlanningOutcome {
        let clock = ContinuousClock()
        let context = SolveContext(problem, options: options)
        let result = try solver.solve(in: context)
        let outcome = PlanFinisher.finish(result, in: context, seconds: (clock.now - started).seconds)
        // The problem's tables are freed on another core while the caller writes the plan.
        Concurrently.release(consume context, size: outcome.plan.tasks.count)
        return outcome
    }
}
