/// A snapshot of a running branch-and-bound search, passed to `MIPOptions.progress`.
public struct MIPProgress: Sendable {
    /// What prompted the report.
    public enum Event: Sendable, Equatable {
        /// A better integer solution was found (by GLPK or from the warm start).
        case newIncumbent
        /// The periodic report (`MIPOptions.progressInterval`).
        case periodic
    }

    public var event: Event
    /// Objective of the best integer solution so far.
    public var incumbent: Double?
    /// Best bound on the optimum over the open subproblems.
    public var bound: Double?
    /// Relative gap between incumbent and bound, when both exist.
    public var gap: Double?
    /// Subproblems processed so far.
    public var nodes: Int
    /// Seconds since the solve started.
    public var seconds: Double

    public init(event: Event, incumbent: Double?, bound: Double?, gap: Double?, nodes: Int, seconds: Double) {
        self.event = event
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
        self.seconds = seconds
    }
}
