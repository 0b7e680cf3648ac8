import _GLPK

/// A flow network in Swift arrays, solved by GLPK from a warm start.
///
/// GLPK's network algorithms always start from zero flow, and their work grows with the flow
/// they must find: Ford–Fulkerson searches the whole graph once per augmenting path, so on a
/// network of millions of arcs a few hundred paths take minutes. So the flow is warmed up in
/// Swift first — a blocking flow of the acyclic network (a depth-first search that never
/// undoes flow), then a few phases of Dinic's algorithm on the residual network, which find
/// many shortest augmenting paths per pass over the arcs — and GLPK solves what is left on the
/// residual network: the maximum flow with `glp_maxflow_ffalg` (which also proves there is no
/// augmenting path left), the cheapest rerouting (a min-cost circulation, costs negated on
/// backward arcs) with `glp_mincost_okalg`. A flow plus a maximum (or min-cost) flow of its
/// residual network is a maximum (or min-cost) flow of the network.
struct FlowGraph {
    private(set) var nodeCount = 0
    private(set) var tails: [Int] = []
    private(set) var heads: [Int] = []
    private(set) var uppers: [Int] = []
    private(set) var costs: [Int] = []

    var arcCount: Int { tails.count }

    @discardableResult
    mutating func addNode() -> Int {
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds `count` nodes; returns the first.
    @discardableResult
    mutating func addNodes(_ count: Int) -> Int {
        nodeCount += count
        return nodeCount - count
    }

    @discardableResult
    mutating func addArc(_ tail: Int, _ head: Int, upper: Int, cost: Int = 0) -> Int {
        tails.append(tail)
        heads.append(head)
        uppers.append(upper)
        costs.append(cost)
        return tails.count - 1
    }

    /// Dinic phases run in Swift before GLPK takes over.
    static let warmPhases = 4

    /// A maximum flow from `source` to `sink`, arc by arc.
    func maxFlow(from source: Int, to sink: Int) throws -> [Int] {
        var flow = blockingFlow(from: source, to: sink)
        let sourceRoom = zip(tails, uppers).reduce(0) { $0 + ($1.0 == source ? $1.1 : 0) }
        guard value(of: flow, at: source) < sourceRoom else { return flow }
        augment(&flow, from: source, to: sink, phases: Self.warmPhases)
        let residual = try Residual(self, flow, withCosts: false)
        let result = try residual.network.maxFlow(
            from: FlowNetwork.Node(source), to: FlowNetwork.Node(sink))
        residual.apply(result.arcFlows, to: &flow)
        return flow
    }

    /// The cheapest flow with the same value as `flow` (which must be feasible), arc by arc;
    /// nil if GLPK finds the circulation infeasible (it cannot be: zero is a circulation).
    func cheapestFlow(like flow: [Int]) throws -> [Int]? {
        let residual = try Residual(self, flow, withCosts: true)
        let result = try residual.network.minCostFlow()
        guard result.status == .optimal else { return nil }
        var cheapest = flow
        residual.apply(result.arcFlows, to: &cheapest)
        return cheapest
    }

    /// The net flow out of `node`.
    func value(of flow: [Int], at node: Int) -> Int {
        var total = 0
        for e in 0..<arcCount {
            if tails[e] == node { total += flow[e] }
            if heads[e] == node { total -= flow[e] }
        }
        return total
    }

    /// The total cost of `flow`.
    func cost(of flow: [Int]) -> Int {
        zip(flow, costs).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// A blocking flow: augmenting paths of unsaturated arcs found depth first, arcs tried in
    /// the order they were added, never undoing flow. The network must be acyclic; a node that
    /// cannot reach the sink stays cut off, so the search takes about one pass over the arcs.
    func blockingFlow(from source: Int, to sink: Int) -> [Int] {
        var flow = [Int](repeating: 0, count: arcCount)
        guard source != sink, nodeCount > 0 else { return flow }
        // Outgoing arcs by node, in insertion order.
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for tail in tails { start[tail + 1] += 1 }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var slot = start
        var outgoing = [Int](repeating: 0, count: arcCount)
        for e in 0..<arcCount {
            outgoing[slot[tails[e]]] = e
            slot[tails[e]] += 1
        }
        var next = start
        var dead = [Bool](repeating: false, count: nodeCount)
        var path: [Int] = []
        var node = source
        while true {
            if node == sink {
                var room = Int.max
                for e in path { room = min(room, uppers[e] - flow[e]) }
                for e in path { flow[e] += room }
                path.removeAll(keepingCapacity: true)
                node = source
                continue
            }
            var advanced = false
            while next[node] < start[node + 1] {
                let e = outgoing[next[node]]
                if flow[e] < uppers[e] && !dead[heads[e]] {
                    path.append(e)
                    node = heads[e]
                    advanced = true
                    break
                }
                next[node] += 1
            }
            if advanced { continue }
            dead[node] = true
            guard let back = path.popLast() else { return flow }
            node = tails[back]
        }
    }
}

extension FlowGraph {
    /// Up to `phases` phases of Dinic's algorithm on the residual network of `flow`: each
    /// labels nodes by their distance from the source along arcs with room (forward) or flow
    /// (backward), then saturates every shortest augmenting path by depth-first search.
    /// Stops early when the sink is out of reach (the flow is then maximum).
    func augment(_ flow: inout [Int], from source: Int, to sink: Int, phases: Int) {
        guard source != sink, nodeCount > 0 else { return }
        // Residual edges: 2e runs along arc e (room upper − flow), 2e + 1 against it (room flow).
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for e in 0..<arcCount {
            start[tails[e] + 1] += 1
            start[heads[e] + 1] += 1
        }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var slot = start
        var edges = [Int](repeating: 0, count: 2 * arcCount)
        for e in 0..<arcCount {
            edges[slot[tails[e]]] = 2 * e
            slot[tails[e]] += 1
            edges[slot[heads[e]]] = 2 * e + 1
            slot[heads[e]] += 1
        }
        @inline(__always) func room(_ edge: Int) -> Int {
            edge & 1 == 0 ? uppers[edge >> 1] - flow[edge >> 1] : flow[edge >> 1]
        }
        @inline(__always) func end(_ edge: Int) -> Int {
            edge & 1 == 0 ? heads[edge >> 1] : tails[edge >> 1]
        }
        var level = [Int](repeating: -1, count: nodeCount)
        var queue = [Int]()
        queue.reserveCapacity(nodeCount)
        for _ in 0..<phases {
            for v in 0..<nodeCount { level[v] = -1 }
            level[source] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for i in start[u]..<start[u + 1] {
                    let edge = edges[i]
                    let v = end(edge)
                    if level[v] < 0 && room(edge) > 0 {
                        level[v] = level[u] + 1
                        queue.append(v)
                    }
                }
            }
            guard level[sink] >= 0 else { return }
            var next = start
            var path: [Int] = []
            var node = source
            while true {
                if node == sink {
                    var bottleneck = Int.max
                    for edge in path { bottleneck = min(bottleneck, room(edge)) }
                    for edge in path { flow[edge >> 1] += edge & 1 == 0 ? bottleneck : -bottleneck }
                    path.removeAll(keepingCapacity: true)
                    node = source
                    continue
                }
                var advanced = false
                while next[node] < start[node + 1] {
                    let edge = edges[next[node]]
                    let v = end(edge)
                    if level[v] == level[node] + 1 && room(edge) > 0 {
                        path.append(edge)
                        node = v
                        advanced = true
                        break
                    }
                    next[node] += 1
                }
                if advanced { continue }
                level[node] = -1  // a dead end for the rest of the phase
                guard let back = path.popLast() else { break }
                node = end(back ^ 1)
            }
        }
    }
}

/// The residual network of a flow, as a GLPK network: a forward arc for the room left on each
/// arc, a backward arc (cost negated) for the flow on it.
private struct Residual {
    let network = FlowNetwork()
    /// Per residual arc: the graph arc and whether it runs forward.
    private var origin: [(arc: Int, forward: Bool)] = []

    init(_ graph: FlowGraph, _ flow: [Int], withCosts: Bool) throws {
        if graph.nodeCount > 0 { try network.addNodes(count: graph.nodeCount) }
        var specs: [FlowNetwork.ArcSpec] = []
        specs.reserveCapacity(graph.arcCount + graph.arcCount / 4)
        for e in 0..<graph.arcCount {
            let tail = FlowNetwork.Node(graph.tails[e])
            let head = FlowNetwork.Node(graph.heads[e])
            let cost = withCosts ? graph.costs[e] : 0
            if flow[e] < graph.uppers[e] {
                specs.append(.init(from: tail, to: head, upper: graph.uppers[e] - flow[e], cost: cost))
                origin.append((e, true))
            }
            if flow[e] > 0 {
                specs.append(.init(from: head, to: tail, upper: flow[e], cost: -cost))
                origin.append((e, false))
            }
        }
        try network.addArcs(specs)
    }

    /// Adds a residual solution onto `flow`.
    func apply(_ residualFlows: [Int], to flow: inout [Int]) {
        for (index, x) in residualFlows.enumerated() where x != 0 {
            let (arc, forward) = origin[index]
            flow[arc] += forward ? x : -x
        }
    }
}
