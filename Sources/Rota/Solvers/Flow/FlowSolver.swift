import _GLPK

/// Plans with GLPK's network algorithms: the smallest makespan whose purchase network routes
/// every line that can be routed (binary search on maximum flows), then a minimum-cost flow
/// at that makespan for weighted lateness, spread over accounts evenly.
///
/// Where only availability, earliest days, lags, the horizon, daily limits and the same-item
/// caps bind (`isExact(for:)`), the plan's makespan is optimal (status `.optimal`, lower
/// bound = makespan). Otherwise the flow is a relaxation: its plan is checked against every
/// rule and the lines it cannot keep are moved to the earliest review any account can still
/// take, and the flow's makespan remains a lower bound. Every plan passes the validator.
public struct FlowSolver: Solver {
    public let name = "flow"

    public init() {}

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

        // Lateness at the bound's makespan: a min-cost flow routing as many lines.
        let costs = FlowCosts(demand, makespan: bound.makespan)
        let streams = FlowStreams(demand, layered: analysis.exactness.layeredItems, costs: costs)
        let network = try FlowPurchaseGraph(
            demand, streams, pooling: analysis.search.pooling, makespan: bound.makespan)
        let (routing, optimised) = try network.cheapestMaxFlow(arcLimit: FlowCosts.minCostArcLimit)
        let proposal = FlowDecoder(demand: demand, groups: network.groups, streams: streams).decode(routing)

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
                "lateness": optimised
                    ? "min-cost flow" : "most urgent first (\(network.graph.arcCount) arcs, over the min-cost limit of \(FlowCosts.minCostArcLimit))",
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
