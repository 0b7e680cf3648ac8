import CGLPK

/// A failure of GLPK's solver (not a property of the model); becomes `GLPKError.solverFailed`.
struct SolverFailure: Error {
    var message: String
}

/// How a simplex run on the model (or its LP relaxation) ended.
enum SimplexResult {
    case optimal
    case infeasible
    case unbounded
    /// Time ran out; `feasible` tells whether the current basis is primal feasible.
    case timeLimit(feasible: Bool)
    /// The stop token was raised; `feasible` as for `timeLimit`.
    case interrupted(feasible: Bool)
}

extension LinearModel {
    /// Simplex iterations per `glp_simplex` call: GLPK's simplex has no callback, so a run is
    /// cut into slices and the stop token is checked between them. A count, not a time, so a
    /// run takes the same path on every machine and under any load. About a second on a
    /// 200,000-column model (more on larger ones); well above the 200 degenerate iterations
    /// after which GLPK perturbs the bounds against stalling, which a slice starts afresh.
    static let simplexSlice: Int32 = 1000

    /// Solves the LP (relaxation) with `glp_simplex`, in slices of `simplexSlice` iterations,
    /// each going on from the basis the last one left; with presolve, a "no dual feasible
    /// solution" answer is settled by a run without presolve (unbounded or infeasible).
    ///
    /// Presolve applies to the first slice only: GLPK keeps nothing of a presolved run that
    /// stops early, so a longer solve goes on without it from the model's current basis.
    func runSimplex(presolve: Bool, clock: SolveClock, stop: StopToken?) throws -> SimplexResult {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_ALL
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.it_lim = Self.simplexSlice
        while true {
            parameters.tm_lim = clock.glpkMilliseconds
            let code = glp_simplex(problem, &parameters)
            switch code {
            case 0:
                switch glp_get_status(problem) {
                case GLP_OPT: return .optimal
                case GLP_NOFEAS: return .infeasible
                case GLP_UNBND: return .unbounded
                case let status:
                    throw SolverFailure(message: "glp_simplex ended with solution status \(status)")
                }
            case GLP_ENOPFS:
                return .infeasible
            case GLP_ENODFS:
                guard parameters.presolve == GLP_ON else { return .unbounded }
                return try runSimplex(presolve: false, clock: clock, stop: stop)
            case GLP_ETMLIM:
                return .timeLimit(feasible: glp_get_prim_stat(problem) == GLP_FEAS)
            case GLP_EITLIM:
                if stop?.isStopped == true {
                    return .interrupted(feasible: glp_get_prim_stat(problem) == GLP_FEAS)
                }
                parameters.presolve = GLP_OFF
            default:
                throw SolverFailure(message: "glp_simplex returned \(Self.describe(code: code))")
            }
        }
    }

    /// Solves a model without integer columns.
    func solveLP(_ options: MIPOptions, clock: SolveClock) throws -> MIPOutcome {
        let result = try runSimplex(presolve: options.presolve, clock: clock, stop: options.stop)
        let n = columnCount
        func outcome(_ status: MIPStatus, solved: Bool, bound: Bool) -> MIPOutcome {
            let objective = solved ? glp_get_obj_val(problem) : nil
            return MIPOutcome(
                status: status, objective: objective, bestBound: bound ? objective : nil,
                gap: bound ? 0 : nil, nodes: 0, seconds: clock.seconds,
                values: solved ? GLPKIndex.collect(count: n) { glp_get_col_prim(problem, $0) } : [],
                warmStartAccepted: false, log: [])
        }
        switch result {
        case .optimal: return outcome(.optimal, solved: true, bound: true)
        case .infeasible: return outcome(.infeasible, solved: false, bound: false)
        case .unbounded: return outcome(.unbounded, solved: false, bound: false)
        case let .timeLimit(feasible): return outcome(.timeLimit, solved: feasible, bound: false)
        case let .interrupted(feasible): return outcome(.interrupted, solved: feasible, bound: false)
        }
    }

    /// GLPK's name for a solver return code.
    static func describe(code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB (invalid basis)", GLP_ESING: "GLP_ESING (singular matrix)",
            GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)", GLP_EBOUND: "GLP_EBOUND (invalid bounds)",
            GLP_EFAIL: "GLP_EFAIL (solver failure)", GLP_EITLIM: "GLP_EITLIM (iteration limit)",
            GLP_EROOT: "GLP_EROOT (no optimal LP relaxation basis)",
        ]
        return names[code] ?? "code \(code)"
    }
}
