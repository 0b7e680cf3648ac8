import CGLPK

extension LinearModel {
    /// Solves the model: the simplex method for an LP; for a MIP the LP relaxation, then
    /// GLPK's branch and bound with the limits, warm start, progress and stop of `options`.
    ///
    /// Throws only when the call fails (bad options, a GLPK solver failure); what happened to
    /// the model — optimal, a limit, infeasible, unbounded — is `MIPOutcome.status`. GLPK's
    /// output is captured into `MIPOutcome.log`, never printed.
    package func solve(_ options: MIPOptions = MIPOptions()) throws -> MIPOutcome {
        try checkUsable()
        let sink = LogSink()
        do {
            var outcome = try TerminalCapture.run(into: sink) { try solveCapturing(options, sink: sink) }
            outcome.log = sink.lines
            return outcome
        } catch let failure as SolverFailure {
            throw GLPKError.solverFailed(message: failure.message, log: sink.lines)
        }
    }

    /// `solve` with the terminal already captured into `sink` (MathProg shares it).
    /// The outcome's `log` is left empty for the caller to fill.
    func solveCapturing(_ options: MIPOptions, sink: LogSink) throws -> MIPOutcome {
        try checkUsable()
        try options.validate()
        if let warmStart = options.warmStart { try checkWarmStartShape(warmStart) }
        isSolving = true
        defer { isSolving = false }
        let clock = SolveClock(limit: options.timeLimit)
        if options.stop?.isStopped == true {
            sink.note("Stopped before solving: the stop token was already raised")
            return unsolved(.interrupted, bound: nil, clock: clock)
        }
        guard integerColumnCount > 0 else {
            if options.warmStart != nil { sink.note("Warm start ignored: the model has no integer columns") }
            return try solveLP(options, clock: clock)
        }
        return try solveMIP(options, clock: clock, sink: sink)
    }

    private func solveMIP(_ options: MIPOptions, clock: SolveClock, sink: LogSink) throws -> MIPOutcome {
        // GLPK's MIP presolver renumbers columns, which a warm start refers to: with a warm
        // start, solve (and presolve) the LP relaxation first and branch on the original.
        let presolveInSearch = options.presolve && options.warmStart == nil
        var relaxationBound: Double?
        var warmStart: [Double]?
        if !presolveInSearch {
            switch try runSimplex(presolve: options.presolve, clock: clock, stop: options.stop) {
            case .optimal: relaxationBound = glp_get_obj_val(problem)
            case .infeasible: return unsolved(.infeasible, bound: nil, clock: clock)
            case .unbounded: return unsolved(.unbounded, bound: nil, clock: clock)
            case .timeLimit: return unsolved(.timeLimit, bound: nil, clock: clock)
            case .interrupted: return unsolved(.interrupted, bound: nil, clock: clock)
            }
            if let values = options.warmStart {
                switch checkWarmStart(values) {
                case let .feasible(snapped): warmStart = snapped
                case let .rejected(reason): sink.note("Warm start rejected: \(reason)")
                }
            }
        }
        if clock.expired {
            return fallback(to: warmStart, unsolved(.timeLimit, bound: relaxationBound, clock: clock), sink)
        }

        let context = SearchContext(
            options: options, warmStart: warmStart.map { GLPKIndex.oneBased($0, padding: 0) },
            clock: clock, bound: relaxationBound)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_ALL
        parameters.presolve = presolveInSearch ? GLP_ON : GLP_OFF
        parameters.tm_lim = clock.glpkMilliseconds
        parameters.mip_gap = options.relativeGap ?? 0
        let cuts = options.cuts ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = cuts
        parameters.mir_cuts = cuts
        parameters.cov_cuts = cuts
        parameters.clq_cuts = cuts
        parameters.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.cb_func = SearchContext.callback
        let code = withExtendedLifetime(context) {
            parameters.cb_info = Unmanaged.passUnretained(context).toOpaque()
            return glp_intopt(problem, &parameters)
        }

        let status: MIPStatus
        switch code {
        case 0:
            switch glp_mip_status(problem) {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: status = .noIntegerSolution
            case let other: throw SolverFailure(message: "glp_intopt ended with MIP status \(other)")
            }
        case GLP_ENOPFS, GLP_ENODFS:
            // The MIP presolver found no (integer) feasible or no bounded solution; the
            // relaxation, solved without presolve, tells which.
            switch try runSimplex(presolve: false, clock: clock, stop: options.stop) {
            case .optimal: status = code == GLP_ENOPFS ? .noIntegerSolution : .unbounded
            case .infeasible: status = .infeasible
            case .unbounded: status = .unbounded
            case .timeLimit: status = .timeLimit
            case .interrupted: status = .interrupted
            }
            return unsolved(status, bound: nil, clock: clock, nodes: context.nodes)
        case GLP_EMIPGAP: status = .feasible
        case GLP_ETMLIM: status = .timeLimit
        case GLP_ESTOP: status = context.nodeLimitReached ? .nodeLimit : .interrupted
        default: throw SolverFailure(message: "glp_intopt returned \(Self.describe(code: code))")
        }

        let mipStatus = glp_mip_status(problem)
        let solved = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let objective = solved ? glp_mip_obj_val(problem) : nil
        let bound = status == .optimal ? objective : status == .noIntegerSolution ? nil : context.bound
        let outcome = MIPOutcome(
            status: status, objective: objective, bestBound: bound,
            gap: status == .optimal ? 0 : MIPOutcome.relativeGap(objective: objective, bound: bound),
            nodes: context.nodes, seconds: clock.seconds,
            values: solved ? GLPKIndex.collect(count: columnCount) { glp_mip_col_val(problem, $0) } : [],
            warmStartAccepted: context.warmStartAccepted, log: [])
        return fallback(to: warmStart, outcome, sink)
    }

    /// An outcome without a solution.
    private func unsolved(_ status: MIPStatus, bound: Double?, clock: SolveClock, nodes: Int = 0) -> MIPOutcome {
        MIPOutcome(
            status: status, objective: nil, bestBound: bound, gap: nil, nodes: nodes,
            seconds: clock.seconds, values: [], warmStartAccepted: false, log: [])
    }

    /// When a search stopped early with nothing better than a feasible warm start, the warm
    /// start is the answer: a seeded solve never returns worse than its seed.
    private func fallback(to warmStart: [Double]?, _ outcome: MIPOutcome, _ sink: LogSink) -> MIPOutcome {
        guard let warmStart, [.timeLimit, .nodeLimit, .interrupted, .feasible].contains(outcome.status),
            let seed = try? objectiveValue(at: warmStart)
        else { return outcome }
        if let objective = outcome.objective {
            let better = objectiveDirection == .minimize ? objective <= seed : objective >= seed
            if better { return outcome }
        }
        sink.note("Using the warm start: the search stopped without a better solution")
        var result = outcome
        result.objective = seed
        result.values = warmStart
        result.gap = MIPOutcome.relativeGap(objective: seed, bound: outcome.bestBound)
        return result
    }
}
