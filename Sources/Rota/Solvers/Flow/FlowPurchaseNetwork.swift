import _GLPK

/// The purchase network for one makespan: source → stream chains (lines enter on their first
/// day and wait day by day) → [item node when an item has several streams] → account-day
/// group (same-item cap × members) → sink (daily room × members).
///
/// For a layered item (whole-plan same-item cap): source → item → (item, account) node
/// (the account's remaining cap for the item) → account-day. A purchase arc exists only
/// when the purchase's review, on the account's first available day at least the lag later,
/// falls on or before the makespan's last day; its cost is the stream's lateness there.
struct FlowPurchaseNetwork {
    let network: FlowNetwork
    let source: FlowNetwork.Node
    let sink: FlowNetwork.Node
    /// Arcs that stand for purchases: which stream and which account-day group.
    private(set) var purchaseArcs: [FlowPurchaseArc] = []

    /// Builds the network in which every review is on or before day `makespan − 1`.
    init(_ demand: FlowDemand, _ groups: FlowAccountGroups, _ streams: FlowStreams, makespan: Int) throws {
        let problem = demand.problem
        network = FlowNetwork()
        source = try network.addNode()
        sink = try network.addNode()
        let total = max(1, streams.lineCount)
        guard total <= FlowNetwork.maximumMagnitude else {
            throw FlowSolverError.tooLarge("\(total) lines are more than GLPK's flow algorithms can carry")
        }
        func clamp(_ value: Int, times count: Int = 1) -> Int {
            let (product, overflow) = min(value, total).multipliedReportingOverflow(by: count)
            return overflow ? total : min(product, total)
        }
        var arcs: [FlowNetwork.ArcSpec] = []
        var groupNode = [FlowNetwork.Node?](repeating: nil, count: groups.groups.count)
        var itemNode: [FlowItemGroup: FlowNetwork.Node] = [:]

        func accountDay(_ g: Int) throws -> FlowNetwork.Node {
            if let node = groupNode[g] { return node }
            let node = try network.addNode()
            let group = groups.groups[g]
            arcs.append(.init(from: node, to: sink, upper: clamp(group.room, times: group.accounts.count)))
            groupNode[g] = node
            return node
        }
        /// Same-item room of each member of group `g` for `item` that day.
        func itemRoom(_ g: Int, _ item: Int) -> Int {
            let group = groups.groups[g]
            return group.alone ? demand.itemRoom(item, group.accounts[0], group.day) : problem.sameItemPerDay
        }
        /// Where a purchase of `item` into group `g` goes, and that arc's capacity.
        func target(_ g: Int, _ item: Int, carrying count: Int) throws -> (FlowNetwork.Node, Int)? {
            let room = itemRoom(g, item)
            guard room > 0 else { return nil }
            let members = groups.groups[g].accounts.count
            guard (streams.streamCount[item] ?? 0) > 1 else {
                return (try accountDay(g), min(clamp(room, times: members), count))
            }
            let key = FlowItemGroup(item: item, group: g)
            if let node = itemNode[key] { return (node, count) }
            let node = try network.addNode()
            arcs.append(.init(from: node, to: try accountDay(g), upper: clamp(room, times: members)))
            itemNode[key] = node
            return (node, count)
        }

        for (s, stream) in streams.streams.enumerated() {
            let (last, underflow) = (makespan - 1).subtractingReportingOverflow(stream.lag)
            let lastDay = underflow ? -1 : min(problem.horizon - 1, last)
            guard let firstDay = stream.entries.first?.day, firstDay <= lastDay else { continue }
            let size = stream.lines.count
            if stream.layered {
                let item = try network.addNode()
                arcs.append(.init(from: source, to: item, upper: size))
                for a in 0..<problem.accountCount {
                    let room = min(demand.itemTotalRoom(stream.item, a), size)
                    guard room > 0 else { continue }
                    let pair = try network.addNode()
                    arcs.append(.init(from: item, to: pair, upper: room))
                    for d in firstDay...lastDay {
                        let g = groups.groupOf[a][d]
                        guard g >= 0, let review = groups.groups[g].reviewDays[stream.lagIndex], review < makespan,
                            let (node, upper) = try target(g, stream.item, carrying: size)
                        else { continue }
                        purchaseArcs.append(FlowPurchaseArc(arc: arcs.count, stream: s, group: g))
                        arcs.append(.init(from: pair, to: node, upper: upper, cost: stream.cost(reviewedOn: review)))
                    }
                }
                continue
            }
            let chain = try network.addNodes(count: lastDay - firstDay + 1)
            for entry in stream.entries where entry.day <= lastDay {
                arcs.append(.init(from: source, to: chain[entry.day - firstDay], upper: entry.count))
            }
            for d in firstDay...lastDay {
                let wait = chain[d - firstDay]
                if d < lastDay { arcs.append(.init(from: wait, to: chain[d - firstDay + 1], upper: size)) }
                for g in groups.groupsOnDay[d] {
                    guard let review = groups.groups[g].reviewDays[stream.lagIndex], review < makespan,
                        let (node, upper) = try target(g, stream.item, carrying: size)
                    else { continue }
                    purchaseArcs.append(FlowPurchaseArc(arc: arcs.count, stream: s, group: g))
                    arcs.append(.init(from: wait, to: node, upper: upper, cost: stream.cost(reviewedOn: review)))
                }
            }
        }
        try network.addArcs(arcs)
    }

    /// The largest number of lines routed (GLPK's Ford–Fulkerson) and how.
    func maxFlow() throws -> FlowRouting {
        let result = try network.maxFlow(from: source, to: sink)
        return routing(value: result.value, flows: result.arcFlows)
    }

    /// Routes exactly `value` lines at least lateness cost (GLPK's out-of-kilter); nil when
    /// that many cannot be routed.
    func minCostFlow(routing value: Int) throws -> FlowRouting? {
        try network.setSupply(value, for: source)
        try network.setSupply(-value, for: sink)
        let result = try network.minCostFlow()
        guard result.status == .optimal else { return nil }
        var routing = routing(value: value, flows: result.arcFlows)
        routing.cost = result.cost
        return routing
    }

    private func routing(value: Int, flows: [Int]) -> FlowRouting {
        var units: [FlowUnits] = []
        for arc in purchaseArcs where arc.arc < flows.count && flows[arc.arc] > 0 {
            units.append(FlowUnits(stream: arc.stream, group: arc.group, count: flows[arc.arc]))
        }
        return FlowRouting(value: value, units: units, cost: nil)
    }
}

/// An arc of the network that stands for purchases by a stream into an account-day group.
struct FlowPurchaseArc: Hashable, Sendable {
    var arc: Int
    var stream: Int
    var group: Int
}

/// An (item, account-day group) pair, as a dictionary key.
struct FlowItemGroup: Hashable, Sendable {
    var item: Int
    var group: Int
}

/// A solved flow: how many lines it routes, and how many of each stream each group takes.
struct FlowRouting: Sendable {
    var value: Int
    var units: [FlowUnits]
    /// The scaled lateness cost, for a min-cost routing.
    var cost: Int?
}

/// Purchases of one stream by one account-day group.
struct FlowUnits: Hashable, Sendable {
    var stream: Int
    var group: Int
    var count: Int
}
