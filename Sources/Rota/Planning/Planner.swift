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
        let clock = ContinuousClock()
        let started = clock.now
        let context = SolveContext(PlanningProblem(instance), options: options)
        let result = try solver.solve(in: context)
        return PlanFinisher.finish(result, in: context, seconds: (clock.now - started).seconds)
    }
}
