import _GLPK
import RotaCore
import RotaEvaluation

/// The default way to plan: the fast solvers first, each later step only where it can still
/// help, every step within a deterministic work budget (`AutoBudget`, a multiple of greedy's
/// work), and a stop as soon as the plan meets the proven bound.
///
/// 1. `greedy`.
/// 2. `flow`, only as far as it can help (instances up to `flowLineLimit` lines): when greedy's
///    plan meets `LowerBounds`, only lateness can improve, so only the flow's min-cost flow at
///    greedy's makespan runs. Otherwise, where the flow holds every cap that can bind
///    (`FlowSolver.isExact(for:)`: only daily and same-item caps bind) its plan is optimal in
///    makespan, so it runs whole; where rolling hard caps or the review cap bind, its plans are
///    repaired relaxations, later than greedy's, so only its bound is computed (and, when that
///    bound shows greedy's plan optimal, the min-cost flow at its makespan). The flow stops,
///    keeping greedy's plan, when its work budget (arcs solved) would be exceeded.
/// 3. When the plan does not meet the proven lower bound on (unscheduled, makespan) — the
///    stronger of the context's `LowerBounds` and the flow's relaxation — a large-neighbourhood
///    search (`NeighbourhoodSearch`) improves it, within its work budget (ledger probes),
///    stopping as soon as it meets the bound. It never returns a worse plan.
/// 4. When the plan meets the bound and no search limit was given, it is returned: the
///    makespan is optimal (gap 0).
/// 5. Otherwise (or when the caller gives a limit), when the model is small enough (purchase
///    columns, see below), the MIP runs warm-started from that plan's dense schedule, so it
///    never returns anything worse. Without a limit from the caller it proves (unscheduled,
///    makespan) only, within `defaultNodeLimit` search nodes and on models up to
///    `defaultColumnLimit` purchase columns (deterministic); with `--time-limit` or
///    `--node-limit` it also serves lateness and balance within that budget, on models up to
///    `mipColumnLimit`. A model over the limit is reported in the settings (`mip: skipped: …`).
///
/// Plans are compared by `Objective.default` and handed from step to step in dense form; only
/// the plan returned becomes a `Plan`. The bound is the context's, computed once
/// (`SolveContext`); the caller finishes the plan (`PlanFinisher`).
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
    /// Whether the improvement search runs (step 3); off only to compare with and without it.
    package var improves = true

    public init() {}

    /// Computes the problem's bound (`SolveContext`); a caller that has it calls `solve(in:)`.
    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        try solve(in: SolveContext(problem, options: options))
    }

    /// Solves with the context's bound, which the MIP (when it runs) shares.
    package func solve(in context: SolveContext) throws -> SolveResult {
        // Pins and forbidden accounts: placed first, the rest planned around them (OverrideSolving).
        if context.problem.hasOverridesToPlace { return try OverrideSolving.solve(self, in: context) }
        let clock = ContinuousClock()
        let started = clock.now
        let problem = context.problem
        let options = context.options
        var settings: [String: String] = [:]
        let objective = Objective.default
        let history = PlanningHistory(problem)
        let stopped = { options.shouldStop?() ?? false }

        var search = GreedySearch(problem: problem, options: options, stopwatch: GreedyStopwatch())
        search.run()
        // Read only now: on large problems the bound was computed beside greedy.
        let bound = context.bound
        let decisions = search.best
        let greedySchedule = decisions.schedule
        var best = AutoCandidate(greedySchedule, values: greedySchedule.objectiveValues(in: problem, history: history)) {
            decisions.plan(problem: problem, run: $0)
        }
        var path = ["greedy"]
        var model: ModelSize?
        let greedyCut = AutoBudget.cutDays(problem, planned: best.values, floor: bound)
        let budget = AutoBudget(problem: problem, greedyPasses: search.passes, days: greedyCut)
        // The search's sweeps (a ledger and buffers each) are freed on another core meanwhile.
        Concurrently.release(consume search, size: problem.lineCount)

        // Plans better than the best leave out at most as many lines as it does: the flow's
        // bound (no plan leaving out at most `leftOut` lines ends before `makespan`) raises the floor.
        var flowBound: (leftOut: Int, makespan: Int)?
        var makespanFloor: Int {
            guard let flowBound, best.values.unscheduled <= flowBound.leftOut else { return bound.makespan }
            return max(bound.makespan, flowBound.makespan)
        }
        var meetsBound: Bool { best.values.unscheduled == bound.unscheduled && best.values.makespan <= makespanFloor }

        // Greedy meets the bound: only lateness can improve, by a min-cost flow at its makespan.
        // Otherwise the whole flow where it is exact (its makespan is then optimal), its bound
        // alone where it relaxes binding caps (its plans would be later than greedy's).
        let request: FlowRequest =
            meetsBound
            ? .plan(makespan: best.values.makespan) : FlowSolver.isExact(problem) ? .solve : .bound
        if problem.lineCount > flowLineLimit {
            settings["flow"] = "skipped: over \(flowLineLimit) lines"
        } else if stopped() {
            settings["flow"] = "skipped: interrupted"
        } else {
            var next: FlowRequest? = request
            var work = 0
            while let asked = next {
                next = nil
                do {
                    let finding = try FlowSolver().find(
                        asked, in: problem, workLimit: budget.flow - work, knownCut: greedyCut)
                    work += finding.work
                    if let found = finding.bound { flowBound = found }
                    if let schedule = finding.schedule {
                        let values = schedule.objectiveValues(in: problem, history: history)
                        if objective.compare(values, best.values) == .better {
                            best = AutoCandidate(schedule, values: values) {
                                finding.plan(in: problem, run: $0) ?? schedule.plan(in: problem, run: $0)
                            }
                            path.append("flow (kept)")
                        } else {
                            path.append("flow")
                        }
                    } else {
                        path.append("flow bound")
                        // The flow's bound shows greedy's plan optimal: lateness is what is left.
                        if meetsBound { next = .plan(makespan: best.values.makespan) }
                    }
                } catch let over as FlowBudgetExceeded {
                    work += over.spent
                    settings["flow"] = "stopped: " + over.description
                }
            }
            settings["flow-work"] = "\(work) of \(budget.flow) arcs"
        }

        if !meetsBound, improves {
            if stopped() {
                settings["improvement"] = "skipped: interrupted"
            } else {
                let floor = MakespanBound(unscheduled: bound.unscheduled, makespan: makespanFloor)
                let lns = NeighbourhoodSearch(problem: problem, floor: floor, workLimit: budget.improvement)
                let outcome = lns.improve(best.schedule, values: best.values, shouldStop: stopped)
                settings["improvement"] =
                    "\(outcome.moves) moves, \(outcome.kept) kept, \(outcome.improvements) better; "
                    + "\(outcome.work) of \(budget.improvement) probes"
                if objective.compare(outcome.values, best.values) == .better {
                    let schedule = outcome.schedule
                    best = AutoCandidate(schedule, values: outcome.values) { schedule.plan(in: problem, run: $0) }
                    path.append("improvement (kept)")
                } else {
                    path.append("improvement")
                }
            }
        }

        var status: SolveStatus = meetsBound ? .optimal : .feasible
        var lowerBound = bound.unscheduled == best.values.unscheduled ? makespanFloor : nil
        let limited = options.timeLimit != nil || options.nodeLimit != nil
        if !meetsBound || limited, stopped() {
            settings["mip"] = "skipped: interrupted"
            if !meetsBound { status = .interrupted }
        } else if !meetsBound || limited {
            // The MIP models only the days before the plan's makespan once its unscheduled is proven.
            let cut = best.values.unscheduled == bound.unscheduled ? best.values.makespan : nil
            let columns = MIPSizeEstimate(problem, horizon: cut).purchaseColumns
            let columnLimit = limited ? mipColumnLimit : defaultColumnLimit
            if columns <= columnLimit {
                var remaining = options
                if let limit = options.timeLimit {
                    remaining.timeLimit = max(0.1, limit - (clock.now - started).seconds)
                }
                if !limited { remaining.nodeLimit = defaultNodeLimit }
                let mip = MIPSolver(warmStart: best.schedule, lastLevel: limited ? .softOverruns : .makespan)
                let report = try mip.run(in: context.with(options: remaining))
                let result = mip.result(of: report, in: problem, options: remaining)
                path.append("mip")
                settings["mip"] = result.run.status.rawValue
                if !limited { settings["mip-node-limit"] = String(defaultNodeLimit) }
                for key in ["warm-start", "rows", "columns", "nonzeros", "stages", "last-level", "horizon"] {
                    if let value = result.run.settings[key] { settings["mip-" + key] = value }
                }
                model = result.model
                let mipValues = report.schedule.objectiveValues(in: problem, history: history)
                if objective.compare(mipValues, best.values) != .worse {
                    best = AutoCandidate(report.schedule, values: mipValues) { run in
                        var plan = result.plan
                        plan.solver = run
                        return plan
                    }
                }
                // The MIP proves the fewest lines left out when its first stage is optimal (or
                // skipped: the warm start met the floor), and then a makespan bound.
                let first = report.stages.first { $0.level == .unscheduled }
                let provesUnscheduled = first?.outcome.provesLevel ?? false
                if provesUnscheduled, let mipBound = report.makespanBound,
                    Int((first?.value ?? -1).rounded()) == best.values.unscheduled
                {
                    lowerBound = max(lowerBound ?? 0, mipBound)
                }
                if let lowerBound, best.values.makespan <= lowerBound,
                    provesUnscheduled || best.values.unscheduled == bound.unscheduled
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
            gap: lowerBound.map { gap(makespan: best.values.makespan, bound: $0) },
            settings: settings, versions: ["rota": RotaVersion.current, "glpk": GLPKLibrary.version])
        return SolveResult(plan: best.plan(run), run: run, model: model)
    }
}
