/// One pass of the flow solver over a demand: a flow at the target makespan (min-cost for
/// lateness when the network is small enough, else the makespan search's own flow matched
/// by urgency), decoded into placements and placed through the ledger. Its solves are charged
/// to the search's work budget.
struct FlowAttempt {
    let placed: FlowPlacementResult
    /// How lateness was served, for the run's settings.
    let lateness: String
    let weightScale: Double

    init(_ analysis: inout FlowBoundAnalysis, makespan: Int, minCostArcLimit: Int) throws {
        let demand = analysis.demand
        let costs = FlowCosts(demand, makespan: makespan)
        let costStreams = FlowStreams(demand, layered: analysis.exactness.layeredItems, costs: costs)
        let exactGroups = FlowAccountGroups(
            demand, pooling: analysis.search.pooling, makespan: makespan, exactReviews: true)
        let estimate = FlowPurchaseGraph.estimatedArcs(demand, costStreams, exactGroups, makespan: makespan)
        let proposal: [FlowPlacement?]
        if estimate <= minCostArcLimit {
            try analysis.search.budget.check((1 + FlowWorkBudget.minCostWeight) * estimate)
            let network = try FlowPurchaseGraph(demand, costStreams, exactGroups, makespan: makespan)
            // A maximum flow, then its min-cost rerouting.
            try analysis.search.budget.charge((1 + FlowWorkBudget.minCostWeight) * network.graph.arcCount)
            let (routing, optimised) = try network.cheapestMaxFlow()
            proposal = FlowDecoder(demand: demand, groups: exactGroups, streams: costStreams).decode(routing)
            lateness = optimised ? "min-cost flow" : "earliest due first (GLPK found no cheaper flow)"
        } else {
            let routing = try analysis.search.routing(makespan: makespan)
            let groups = FlowAccountGroups(
                demand, pooling: analysis.search.pooling, makespan: makespan, exactReviews: false)
            proposal = FlowDecoder(demand: demand, groups: groups, streams: analysis.search.streams).decode(routing)
            lateness = "earliest due first (about \(estimate) arcs, over the min-cost limit of \(minCostArcLimit))"
        }
        weightScale = costs.scale
        placed = FlowRepair(demand: demand, exact: analysis.exactness.isExact).place(proposal)
    }

    /// Whether this attempt's plan is better: fewer lines left out, then a smaller makespan,
    /// then less weighted lateness.
    func isBetter(than other: FlowAttempt) -> Bool {
        (placed.unscheduled, placed.makespan, placed.lateness)
            < (other.placed.unscheduled, other.placed.makespan, other.placed.lateness)
    }
}
