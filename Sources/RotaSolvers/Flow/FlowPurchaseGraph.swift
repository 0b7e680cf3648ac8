/// The purchase network for one makespan. Lines enter a chain per stream on their first day
/// and wait day by day; a purchase leaves the chain into an account-day group (same-item cap
/// × members), which drains into the sink (daily room × members):
///
///     source → chain(stream, day) → [hub] → [item node] → group(day) → sink
///
/// Streams of one item and lag (told apart by lateness) meet in hubs, one per day and review
/// day, so a stream needs one arc per review day rather than one per group; an item bought
/// at several lags goes through an item node per group, so that all its purchases there
/// share the same-item daily cap. A layered item (whole-plan same-item cap) runs source →
/// item → (item, account) node (the account's remaining cap) → group. A purchase exists only
/// when its review, on the account's first available day at least the lag later, is before
/// the makespan; its cost is the stream's lateness there.
struct FlowPurchaseGraph {
    let streams: FlowStreams
    let groups: FlowAccountGroups
    private(set) var graph = FlowGraph()
    let source = 0
    let sink = 1
    /// Arcs from a stream straight into a group (or its item node).
    private var directArcs: [FlowArcRecord] = []
    /// Arcs from a stream into a hub (`to` is the hub), and from a hub into a group (`from` is the hub).
    private var hubInArcs: [FlowArcRecord] = []
    private var hubOutArcs: [FlowArcRecord] = []

