import _GLPK

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
public struct FlowSolver: Solver {
    public let name = "flow"
    /// The largest lateness network (in arcs) handed to GLPK's min-cost flow algorithm; beyond
    /// it, lateness is served by urgency alone (earliest due first within each item).
    public var minCostArcLimit: Int

    /// The default `minCostArcLimit`: GLPK's out-of-kilter algorithm needs about 0.2 s for
    /// 140,000 arcs and 6 s for 700,000 on a 2-core machine.
    public static let defaultMinCostArcLimit = 400_000

    public init(minCostArcLimit: Int = FlowSolver.defaultMinCostArcLimit) {
        self.minCostArcLimit = minCostArcLimit
    }

    /// Whether the flow expresses every cap of `problem` that can bind, so its makespan is optimal.
    public func isExact(for problem: PlanningProblem) -> Bool {
        FlowExactness(FlowDemand(problem)).isExact
    }

    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        let clock = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - clock
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        var analysis = FlowBoundAnalysis(FlowDemand(problem))
        let demand = analysis.demand
        let bound = try analysis.bound()
        options.progress?(
            SolveProgress(
                stage: "flow bound", incumbent: nil, bound: Double(bound.makespan), gap: nil, nodes: 0,
                seconds: seconds()))

        // Lateness at the bound's makespan: a min-cost flow routing as many lines, on exact
        // review days; when that network would be too large for GLPK's min-cost algorithm, the
        // makespan search's own flow, with each item's most urgent lines on its earliest slots.
        let makespanTarget = bound.makespan
        let costs = FlowCosts(demand, makespan: makespanTarget)
        let costStreams = FlowStreams(demand, layered: analysis.exactness.layeredItems, costs: costs)
        let exactGroups = FlowAccountGroups(
            demand, pooling: analysis.search.pooling, makespan: makespanTarget, exactReviews: true)
        let estimate = FlowPurchaseGraph.estimatedArcs(demand, costStreams, exactGroups, makespan: makespanTarget)
        let proposal: [FlowPlacement?]
        let lateness: String
        if estimate <= minCostArcLimit {
            let network = try FlowPurchaseGraph(demand, costStreams, exactGroups, makespan: makespanTarget)
            let (routing, optimised) = try network.cheapestMaxFlow()
            proposal = FlowDecoder(demand: demand, groups: exactGroups, streams: costStreams).decode(routing)
            lateness = optimised ? "min-cost flow" : "earliest due first (GLPK found no cheaper flow)"
        } else {
            let routing = try analysis.search.routing(makespan: makespanTarget)
            let groups = FlowAccountGroups(
                demand, pooling: analysis.search.pooling, makespan: makespanTarget, exactReviews: false)
            proposal = FlowDecoder(demand: demand, groups: groups, streams: analysis.search.streams).decode(routing)
            lateness = "earliest due first (about \(estimate) arcs, over the min-cost limit of \(minCostArcLimit))"
        }

        let placed = FlowRepair(demand: demand, exact: analysis.exactness.isExact).place(proposal)
        var builder = PlanBuilder(problem: problem)
        for (l, outcome) in placed.outcomes.enumerated() {
            switch outcome {
            case .none: break
            case let .scheduled(purchase, review): builder.schedule(line: l, purchase: purchase, review: review)
            case let .leftOut(reason): builder.leaveOut(line: l, reason: reason)
            }
        }

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
                "exact": analysis.exactness.isExact ? "yes" : "no: relaxes " + analysis.exactness.relaxed.joined(separator: "; "),
                "lateness": lateness,
                "lateness-weight-scale": String(costs.scale),
                "pooled-accounts": analysis.exactness.layeredItems.isEmpty ? "yes" : "no",
            ],
            versions: ["rota": RotaVersion.current, "glpk": GLPKLibrary.version])
        options.progress?(
            SolveProgress(
                stage: "flow", incumbent: Double(makespan), bound: Double(proven), gap: run.gap, nodes: 0,
                seconds: run.seconds))
        return SolveResult(plan: builder.build(run: run), run: run)
    }
}
