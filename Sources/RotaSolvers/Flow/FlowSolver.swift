import _GLPK
import RotaCore

/// Plans with GLPK's network algorithms: the smallest makespan whose purchase network routes
/// every line that can be routed (a galloping search on maximum flows), then a minimum-cost
/// flow at that makespan for weighted lateness (networks up to `minCostArcLimit` arcs; larger
/// ones give each item's earliest purchases to its most urgent lines), purchases spread over
/// interchangeable accounts least-loaded first.
///
/// Where only availability, earliest days, lags, the horizon, daily limits and the same-item
/// caps bind (`isExact(for:)`), the plan's makespan is optimal (status `.optimal`, lower
/// bound = makespan). Otherwise the flow is a relaxation: its plan is checked against every
/// rule, the lines it cannot keep are moved to the earliest review any account can still
/// take, and the flow's makespan remains a lower bound. Every plan passes the validator.
///
/// The algorithms are polynomial and run to completion: `SolveOptions`' time and node limits
/// do not apply. The progress callback hears of the bound, then of the plan.
public struct FlowSolver: Solver {
    public let name = "flow"
    /// The largest lateness network (in arcs) handed to GLPK's min-cost flow algorithm; beyond
    /// it, lateness is served by urgency alone (earliest due first within each item).
    package var minCostArcLimit: Int

    /// The default `minCostArcLimit`: GLPK's out-of-kilter algorithm needs about 0.2 s for
    /// 140,000 arcs and 6 s for 700,000 on a 2-core machine.
    package static let defaultMinCostArcLimit = 400_000

    /// The work the flow may take, in arcs solved (`FlowWorkBudget`); over it, `solve` throws
    /// `FlowBudgetExceeded`. `nil` (the default, and `--solver flow`): no limit.
    package var workLimit: Int?

    /// A flow solver with the default limit on the min-cost flow's size.
    public init() {
        self.init(minCostArcLimit: FlowSolver.defaultMinCostArcLimit)
    }

    /// A flow solver whose min-cost flow handles at most `minCostArcLimit` arcs.
    package init(minCostArcLimit: Int) {
        self.minCostArcLimit = minCostArcLimit
    }

    /// Whether the flow expresses every cap of `problem` that can bind, so its makespan is optimal.
    package func isExact(for problem: PlanningProblem) -> Bool {
        FlowExactness(FlowDemand(problem)).isExact
    }

    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        // Pins and forbidden accounts: placed first, the rest planned around them (OverrideSolving).
        if problem.hasOverridesToPlace {
            return try OverrideSolving.solve(self, in: SolveContext(problem, options: options))
        }
        let clock = ContinuousClock.now
        func seconds() -> Double { clock.secondsElapsed }
        var analysis = FlowBoundAnalysis(FlowDemand(problem))
        analysis.search.budget = FlowWorkBudget(limit: workLimit)
        let demand = analysis.demand
        let bound = try analysis.bound()
        options.progress?(
            SolveProgress(
                stage: "flow bound", incumbent: nil, bound: Double(bound.makespan), gap: nil, nodes: 0,
                seconds: seconds()))

        var attempt = try FlowAttempt(&analysis, makespan: bound.makespan, minCostArcLimit: minCostArcLimit)
        var rolling = "not binding"
        if analysis.exactness.relaxesRollingCaps {
            // Rolling caps the flow ignores: also plan with each account's purchases spread so
            // that no window can pass its cap, and keep the better plan.
            var spread = FlowBoundAnalysis(FlowDemand(problem, spreadingRollingCaps: true))
            spread.search.budget = analysis.search.budget
            let target = try spread.bound()
            let spreadAttempt = try FlowAttempt(&spread, makespan: target.makespan, minCostArcLimit: minCostArcLimit)
            rolling = "repaired"
            if spreadAttempt.isBetter(than: attempt) {
                attempt = spreadAttempt
                rolling = "spread (each account's purchases capped per day to fit every window)"
            }
        }
        let placed = attempt.placed

        let makespan = placed.makespan
        let unscheduled = placed.unscheduled
        let proven: Int
        if unscheduled == bound.unscheduled {
            proven = bound.makespan
        } else {
            proven = try analysis.makespan(leavingOutAtMost: unscheduled) ?? demand.historyMakespan
        }
        let status: SolveStatus
        if analysis.openLines > 0 && unscheduled == analysis.openLines && bound.unscheduled == unscheduled {
            status = .infeasible
        } else if unscheduled == bound.unscheduled && makespan == bound.makespan {
            status = .optimal
        } else {
            status = .feasible
        }
        let run = SolverRun(
            name: name, status: status, seconds: seconds(), lowerBound: proven,
            gap: makespan > 0 ? Double(makespan - min(proven, makespan)) / Double(makespan) : 0,
            settings: [
                "exact": analysis.exactness.isExact
                    ? "yes" : "no: relaxes " + analysis.exactness.relaxed.joined(separator: "; "),
                "lateness": attempt.lateness,
                "lateness-weight-scale": String(attempt.weightScale),
                "rolling-caps": rolling,
                "pooled-accounts": analysis.exactness.layeredItems.isEmpty ? "yes" : "no",
            ],
            versions: ["rota": RotaVersion.current, "glpk": GLPKLibrary.version])
        options.progress?(
            SolveProgress(
                stage: "flow", incumbent: Double(makespan), bound: Double(proven), gap: run.gap, nodes: 0,
                seconds: run.seconds))
        return SolveResult(plan: placed.plan(in: problem, run: run), run: run)
    }
}