    /// Builds the network in which every review is on or before day `makespan − 1`, on
    /// `groups` made for that makespan (exact review days when streams carry costs).
    init(_ demand: FlowDemand, _ streams: FlowStreams, _ groups: FlowAccountGroups, makespan: Int) throws {
        let problem = demand.problem
        self.streams = streams
        self.groups = groups
        let total = max(1, streams.lineCount)
        guard total <= FlowSolverLimits.maximumLines else {
            throw FlowSolverError.tooLarge("\(total) lines are more than GLPK's flow algorithms can carry")
        }
        func clamp(_ value: Int, times count: Int = 1) -> Int {
            let (product, overflow) = min(value, total).multipliedReportingOverflow(by: count)
            return overflow ? total : min(product, total)
        }
        var graph = FlowGraph()
        graph.addNodes(2)
        var groupNode = [Int](repeating: -1, count: groups.groups.count)
        var itemNode: [FlowItemGroup: Int] = [:]
        var hubNode: [FlowHubKey: Int] = [:]
        var directArcs: [FlowArcRecord] = []
        var hubInArcs: [FlowArcRecord] = []
        var hubOutArcs: [FlowArcRecord] = []
        var lineCount: [FlowItemLag: Int] = [:]
        for stream in streams.streams {
            lineCount[FlowItemLag(item: stream.item, lagIndex: stream.lagIndex), default: 0] += stream.lines.count
        }

        func accountDay(_ g: Int) -> Int {
            if groupNode[g] >= 0 { return groupNode[g] }
            let node = graph.addNode()
            let group = groups.groups[g]
            graph.addArc(node, sink, upper: clamp(group.room, times: group.accounts.count))
            groupNode[g] = node
            return node
        }
        /// Where a purchase of `item` into group `g` goes, and that arc's capacity.
        func target(_ g: Int, _ item: Int, carrying count: Int) -> (node: Int, upper: Int)? {
            let group = groups.groups[g]
            let room = group.alone ? demand.itemRoom(item, group.accounts[0], group.day) : problem.sameItemPerDay
            guard room > 0 else { return nil }
            guard (streams.lagsOfItem[item] ?? 0) > 1 else {
                return (accountDay(g), min(clamp(room, times: group.accounts.count), count))
            }
            let key = FlowItemGroup(item: item, group: g)
            if let node = itemNode[key] { return (node, count) }
            let node = graph.addNode()
            graph.addArc(node, accountDay(g), upper: clamp(room, times: group.accounts.count))
            itemNode[key] = node
            return (node, count)
        }
        /// The hub of `item` at lag position `k` for purchases on `day` reviewed on `review`.
        func hub(_ item: Int, _ k: Int, _ day: Int, _ review: Int) -> Int? {
            let key = FlowHubKey(item: item, lagIndex: k, day: day, review: review)
            if let node = hubNode[key] { return node >= 0 ? node : nil }
            let size = lineCount[FlowItemLag(item: item, lagIndex: k)] ?? 0
            var outgoing: [(Int, FlowNetworkTarget)] = []
            for g in groups.groupsOnDay[day] where groups.groups[g].reviewDays[k] == review {
                if let (node, upper) = target(g, item, carrying: size) {
                    outgoing.append((g, FlowNetworkTarget(node: node, upper: upper)))
                }
            }
            guard !outgoing.isEmpty else {
                hubNode[key] = -1
                return nil
            }
            let node = graph.addNode()
            hubNode[key] = node
            for (g, out) in outgoing {
                let arc = graph.addArc(node, out.node, upper: out.upper)
                hubOutArcs.append(FlowArcRecord(arc: arc, from: node, to: g))
            }
            return node
        }

        var entries: [FlowEntryArc] = []
        for (s, stream) in streams.streams.enumerated() {
            let (last, underflow) = (makespan - 1).subtractingReportingOverflow(stream.lag)
            let lastDay = underflow ? -1 : min(problem.horizon - 1, last)
            guard let firstDay = stream.entries.first?.day, firstDay <= lastDay else { continue }
            let size = stream.lines.count
            if stream.layered {
                let item = graph.addNode()
                entries.append(FlowEntryArc(node: item, count: size, window: lastDay - firstDay, stream: s))
                for a in 0..<problem.accountCount {
                    let room = min(demand.itemTotalRoom(stream.item, a), size)
                    guard room > 0 else { continue }
                    let pair = graph.addNode()
                    graph.addArc(item, pair, upper: room)
                    for d in firstDay...lastDay {
                        let g = d < groups.groupOf[a].count ? groups.groupOf[a][d] : -1
                        guard g >= 0, let review = groups.groups[g].reviewDays[stream.lagIndex],
                            let (node, upper) = target(g, stream.item, carrying: size)
                        else { continue }
                        let arc = graph.addArc(pair, node, upper: upper, cost: stream.cost(reviewedOn: review))
                        directArcs.append(FlowArcRecord(arc: arc, from: s, to: g))
                    }
                }
                continue
            }
            let chain = graph.addNodes(lastDay - firstDay + 1)
            for entry in stream.entries where entry.day <= lastDay {
                entries.append(
                    FlowEntryArc(
                        node: chain + entry.day - firstDay, count: entry.count, window: lastDay - entry.day, stream: s))
            }
            let shared = (streams.streamsOfItemLag[FlowItemLag(item: stream.item, lagIndex: stream.lagIndex)] ?? 0) > 1
            for d in firstDay...lastDay {
                let wait = chain + d - firstDay
                // Purchases first: the warm start buys as early as it can.
                if shared {
                    var reviews: [Int] = []
                    for g in groups.groupsOnDay[d] {
                        if let review = groups.groups[g].reviewDays[stream.lagIndex], !reviews.contains(review) {
                            reviews.append(review)
                        }
                    }
                    for review in reviews.sorted() {
                        guard let node = hub(stream.item, stream.lagIndex, d, review) else { continue }
                        let arc = graph.addArc(wait, node, upper: size, cost: stream.cost(reviewedOn: review))
                        hubInArcs.append(FlowArcRecord(arc: arc, from: s, to: node))
                    }
                } else {
                    for g in groups.groupsOnDay[d] {
                        guard let review = groups.groups[g].reviewDays[stream.lagIndex],
                            let (node, upper) = target(g, stream.item, carrying: size)
                        else { continue }
                        let arc = graph.addArc(wait, node, upper: upper, cost: stream.cost(reviewedOn: review))
                        directArcs.append(FlowArcRecord(arc: arc, from: s, to: g))
                    }
                }
                if d < lastDay { graph.addArc(wait, wait + 1, upper: size) }
            }
        }
        // The warm start routes the most urgent lines first (earliest due, then heaviest),
        // then the most constrained (fewest days to buy on).
        func order(_ entry: FlowEntryArc) -> (Int, Int, Int, Int, Int) {
            let stream = streams.streams[entry.stream]
            return (stream.due ?? Int.max, -stream.weight, entry.window, entry.stream, entry.node)
        }
        entries.sort { order($0) < order($1) }
        for entry in entries { graph.addArc(source, entry.node, upper: entry.count) }
        self.graph = graph
        self.directArcs = directArcs
        self.hubInArcs = hubInArcs
        self.hubOutArcs = hubOutArcs
    }

