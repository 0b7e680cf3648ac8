/// Binary search for the smallest makespan whose purchase network routes a given number of
/// lines; maximum flows are cached by makespan.
struct FlowMakespanSearch {
    let demand: FlowDemand
    let streams: FlowStreams
    /// Whether accounts are pooled (not when an item is layered).
    let pooling: Bool
    /// Per purchase line, the earliest day its review can be (ignoring every cap); ascending,
    /// unreachable lines left out.
    let earliestReviews: [Int]
    private let capacity: FlowCapacityCheck
    private var flows: [Int: FlowRouting] = [:]
    private var cachedMostRouted: Int?

    init(_ demand: FlowDemand, layered: Set<Int>) {
        self.demand = demand
        pooling = layered.isEmpty
        streams = FlowStreams(demand, layered: layered, costs: nil)
        capacity = FlowCapacityCheck(demand)
        earliestReviews = capacity.earliestReviews
    }

    /// The maximum flow with every review before `makespan`.
    mutating func routing(makespan: Int) throws -> FlowRouting {
        if let known = flows[makespan] { return known }
        let routing: FlowRouting
        if streams.streams.isEmpty || makespan <= 0 {
            routing = FlowRouting(value: 0, units: [])
        } else {
            let groups = FlowAccountGroups(demand, pooling: pooling, makespan: makespan, exactReviews: false)
            routing = try FlowPurchaseGraph(demand, streams, groups, makespan: makespan).maxFlow()
        }
        flows[makespan] = routing
        return routing
    }

    /// The most lines any plan can route (the maximum flow at the full horizon). When a
    /// smaller makespan already routes every line that can be reached at all, the full
    /// horizon's (largest) network is never built.
    mutating func mostRouted() throws -> Int {
        if let mostRouted = cachedMostRouted { return mostRouted }
        let reachable = earliestReviews.count
        let most =
            try firstMakespan(routing: reachable, all: true) != nil
            ? reachable : try routing(makespan: demand.problem.horizon).value
        cachedMostRouted = most
        return most
    }

    /// The smallest makespan at which `count` lines can be routed; nil when even the full
    /// horizon routes fewer.
    mutating func smallestMakespan(routing count: Int) throws -> Int? {
        guard count > 0 else { return 0 }
        guard count <= earliestReviews.count else { return nil }
        return try firstMakespan(routing: count, all: count == earliestReviews.count)
    }

    /// Galloping search: from the count-th earliest possible review (no plan routing `count`
    /// lines ends sooner), steps of 1, 2, 4… until the flow routes `count`, then bisection.
    /// Small makespans build small networks, so the search stays near the answer.
    /// With `all` (every reachable line), makespans that fail the capacity check are skipped
    /// without building their networks.
    private mutating func firstMakespan(routing count: Int, all: Bool) throws -> Int? {
        guard count > 0 else { return 0 }
        let horizon = demand.problem.horizon
        var low = earliestReviews[count - 1] + 1  // routes fewer than `count` below this
        if all, !capacity.mayRouteAll(makespan: low) {
            // The check only gets easier as the makespan grows: bisect for where it first passes.
            var high = horizon + 1
            low += 1
            while low < high {
                let middle = low + (high - low) / 2
                if capacity.mayRouteAll(makespan: middle) { high = middle } else { low = middle + 1 }
            }
        }
        guard low <= horizon else { return nil }
        if try routing(makespan: low).value >= count { return low }
        var step = 1
        var high = low
        while true {
            guard high < horizon else { return nil }
            low = high + 1
            high = min(horizon, high + step)
            step *= 2
            if try routing(makespan: high).value >= count { break }
        }
        while low < high {
            let middle = low + (high - low) / 2
            if try routing(makespan: middle).value >= count { high = middle } else { low = middle + 1 }
        }
        return high
    }
}
