/// The default way to plan: the fast solvers first, the exact MIP only where it can still
/// help and fits.
///
/// 1. `greedy`; then `flow` (optimal makespan where only daily and same-item caps bind) on
///    instances up to `flowLineLimit` lines; the better plan by the default objective is kept.
/// 2. When that plan already meets the proven lower bound on (unscheduled, makespan) and no
///    search limit was given, it is returned: the makespan is optimal (gap 0).
/// 3. Otherwise, when a limit was given (`--time-limit` or `--node-limit`) and the model has
///    at most `mipColumnLimit` purchase columns, the MIP runs warm-started from that plan, so
///    it never returns anything worse; a model over the limit is reported in the settings.
///
/// Without limits the result is deterministic and fast; with `--node-limit` it is still
/// deterministic, and with `--time-limit` the MIP may improve lateness and balance further.
public struct AutoSolver: Solver {
    public let name = "auto"
    public var flowLineLimit = 50_000
    public var mipColumnLimit = 200_000

    public init() {}

    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        let clock = ContinuousClock()
        let started = clock.now
        var settings: [String: String] = [:]
        let scorer = Scorer()
        let objective = Objective.default
        let bound = LowerBounds.compute(problem)

        var best = try GreedySolver().solve(problem, options: options)
        var bestMetrics = scorer.score(best.plan, for: problem.instance)
        var path = ["greedy"]
        if problem.lineCount <= flowLineLimit, !(options.shouldStop?() ?? false) {
            let flow = try FlowSolver().solve(problem, options: options)
            let flowMetrics = scorer.score(flow.plan, for: problem.instance)
            if objective.compare(flowMetrics, bestMetrics) == .better {
                best = flow
                bestMetrics = flowMetrics
                path.append("flow (kept)")
            } else {
                path.append("flow")
            }
        } else {
            settings["flow"] = "skipped: over \(flowLineLimit) lines"
        }

        let meetsBound = bestMetrics.unscheduled == bound.unscheduled && bestMetrics.makespan <= bound.makespan
        var status: SolveStatus = meetsBound ? .optimal : .feasible
        var lowerBound = bound.unscheduled == bestMetrics.unscheduled ? bound.makespan : nil
        let limited = options.timeLimit != nil || options.nodeLimit != nil
        if limited, !(options.shouldStop?() ?? false) {
            let columns = MIPSizeEstimate(problem).purchaseColumns
            if columns <= mipColumnLimit {
                var remaining = options
                if let limit = options.timeLimit {
                    let used = clock.now - started
                    remaining.timeLimit = max(0.1, limit - (Double(used.components.seconds) + Double(used.components.attoseconds) * 1e-18))
                }
                let mip = MIPSolver(
                    warmStart: DenseSchedule(plan: best.plan, problem: problem))
                let result = try mip.solve(problem, options: remaining)
                let mipMetrics = scorer.score(result.plan, for: problem.instance)
                path.append("mip")
                settings["mip"] = result.run.status.rawValue
                settings.merge(result.run.settings.filter { ["warm-start", "rows", "columns", "nonzeros"].contains($0.key) }) { a, _ in a }
                if objective.compare(mipMetrics, bestMetrics) != .worse {
                    best = result
                    bestMetrics = mipMetrics
                }
                status = result.run.status
                if let mipBound = result.run.lowerBound { lowerBound = max(lowerBound ?? 0, mipBound) }
            } else {
                settings["mip"] = "skipped: \(columns) purchase columns, over the limit of \(mipColumnLimit)"
            }
        }
        settings["path"] = path.joined(separator: " → ")
        settings.merge(options.settings) { own, _ in own }
        let elapsed = clock.now - started
        let run = SolverRun(
            name: name, status: status,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            lowerBound: lowerBound,
            gap: lowerBound.map { gap(makespan: bestMetrics.makespan, bound: $0) },
            settings: settings, versions: best.run.versions.merging(["rota": RotaVersion.current]) { $1 })
        return SolveResult(plan: best.plan, run: run)
    }
}
