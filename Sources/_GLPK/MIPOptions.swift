/// Limits, hints and reporting for one `LinearModel.solve` run.
public struct MIPOptions: Sendable {
    /// Wall-clock seconds the whole solve may take (nil or infinity: no limit).
    public var timeLimit: Double?
    /// Stop once the relative gap |incumbent − bound| / |incumbent| is at most this.
    public var relativeGap: Double?
    /// Stop after this many branch-and-bound subproblems (a machine-independent work limit).
    public var nodeLimit: Int?
    /// A value for every column (0-based), handed to GLPK as the first incumbent if it is
    /// feasible; the outcome tells whether GLPK took it.
    public var warmStart: [Double]?
    /// Use GLPK's presolvers. With a warm start, only the LP relaxation is presolved, since
    /// GLPK's MIP presolver would renumber the columns the warm start refers to.
    public var presolve: Bool
    /// Generate Gomory, MIR, cover and clique cuts.
    public var cuts: Bool
    /// Run GLPK's feasibility pump heuristic.
    public var feasibilityPump: Bool
    /// Seconds between periodic progress reports (0: at every subproblem).
    public var progressInterval: Double
    /// Called on the solving thread with each new incumbent and periodically; never when nil.
    public var progress: (@Sendable (MIPProgress) -> Void)?
    /// Raised by the caller to stop the solve early (checked between simplex slices and at
    /// each branch-and-bound callback: see `StopToken`).
    public var stop: StopToken?

    public init(
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
