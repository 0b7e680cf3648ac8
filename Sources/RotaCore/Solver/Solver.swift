/// A planning algorithm: turns a problem into a plan and says how the run went.
///
/// A thrown error means the call failed (bad arguments, a library fault); what happened to
/// the model (optimal, feasible, time limit, infeasible) is `SolveResult.run.status`.
public protocol Solver: Sendable {
    /// The name users pick it by (`--solver NAME`), also recorded in the plan.
    var name: String { get }
    func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult
}

/// Limits and reporting for one solver run.
public struct SolveOptions: Sendable {
    /// Wall-clock seconds the search may take.
    public var timeLimit: Double?
    /// Stop when the relative gap is at most this.
    public var relativeGap: Double?
    /// A machine-independent work limit (branch-and-bound nodes).
    public var nodeLimit: Int?
    /// Called now and then with the search's state; never called when `nil`.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Polled during long searches: when it returns true the solver stops and returns the
    /// best plan found so far, with status `interrupted`.
    public var shouldStop: (@Sendable () -> Bool)?

    public init(
        timeLimit: Double? = nil, relativeGap: Double? = nil, nodeLimit: Int? = nil,
        progress: (@Sendable (SolveProgress) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.nodeLimit = nodeLimit
        self.progress = progress
        self.shouldStop = shouldStop
    }
}

/// A snapshot of a running search, for progress lines.
public struct SolveProgress: Sendable {
    public var stage: String
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public var nodes: Int
    public var seconds: Double

    public init(stage: String, incumbent: Double?, bound: Double?, gap: Double?, nodes: Int, seconds: Double) {
        self.stage = stage
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
        self.seconds = seconds
    }
}

/// A solver's answer: the plan, and the run that made it (also stored in `plan.solver`).
public struct SolveResult: Sendable {
    public var plan: Plan
    public var run: SolverRun
    /// The size of the matrix the solver built, for those that build one (the MIP; `auto`
    /// when it ran the MIP); the same numbers are in `run.settings` as text.
    public var model: ModelSize?

    public init(plan: Plan, run: SolverRun, model: ModelSize? = nil) {
        var plan = plan
        plan.solver = run
        self.plan = plan
        self.run = run
        self.model = model
    }
}

/// An error a solver throws up front, before any work, to decline an instance it is not made
/// for (such as a model too large to build); benchmarks record those runs as skipped, not failed.
public protocol SolverDeclining: Error {
    /// Why the solver declined; nil when this error is a real failure.
    var declineReason: String? { get }
}
