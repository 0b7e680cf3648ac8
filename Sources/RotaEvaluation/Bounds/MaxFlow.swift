/// A maximum flow by Dinic's algorithm on dense integer arrays (the bound's own, pure Swift:
/// RotaEvaluation does not link GLPK).
///
/// Arcs are stored in pairs (arc `e` and its residual `e ^ 1`) in flat arrays with per-node
/// adjacency lists threaded through `next`. Each phase builds BFS levels from the source over
/// arcs with residual capacity, then pushes a blocking flow along level-increasing arcs with an
/// iterative depth-first search that remembers each node's current arc and marks dead ends. The
/// result is exact (integral capacities give an integral maximum flow); the work is
/// O(V² E) in the worst case and far less on the bound's layered, unit-like networks.
struct MaxFlow {
    private(set) var nodeCount: Int
    private var head: [Int32]
    private var to: [Int32] = []
    private var next: [Int32] = []
    private var capacity: [Int] = []

    init(nodes: Int, arcs: Int = 0) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
        to.reserveCapacity(2 * arcs)
        next.reserveCapacity(2 * arcs)
        capacity.reserveCapacity(2 * arcs)
    }

    /// Arcs added so far (not counting residual arcs).
    var arcCount: Int { to.count / 2 }

    /// Adds an arc `u → v` with capacity `c` (arcs with `c ≤ 0` are left out).
    mutating func addArc(_ u: Int, _ v: Int, _ c: Int) {
        guard c > 0 else { return }
        let e = Int32(to.count)
        to.append(Int32(v))
        next.append(head[u])
        capacity.append(c)
        head[u] = e
        to.append(Int32(u))
        next.append(head[v])
        capacity.append(0)
        head[v] = e + 1
    }

    /// The maximum flow from `source` to `sink` (the residual capacities are consumed).
    mutating func run(source: Int, sink: Int) -> Int {
        guard source != sink else { return 0 }
        var total = 0
        var level = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var current = head
        var stack: [Int] = []
        while true {
            // Levels by breadth-first search over residual arcs.
            for i in level.indices { level[i] = -1 }
            level[source] = 0
            var front = 0
            var back = 1
            queue[0] = Int32(source)
            while front < back {
                let u = Int(queue[front])
                front += 1
                var e = Int(head[u])
                while e >= 0 {
                    let v = Int(to[e])
                    if capacity[e] > 0 && level[v] < 0 {
                        level[v] = level[u] + 1
                        queue[back] = Int32(v)
                        back += 1
                    }
                    e = Int(next[e])
                }
            }
            guard level[sink] >= 0 else { return total }
            for i in current.indices { current[i] = head[i] }
            // A blocking flow: advance along level-increasing arcs, augment at the sink, retreat
            // from dead ends (marked by level -1 so no arc leads into them again this phase).
            stack.removeAll(keepingCapacity: true)
            var u = source
            while true {
                if u == sink {
                    var push = Int.max
                    for e in stack { push = min(push, capacity[e]) }
                    var cut = stack.count
                    for (i, e) in stack.enumerated() {
                        capacity[e] -= push
                        capacity[e ^ 1] += push
                        if capacity[e] == 0 && cut == stack.count { cut = i }
                    }
                    total += push
                    stack.removeSubrange(cut...)
                    u = stack.last.map { Int(to[$0]) } ?? source
                    continue
                }
                var e = Int(current[u])
                while e >= 0 {
                    let v = Int(to[e])
                    if capacity[e] > 0 && level[v] == level[u] + 1 { break }
                    e = Int(next[e])
                }
                current[u] = Int32(e)
                if e >= 0 {
                    stack.append(e)
                    u = Int(to[e])
                } else {
                    if u == source { break }
                    level[u] = -1
                    let back = stack.removeLast()
                    u = Int(to[back ^ 1])
                }
            }
        }
    }
}