    /// The arcs the network for `streams` on `groups` would have, about (item nodes and
    /// unused hubs aside), counted without building it.
    static func estimatedArcs(_ demand: FlowDemand, _ streams: FlowStreams, _ groups: FlowAccountGroups, makespan: Int)
        -> Int
    {
        let days = groups.groupsOnDay.count
        let lags = demand.lags.count
        // Per lag and day: groups whose review is before the makespan, and their distinct review days.
        var open = [[Int]](repeating: [Int](repeating: 0, count: days + 1), count: lags)
        var reviews = [[Int]](repeating: [Int](repeating: 0, count: days + 1), count: lags)
        for k in 0..<lags {
            for d in 0..<days {
                let found = groups.groupsOnDay[d].compactMap { groups.groups[$0].reviewDays[k] }
                open[k][d + 1] = open[k][d] + found.count
                reviews[k][d + 1] = reviews[k][d] + Set(found).count
            }
        }
        var total = 0
        var hubbed = Set<FlowItemLag>()
        for stream in streams.streams {
            let (last, underflow) = (makespan - 1).subtractingReportingOverflow(stream.lag)
            let lastDay = underflow ? -1 : min(days - 1, last)
            guard let first = stream.entries.first?.day, first <= lastDay, stream.lagIndex < lags else { continue }
            let k = stream.lagIndex
            let key = FlowItemLag(item: stream.item, lagIndex: k)
            total += stream.entries.count + (lastDay - first)
            if stream.layered {
                total += open[k][lastDay + 1] - open[k][first] + demand.problem.accountCount
            } else if (streams.streamsOfItemLag[key] ?? 0) > 1 {
                total += reviews[k][lastDay + 1] - reviews[k][first]
                if hubbed.insert(key).inserted { total += open[k][lastDay + 1] - open[k][0] }
            } else {
                total += open[k][lastDay + 1] - open[k][first]
            }
        }
        return total
    }

    /// The most lines routed, and how.
    func maxFlow() throws -> FlowRouting {
        routing(try graph.maxFlow(from: source, to: sink))
    }

    /// As many lines as the maximum flow, routed at least lateness cost; also says whether GLPK
    /// found the cheapest rerouting (it always should: keeping the flow is a solution).
    func cheapestMaxFlow() throws -> (routing: FlowRouting, optimised: Bool) {
        let flow = try graph.maxFlow(from: source, to: sink)
        guard let cheapest = try graph.cheapestFlow(like: flow) else { return (routing(flow), false) }
        return (routing(cheapest), true)
    }

    /// Units per (stream, group): direct arcs as they are; a hub's incoming streams matched
    /// in order with its outgoing groups (all its groups buy on the same day and review on
    /// the same day, so any matching is the same plan).
    private func routing(_ flow: [Int]) -> FlowRouting {
        var units: [FlowUnits] = []
        for record in directArcs where flow[record.arc] > 0 {
            units.append(FlowUnits(stream: record.from, group: record.to, count: flow[record.arc]))
        }
        var incoming: [Int: [(stream: Int, count: Int)]] = [:]
        for record in hubInArcs where flow[record.arc] > 0 {
            incoming[record.to, default: []].append((record.from, flow[record.arc]))
        }
        var position: [Int: Int] = [:]
        for record in hubOutArcs where flow[record.arc] > 0 {
            var left = flow[record.arc]
            while left > 0, let streams = incoming[record.from] {
                let index = position[record.from] ?? 0
                guard index < streams.count else { break }
                let take = min(left, streams[index].count)
                units.append(FlowUnits(stream: streams[index].stream, group: record.to, count: take))
                left -= take
                if take == streams[index].count {
                    position[record.from] = index + 1
                } else {
                    incoming[record.from]?[index].count -= take
                }
            }
        }
        return FlowRouting(value: graph.value(of: flow, at: source), units: units)
    }
}

/// An arc from the source: lines of a stream entering its chain on one day.
struct FlowEntryArc: Hashable, Sendable {
    var node: Int
    var count: Int
    /// Days the lines have to be bought on.
    var window: Int
    var stream: Int
}

/// An arc of the network that stands for purchases, with what it joins.
struct FlowArcRecord: Hashable, Sendable {
    var arc: Int
    var from: Int
    var to: Int
}

/// A node and the capacity of the arc into it.
struct FlowNetworkTarget: Hashable, Sendable {
    var node: Int
    var upper: Int
}

/// A hub: purchases of an item at a lag on a day, reviewed on a day.
struct FlowHubKey: Hashable, Sendable {
    var item: Int
    var lagIndex: Int
    var day: Int
    var review: Int
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
}

/// Purchases of one stream by one account-day group.
struct FlowUnits: Hashable, Sendable {
    var stream: Int
    var group: Int
    var count: Int
}

/// Sizes the flow solver accepts.
enum FlowSolverLimits {
    /// GLPK's flow algorithms count in C `int`.
    static let maximumLines = 100_000_000
}
