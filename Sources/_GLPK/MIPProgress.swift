/// A snapshot of a running branch-and-bound search, passed to `MIPOptions.progress`.
package struct MIPProgress: Sendable {
    /// What prompted the report.
    package enum Event: Sendable, Equatable {
        /// A better integer solution was found (by GLPK or from the warm start).
        case newIncumbent
        /// The periodic report (`MIPOptions.progressInterval`).
        case periodic
    }

    package var event: Event
    /// Objective of the best integer solution so far.
    package var incumbent: Double?
    /// Best bound on the optimum over the open subproblems.
    package var bound: Double?
    /// Relative gap between incumbent and bound, when both exist.
    package var gap: Double?
    /// Subproblems processed so far.
    package var nodes: Int
    /// Seconds since the solve started.
    package var seconds: Double

    package init(event: Event, incumbent: Double?, bound: Double?, gap: Double?, nodes: Int, seconds: Double) {
        self.event = event
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
        self.seconds = seconds
    }
}
