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
    /// The makespans the capacity check looked at, in order (its work grows with them).
    private(set) var checkedMakespans: [Int] = []

    /// The makespans whose networks were built, ascending (their size grows with them).
    var networkMakespans: [Int] { flows.keys.sorted() }
    /// The largest makespan searched: the horizon until a search goes past twice the latest
    /// earliest review (so instances whose lines route by then never pay for greedy's plan);
    /// then greedy's makespan `M`, when its plan leaves out the proven fewest lines (`HorizonCut`).
    /// That plan schedules as many lines as any plan, and its purchases route in the relaxed
    /// network of `M`, so the flows up to `M` still bound the lines any plan schedules, on
    /// the days that matter rather than `horizonDays`. (For the spread restriction, whose
    /// makespans are no bounds, it only caps the target: plans past `M` are no better.)
    private(set) var limit: Int
    private var limitChecked = false
    /// The days of greedy's cut when the caller already knows them (`auto`: greedy has run and
    /// the bound is known), so the search does not run greedy and `LowerBounds` again.
    var knownCut: Int?
    /// The work the maximum flows may take (each charged its arcs); unlimited by default.
    var budget = FlowWorkBudget(limit: nil)

    init(_ demand: FlowDemand, layered: Set<Int>) {
        self.demand = demand
        pooling = layered.isEmpty
        streams = FlowStreams(demand, layered: layered, costs: nil)
        capacity = FlowCapacityCheck(demand)
        earliestReviews = capacity.earliestReviews
        limit = demand.problem.horizon
    }

    /// The maximum flow with every review before `makespan`.
    mutating func routing(makespan: Int) throws -> FlowRouting {
        if let known = flows[makespan] { return known }
        let routing: FlowRouting
        if streams.streams.isEmpty || makespan <= 0 {
            routing = FlowRouting(value: 0, units: [])
        } else {
            let groups = FlowAccountGroups(demand, pooling: pooling, makespan: makespan, exactReviews: false)
            if budget.limit != nil {
                try budget.check(FlowPurchaseGraph.estimatedArcs(demand, streams, groups, makespan: makespan))
            }
            let network = try FlowPurchaseGraph(demand, streams, groups, makespan: makespan)
            try budget.charge(network.graph.arcCount)
            routing = try network.maxFlow()
        }
        flows[makespan] = routing
        return routing
    }

    /// The most lines any plan can route: the maximum flow at `limit`. When a smaller
    /// makespan already routes every line that can be reached at all, that larger network is
    /// never built.
    mutating func mostRouted() throws -> Int {
        if let mostRouted = cachedMostRouted { return mostRouted }
        let reachable = earliestReviews.count
        let most =
            try firstMakespan(routing: reachable, all: true) != nil
            ? reachable : try routing(makespan: end(past: limit)).value
        cachedMostRouted = most
        return most
    }

    /// The smallest makespan at which `count` lines can be routed; nil when even `limit`
    /// routes fewer.
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
        var low = earliestReviews[count - 1] + 1  // routes fewer than `count` below this
        if all, !mayRouteAll(makespan: low) {
            // The check only gets easier as the makespan grows: gallop (steps of 1, 2, 4…) to
            // where it first passes, then bisect, so it only looks at days near the answer.
            var step = 1
            var high = low
            repeat {
                low = high + 1
                high = min(try end(past: high + step) + 1, high + step)
                step *= 2
            } while high <= limit && !mayRouteAll(makespan: high)
            while low < high {
                let middle = low + (high - low) / 2
                if mayRouteAll(makespan: middle) { high = middle } else { low = middle + 1 }
            }
            low = high
        }
        guard low <= limit else { return nil }
        if try routing(makespan: low).value >= count { return low }
        var step = 1
        var high = low
        while true {
            let end = try end(past: high + step)
            guard high < end else { return nil }
            low = high + 1
            high = min(end, high + step)
            step *= 2
            if try routing(makespan: high).value >= count { break }
        }
        while low < high {
            let middle = low + (high - low) / 2
            if try routing(makespan: middle).value >= count { high = middle } else { low = middle + 1 }
        }
        return high
    }

    /// `limit`, for a search about to look at `makespan`: cut to greedy's makespan once a
    /// search goes past twice the latest earliest review.
    private mutating func end(past makespan: Int) throws -> Int {
        if !limitChecked, makespan > 2 * ((earliestReviews.last ?? 0) + 1) {
            limitChecked = true
            limit = try knownCut.map { min($0, demand.problem.horizon) } ?? HorizonCut.greedy(demand.problem).days
        }
        return limit
    }

    /// The capacity check at `makespan`, noted in `checkedMakespans`.
    private mutating func mayRouteAll(makespan: Int) -> Bool {
        checkedMakespans.append(makespan)
        return capacity.mayRouteAll(makespan: makespan)
    }
}
