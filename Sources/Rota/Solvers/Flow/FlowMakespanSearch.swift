/// Binary search for the smallest makespan whose purchase network routes a given number of
/// lines; maximum flows are cached by makespan.
struct FlowMakespanSearch {
    let demand: FlowDemand
    let groups: FlowAccountGroups
    let streams: FlowStreams
    /// Per purchase line, the earliest day its review can be (ignoring every cap); ascending,
    /// unreachable lines left out.
    let earliestReviews: [Int]
    private var flows: [Int: FlowRouting] = [:]

    init(_ demand: FlowDemand, _ groups: FlowAccountGroups, layered: Set<Int>) {
        self.demand = demand
        self.groups = groups
        streams = FlowStreams(demand, layered: layered, costs: nil)
        let problem = demand.problem
        var earliest: [Int] = []
        for l in demand.purchaseLines {
            var best: Int?
            for a in 0..<problem.accountCount {
                guard let day = demand.calendar.firstAvailable(a, from: problem.firstPurchaseDay[l]),
                    let review = demand.calendar.reviewDay(a, purchasedOn: day, lag: problem.lag[l])
                else { continue }
                best = min(best ?? review, review)
            }
            if let best { earliest.append(best) }
        }
        earliestReviews = earliest.sorted()
    }

    /// The maximum flow with every review before `makespan`.
    mutating func routing(makespan: Int) throws -> FlowRouting {
        if let known = flows[makespan] { return known }
        let routing: FlowRouting
        if streams.streams.isEmpty || makespan <= 0 {
            routing = FlowRouting(value: 0, units: [], cost: nil)
        } else {
            routing = try FlowPurchaseNetwork(demand, groups, streams, makespan: makespan).maxFlow()
        }
        flows[makespan] = routing
        return routing
    }

    /// The most lines any plan can route (the maximum flow at the full horizon).
    mutating func mostRouted() throws -> Int {
        try routing(makespan: demand.problem.horizon).value
    }

    /// The smallest makespan at which `count` lines can be routed; nil when even the full
    /// horizon routes fewer.
    mutating func smallestMakespan(routing count: Int) throws -> Int? {
        guard count > 0 else { return 0 }
        guard count <= earliestReviews.count, try mostRouted() >= count else { return nil }
        // `count` reviews are on or after the count-th earliest possible review day.
        var low = earliestReviews[count - 1] + 1
        var high = demand.problem.horizon
        while low < high {
            let middle = low + (high - low) / 2
            if try routing(makespan: middle).value >= count { high = middle } else { low = middle + 1 }
        }
        return high
    }
}
