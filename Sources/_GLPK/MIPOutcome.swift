/// What happened to a model when it was solved.
package enum MIPStatus: String, Sendable, Equatable, CaseIterable {
    /// Proven optimal.
    case optimal
    /// Within the requested relative gap (`MIPOptions.relativeGap`), not proven optimal.
    case feasible
    /// The time limit ran out; `objective` is the best solution found, if any.
    case timeLimit
    /// The node limit ran out; `objective` is the best solution found, if any.
    case nodeLimit
    /// The caller's `StopToken` stopped the search; `objective` is the best found, if any.
    case interrupted
    /// No solution satisfies the constraints, even ignoring integrality.
    case infeasible
    /// The LP relaxation is feasible, but the search proved no integer solution exists.
    case noIntegerSolution
    /// The objective (of the relaxation, for a MIP) is unbounded.
    case unbounded
}

/// The result of `LinearModel.solve`: a status, the best solution, and how the search went.
package struct MIPOutcome: Sendable {
    package var status: MIPStatus
    /// Objective of the best solution found (nil when there is none).
    package var objective: Double?
    /// Best proven bound on the optimum (equals `objective` when optimal).
    package var bestBound: Double?
    /// |objective − bestBound| / |objective|, when both exist.
    package var gap: Double?
    /// Branch-and-bound subproblems processed.
    package var nodes: Int
    /// Wall-clock seconds the solve took.
    package var seconds: Double
    /// The best solution's column values, 0-based; empty when there is no solution.
    package var values: [Double]
    /// Whether GLPK took `MIPOptions.warmStart` as an incumbent.
    package var warmStartAccepted: Bool
    /// GLPK's terminal output and the wrapper's notes, line by line.
    package var log: [String]

    package init(
        status: MIPStatus, objective: Double?, bestBound: Double?, gap: Double?, nodes: Int,
        seconds: Double, values: [Double], warmStartAccepted: Bool, log: [String]
    ) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.nodes = nodes
        self.seconds = seconds
        self.values = values
        self.warmStartAccepted = warmStartAccepted
        self.log = log
    }

    /// Whether there is a solution (`values` is filled).
    package var hasSolution: Bool { objective != nil }

    /// GLPK's relative gap formula: |objective − bound| / (|objective| + ε).
    static func relativeGap(objective: Double?, bound: Double?) -> Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
}
