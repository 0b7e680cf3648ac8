/// Limits, hints and reporting for one `LinearModel.solve` run.
package struct MIPOptions: Sendable {
    /// Wall-clock seconds the whole solve may take (nil or infinity: no limit).
    package var timeLimit: Double?
    /// Stop once the relative gap |incumbent − bound| / |incumbent| is at most this.
    package var relativeGap: Double?
    /// Stop after this many branch-and-bound subproblems (a machine-independent work limit).
    package var nodeLimit: Int?
    /// A value for every column (0-based), handed to GLPK as the first incumbent if it is
    /// feasible; the outcome tells whether GLPK took it.
    package var warmStart: [Double]?
    /// Use GLPK's presolvers. With a warm start, only the LP relaxation is presolved, since
    /// GLPK's MIP presolver would renumber the columns the warm start refers to.
    package var presolve: Bool
    /// Generate Gomory, MIR, cover and clique cuts.
    package var cuts: Bool
    /// Run GLPK's feasibility pump heuristic.
    package var feasibilityPump: Bool
    /// Seconds between periodic progress reports (0: at every subproblem).
    package var progressInterval: Double
    /// Called on the solving thread with each new incumbent and periodically; never when nil.
    package var progress: (@Sendable (MIPProgress) -> Void)?
    /// Raised by the caller to stop the solve early (checked between simplex slices and at
    /// each branch-and-bound callback: see `StopToken`).
    package var stop: StopToken?

    package init(
        timeLimit: Double? = nil, relativeGap: Double? = nil, nodeLimit: Int? = nil,
        warmStart: [Double]? = nil, presolve: Bool = true, cuts: Bool = false,
        feasibilityPump: Bool = false, progressInterval: Double = 1,
        progress: (@Sendable (MIPProgress) -> Void)? = nil, stop: StopToken? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.nodeLimit = nodeLimit
        self.warmStart = warmStart
        self.presolve = presolve
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.progressInterval = progressInterval
        self.progress = progress
        self.stop = stop
    }

    /// Throws on limits GLPK would abort on or that make no sense.
    func validate() throws {
        try Validation.checkSeconds(timeLimit, "time limit")
        try Validation.checkSeconds(progressInterval, "progress interval")
        if let relativeGap, !(relativeGap >= 0 && relativeGap.isFinite) {
            throw GLPKError.invalidArgument("relative gap must be a finite number ≥ 0, got \(relativeGap)")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw GLPKError.invalidArgument("node limit must be at least 1, got \(nodeLimit)")
        }
    }
}
