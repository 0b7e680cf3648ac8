/// A minimum-cost flow on dense arrays, for `LatenessBounds`: the primal-dual method (successive
/// shortest paths, Dijkstra on reduced costs with Johnson potentials, each distance served by
/// a blocking flow), integer capacities and costs.
///
/// Costs are non-negative when arcs are added, so the zero potential is feasible at the start.
/// Each round finds a shortest source–sink path in the residual graph with reduced costs
/// `c(u, v) + h(u) − h(v) ≥ 0`, stopping Dijkstra once the sink is settled, and raises each
/// potential by `min(dist(v), dist(sink))`, which keeps every residual reduced cost
/// non-negative (nodes settled before the sink get their exact distance; the rest are at
/// least as far as the sink). The arcs of reduced cost 0 then hold every shortest path; a
/// blocking flow through them (Dinic: levels by breadth-first search, then depth-first pushes
/// with current-arc pointers) augments only along shortest paths, and its reverse arcs have
/// reduced cost 0 too. Augmenting along shortest paths keeps the flow of minimum cost for its
/// value (the classical SSP invariant), so the flow of value `demand` reached last is of
/// minimum cost.
///
/// Work is counted in arc scans and capped (`workLimit`), so the answer, or the refusal, repeats
/// exactly on every machine.
struct LatenessFlow {
    private(set) var nodeCount: Int
    private var head: [Int32]
    private var next: [Int32] = []
    private var to: [Int32] = []
    private var capacity: [Int] = []
    private var cost: [Int] = []

    init(nodes: Int) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
    }

    var arcCount: Int { to.count / 2 }

    /// Adds arc `from → to` (and its residual reverse arc). `cost ≥ 0`, `capacity ≥ 0`.
    mutating func addArc(from: Int, to target: Int, capacity: Int, cost: Int) {
        append(from: from, to: target, capacity: capacity, cost: cost)
        append(from: target, to: from, capacity: 0, cost: -cost)
    }

    private mutating func append(from: Int, to target: Int, capacity: Int, cost: Int) {
        to.append(Int32(target))
        self.capacity.append(capacity)
        self.cost.append(cost)
        next.append(head[from])
        head[from] = Int32(to.count - 1)
    }

    /// The result of `solve`.
    enum Outcome: Equatable {
        /// The flow of value `demand` of least cost.
        case optimal(cost: Int)
        /// No flow of value `demand` exists.
        case infeasible
        /// `workLimit` arc scans were not enough.
        case workLimit
    }

    /// A least-cost flow of value `demand` from `source` to `sink`.
    mutating func solve(source: Int, sink: Int, demand: Int, workLimit: Int) -> Outcome {
        let n = nodeCount
        let infinity = Int.max / 4
        var potential = [Int](repeating: 0, count: n)
        var dist = [Int](repeating: infinity, count: n)
        var settled = [Bool](repeating: false, count: n)
        var touched: [Int32] = []
        var heap = DistanceHeap()
        var level = [Int](repeating: -1, count: n)
        var current = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        var path: [Int32] = []
        var flow = 0
        var work = 0
        while flow < demand {
            for v in touched {
                dist[Int(v)] = infinity
                settled[Int(v)] = false
            }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll()
            dist[source] = 0
            touched.append(Int32(source))
            heap.push(0, source)
            while let (d, u) = heap.pop() {
                if settled[u] || d > dist[u] { continue }
                settled[u] = true
                if u == sink { break }
                var e = Int(head[u])
                while e >= 0 {
                    work += 1
                    if capacity[e] > 0 {
                        let v = Int(to[e])
                        let candidate = d + cost[e] + potential[u] - potential[v]
                        if !settled[v], candidate < dist[v] {
                            if dist[v] == infinity { touched.append(Int32(v)) }
                            dist[v] = candidate
                            heap.push(candidate, v)
                        }
                    }
                    e = Int(next[e])
                }
                if work > workLimit { return .workLimit }
            }
            guard settled[sink] else { return .infeasible }
            let reach = dist[sink]
            for v in 0..<n { potential[v] += settled[v] ? dist[v] : reach }
            // Every shortest path now has reduced cost 0 on each arc: push a blocking flow
            // through those arcs (Dinic on the admissible graph), phase after phase, until the
            // sink is out of its reach; then search again.
            while flow < demand {
                for v in 0..<n { level[v] = -1 }
                level[source] = 0
                queue.removeAll(keepingCapacity: true)
                queue.append(Int32(source))
                var front = 0
                while front < queue.count {
                    let u = Int(queue[front])
                    front += 1
                    var e = Int(head[u])
                    while e >= 0 {
                        work += 1
                        let v = Int(to[e])
                        if capacity[e] > 0, level[v] < 0, cost[e] + potential[u] - potential[v] == 0 {
                            level[v] = level[u] + 1
                            queue.append(Int32(v))
                        }
                        e = Int(next[e])
                    }
                }
                if work > workLimit { return .workLimit }
                guard level[sink] >= 0 else { break }
                for v in 0..<n { current[v] = head[v] }
                path.removeAll(keepingCapacity: true)
                var u = source
                while flow < demand {
                    if u == sink {
                        var push = demand - flow
                        for e in path { push = min(push, capacity[Int(e)]) }
                        for e in path {
                            capacity[Int(e)] -= push
                            capacity[Int(e) ^ 1] += push
                        }
                        flow += push
                        path.removeAll(keepingCapacity: true)
                        u = source
                        continue
                    }
                    var advanced = false
                    while current[u] >= 0 {
                        let e = Int(current[u])
                        let v = Int(to[e])
                        work += 1
                        if capacity[e] > 0, level[v] == level[u] + 1, cost[e] + potential[u] - potential[v] == 0 {
                            path.append(Int32(e))
                            u = v
                            advanced = true
                            break
                        }
                        current[u] = next[e]
                    }
                    if advanced { continue }
                    // A dead end: retreat over the last arc and never take it again this phase.
                    guard let last = path.popLast() else { break }
                    u = Int(to[Int(last) ^ 1])
                    current[u] = next[Int(current[u])]
                }
                if work > workLimit { return .workLimit }
            }
        }
        // The cost of the flow: each forward arc (even index) carries its reverse arc's capacity.
        var total = 0
        for e in stride(from: 0, to: to.count, by: 2) where capacity[e + 1] > 0 { total += capacity[e + 1] * cost[e] }
        return .optimal(cost: total)
    }
}

/// A binary min-heap of (distance, node) pairs for `LatenessFlow`'s Dijkstra.
private struct DistanceHeap {
    private var keys: [Int] = []
    private var nodes: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard keys[p] > keys[i] else { break }
            keys.swapAt(p, i)
            nodes.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let key = keys.first, let node = nodes.first else { return nil }
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var i = 0
            let count = keys.count
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < count, keys[l] < keys[m] { m = l }
                if r < count, keys[r] < keys[m] { m = r }
                if m == i { break }
                keys.swapAt(m, i)
                nodes.swapAt(m, i)
                i = m
            }
        }
        return (key, node)
    }
}
