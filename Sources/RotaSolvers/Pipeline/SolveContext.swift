import RotaCore
import RotaEvaluation

/// What one planning run shares from start to finish: the dense problem, its combinatorial
/// lower bound (`LowerBounds`, computed once here) and the caller's options.
///
/// The pipeline is: build the context, hand it to the solver (`Solver.solve(in:)`), and turn
/// the solver's result into a `PlanningOutcome` with `PlanFinisher`, which reads the bound from
/// the context instead of computing it again.
///
/// Why not every `Solver` takes a context: the `Solver` contract lives in `RotaCore`, below
/// `RotaEvaluation` where the bounds are, so it cannot name `MakespanBound`. Only the solvers
/// that use the bound (`AutoSolver`, `MIPSolver`) adopt `ContextSolver`; the others (greedy,
/// flow, seed-greedy, the oracle) never look at it, and keep the bare-problem entry point,
/// which `solve(in:)` calls for them. Callers that have only a problem can still call
/// `solve(_:options:)` on any solver; the context solvers then build their own context.
package struct SolveContext: Sendable {
    package let problem: PlanningProblem
    /// `LowerBounds.compute(problem)`: on large problems computed on a second core while the
    /// solver starts (greedy does not need it), and waited for where it is first read.
    package var bound: MakespanBound { pendingBound.value }
    private let pendingBound: Eventually<MakespanBound>
    package var options: SolveOptions

    /// The context of `problem`, computing its bound.
    package init(_ problem: PlanningProblem, options: SolveOptions = SolveOptions()) {
        pendingBound = Eventually(size: problem.lineCount) { LowerBounds.compute(problem) }
        self.problem = problem
        self.options = options
    }

    /// The context of `problem` with its bound already known (it must be `LowerBounds.compute(problem)`).
    package init(_ problem: PlanningProblem, bound: MakespanBound, options: SolveOptions) {
        self.init(problem, pendingBound: Eventually(bound), options: options)
    }

    private init(_ problem: PlanningProblem, pendingBound: Eventually<MakespanBound>, options: SolveOptions) {
        self.problem = problem
        self.pendingBound = pendingBound
        self.options = options
    }

    /// The same problem and bound with other options (e.g. what is left of a time limit).
    package func with(options: SolveOptions) -> SolveContext {
        SolveContext(problem, pendingBound: pendingBound, options: options)
    }
}

/// A solver that reads the shared `SolveContext` (its lower bound) rather than computing what
/// it holds again.
package protocol ContextSolver: Solver {
    func solve(in context: SolveContext) throws -> SolveResult
}

extension Solver {
    /// Solves within `context`: a `ContextSolver` gets the whole context, any other solver the
    /// problem and options.
    /// Lines with pins or forbidden accounts are placed first and planned around
    /// (`OverrideSolving`), for every solver.
    package func solve(in context: SolveContext) throws -> SolveResult {
        if context.problem.hasOverridesToPlace { return try OverrideSolving.solve(self, in: context) }
        if let solver = self as? any ContextSolver { return try solver.solve(in: context) }
        return try solve(context.problem, options: context.options)
    }
}
