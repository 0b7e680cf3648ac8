import _GLPK
import RotaCore
import RotaEvaluation

/// The default way to plan: the fast solvers first, the exact MIP only where it can still
/// help and fits.
///
/// 1. `greedy`; then `flow` (optimal makespan where only daily and same-item caps bind) on
///    instances up to `flowLineLimit` lines; the better plan by the default objective is kept.
/// 2. When that plan meets the proven lower bound on (unscheduled, makespan) — the stronger
///    of `LowerBounds` and the flow's relaxation — and no search limit was given, it is
///    returned: the makespan is optimal (gap 0).
/// 3. Otherwise (or when the caller gives a limit), when the model is small enough (purchase
///    columns, see below), the MIP runs warm-started from that plan, so it never returns
///    anything worse. Without a limit from the caller it proves (unscheduled, makespan) only,
///    within `defaultNodeLimit` search nodes and on models up to `defaultColumnLimit`
///    purchase columns (deterministic); with `--time-limit` or `--node-limit` it also serves
///    lateness and balance within that budget, on models up to `mipColumnLimit`. A model
///    over the limit is reported in the settings (`mip: skipped: …`).
///
/// The status, lower bound and gap speak of (unscheduled, makespan), the levels the bound
/// covers: `optimal` means no plan leaves out fewer lines or, leaving out as many, finishes
/// sooner; lateness and balance are served as well as the path allows.
///
/// A stop request (`SolveOptions.shouldStop`) skips the steps not yet begun (`skipped:
/// interrupted` in the settings) and stops a running MIP within about a second; the status is
/// then `interrupted` unless the plan already meets the bound.
public struct AutoSolver: ContextSolver {
    public let name = "auto"
    package var flowLineLimit = 50_000
    /// The largest MIP (purchase columns) tried when the caller gives a limit.
    package var mipColumnLimit = 300_000
    /// The largest MIP tried without a limit from the caller.
    package var defaultColumnLimit = 40_000
    /// Search nodes the MIP may use without a limit from the caller.
    package var defaultNodeLimit = 200

    public init() {}

    /// Computes the problem's bound (`SolveContext`); a caller that has it calls `solve(in:)`.
    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        try solve(in: SolveContext(problem, options: options))
    }

    /// Solves with the context's bound, which the MIP (when it runs) shares.
    package func solve(in context: SolveContext) throws -> SolveResult {
        let clock = ContinuousClock()
        let started = clock.now
        let problem = context.problem
        let options = context.options
        var settings: [String: String] = [:]
        let scorer = Scorer()
        let objective = Objective.default
        let bound = context.bound

        let stopped = { options.shouldStop?() ?? false }
        var best = try GreedySolver().solve(problem, options: options)
        var bestMetrics = scorer.score(best.plan, for: problem.instance)
        var path = ["greedy"]
        var model: ModelSize?
        // The flow's bound: no plan leaving out at most `leftOut` lines ends before `makespan`.
        var flowBound: (leftOut: Int, makespan: Int)?
        if problem.lineCount > flowLineLimit {
            settings["flow"] = "skipped: over \(flowLineLimit) lines"
        } else if stopped() {
            settings["flow"] = "skipped: interrupted"
        } else {
            let flow = try FlowSolver().solve(problem, options: options)
            let flowMetrics = scorer.score(flow.plan, for: problem.instance)
            flowBound = flow.run.lowerBound.map { (flowMetrics.unscheduled, $0) }
            if objective.compare(flowMetrics, bestMetrics) == .better {
                best = flow
                bestMetrics = flowMetrics
                path.append("flow (kept)")
            } else {
                path.append("flow")
            }
        }

        // Plans better than the best leave out at most as many lines as it does.
        var makespanFloor = bound.makespan
        if let flowBound, bestMetrics.unscheduled <= flowBound.leftOut {
            makespanFloor = max(makespanFloor, flowBound.makespan)
        }
        let meetsBound = bestMetrics.unscheduled == bound.unscheduled && bestMetrics.makespan <= makespanFloor
        var status: SolveStatus = meetsBound ? .optimal : .feasible
        var lowerBound = bound.unscheduled == bestMetrics.unscheduled ? makespanFloor : nil
        let limited = options.timeLimit != nil || options.nodeLimit != nil
        if !meetsBound || limited, stopped() {
            settings["mip"] = "skipped: interrupted"
            if !meetsBound { status = .interrupted }
        } else if !meetsBound || limited {
            // The MIP models only the days before the plan's makespan once its unscheduled is proven.
            let cut = bestMetrics.unscheduled == bound.unscheduled ? bestMetrics.makespan : nil
            let columns = MIPSizeEstimate(problem, horizon: cut).purchaseColumns
            let columnLimit = limited ? mipColumnLimit : defaultColumnLimit
            if columns <= columnLimit {
                var remaining = options
                if let limit = options.timeLimit {
                    remaining.timeLimit = max(0.1, limit - (clock.now - started).seconds)
                }
                if !limited { remaining.nodeLimit = defaultNodeLimit }
                let mip = MIPSolver(
                    warmStart: DenseSchedule(plan: best.plan, problem: problem),
                    lastLevel: limited ? .softOverruns : .makespan)
                let report = try mip.run(in: context.with(options: remaining))
                let result = mip.result(of: report, in: problem, options: remaining)
                let mipMetrics = scorer.score(result.plan, for: problem.instance)
                path.append("mip")
                settings["mip"] = result.run.status.rawValue
                if !limited { settings["mip-node-limit"] = String(defaultNodeLimit) }
                for key in ["warm-start", "rows", "columns", "nonzeros", "stages", "last-level", "horizon"] {
                    if let value = result.run.settings[key] { settings["mip-" + key] = value }
                }
                model = result.model
                if objective.compare(mipMetrics, bestMetrics) != .worse {
                    best = result
                    bestMetrics = mipMetrics
                }
                // The MIP proves the fewest lines left out when its first stage is optimal (or
                // skipped: the warm start met the floor), and then a makespan bound.
                let first = report.stages.first { $0.level == .unscheduled }
                let provesUnscheduled = first?.outcome.provesLevel ?? false
                if provesUnscheduled, let mipBound = report.makespanBound,
                    Int((first?.value ?? -1).rounded()) == bestMetrics.unscheduled
                {
                    lowerBound = max(lowerBound ?? 0, mipBound)
                }
                if let lowerBound, bestMetrics.makespan <= lowerBound,
                    provesUnscheduled || bestMetrics.unscheduled == bound.unscheduled
                {
                    status = report.status == .infeasible ? .infeasible : .optimal
                } else {
                    status = report.status == .optimal ? .feasible : report.status
                }
            } else {
                settings["mip"] = "skipped: \(columns) purchase columns, over the limit of \(columnLimit)"
                    + (limited ? "" : " without --time-limit or --node-limit")
            }
        }
        settings["path"] = path.joined(separator: " → ")
        settings.merge(options.settings) { own, _ in own }
        let elapsed = clock.now - started
        let run = SolverRun(
            name: name, status: status,
            seconds: elapsed.seconds,
            lowerBound: lowerBound,
            gap: lowerBound.map { gap(makespan: bestMetrics.makespan, bound: $0) },
            settings: settings, versions: best.run.versions.merging(["rota": RotaVersion.current, "glpk": GLPKLibrary.version]) { $1 })
        return SolveResult(plan: best.plan, run: run, model: model)
    }
}
