import Testing

@testable import RotaSolvers

/// The warm-started flow graph: Swift's blocking flow and Dinic phases, GLPK on the residual.
@Suite struct FlowGraphTests {
    /// A seeded random layered DAG: source 0, sink 1, `layers` layers of `width` nodes.
    private func randomGraph(seed: UInt64, layers: Int, width: Int) -> FlowGraph {
        var rng = FlowRandom(seed: seed)
        var graph = FlowGraph()
        graph.addNodes(2)
        var previous = [0]
        for _ in 0..<layers {
            let first = graph.addNodes(width)
            let layer = Array(first..<(first + width))
            for tail in previous {
                for head in layer where rng.chance(0.5) {
                    graph.addArc(tail, head, upper: rng.int(0...6), cost: rng.int(-3...9))
                }
            }
            previous = layer
        }
        for tail in previous { graph.addArc(tail, 1, upper: rng.int(0...8), cost: rng.int(0...4)) }
        return graph
    }

    /// Edmonds–Karp on an adjacency matrix: the reference maximum flow value.
    private func referenceValue(_ graph: FlowGraph) -> Int {
        let n = graph.nodeCount
        var residual = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for e in 0..<graph.arcCount { residual[graph.tails[e]][graph.heads[e]] += graph.uppers[e] }
        var total = 0
        while true {
            var parent = [Int](repeating: -1, count: n)
            parent[0] = 0
            var queue = [0]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in 0..<n where parent[v] < 0 && residual[u][v] > 0 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            guard parent[1] >= 0 else { return total }
            var room = Int.max
            var v = 1
            while v != 0 {
                room = min(room, residual[parent[v]][v])
                v = parent[v]
            }
            v = 1
            while v != 0 {
                residual[parent[v]][v] -= room
                residual[v][parent[v]] += room
                v = parent[v]
            }
            total += room
        }
    }

    private func isFeasible(_ flow: [Int], _ graph: FlowGraph) -> Bool {
        var net = [Int](repeating: 0, count: graph.nodeCount)
        for e in 0..<graph.arcCount {
            guard flow[e] >= 0, flow[e] <= graph.uppers[e] else { return false }
            net[graph.tails[e]] -= flow[e]
            net[graph.heads[e]] += flow[e]
        }
        return net.indices.allSatisfy { $0 < 2 || net[$0] == 0 }
    }

    @Test func maximumFlowMatchesEdmondsKarp() throws {
        for seed in UInt64(0)..<60 {
            let graph = randomGraph(seed: seed, layers: 2 + Int(seed % 4), width: 2 + Int(seed % 5))
            let flow = try graph.maxFlow(from: 0, to: 1)
            #expect(isFeasible(flow, graph), "seed \(seed)")
            #expect(graph.value(of: flow, at: 0) == referenceValue(graph), "seed \(seed)")
        }
    }

    @Test func warmStartAloneIsFeasibleAndDinicToTheEndIsMaximum() {
        for seed in UInt64(100)..<160 {
            let graph = randomGraph(seed: seed, layers: 3, width: 4)
            var flow = graph.blockingFlow(from: 0, to: 1)
            #expect(isFeasible(flow, graph))
            graph.augment(&flow, from: 0, to: 1, phases: 1000)
            #expect(isFeasible(flow, graph))
            #expect(graph.value(of: flow, at: 0) == referenceValue(graph), "seed \(seed)")
        }
    }

    /// The least cost of sending `value` units from node 0 to node 1: successive shortest
    /// paths (Bellman–Ford on the residual network; the graph is acyclic, so no negative cycle
    /// exists at the start, and shortest-path augmentation keeps it so).
    private func referenceCost(_ graph: FlowGraph, value: Int) -> Int? {
        var flow = [Int](repeating: 0, count: graph.arcCount)
        var sent = 0
        while sent < value {
            var distance = [Int?](repeating: nil, count: graph.nodeCount)
            var via = [Int](repeating: -1, count: graph.nodeCount)  // residual edge: 2e forward, 2e+1 backward
            distance[0] = 0
            for _ in 0..<graph.nodeCount {
                for e in 0..<graph.arcCount {
                    let (u, v, c) = (graph.tails[e], graph.heads[e], graph.costs[e])
                    if flow[e] < graph.uppers[e], let du = distance[u], distance[v].map({ du + c < $0 }) ?? true {
                        distance[v] = du + c
                        via[v] = 2 * e
                    }
                    if flow[e] > 0, let dv = distance[v], distance[u].map({ dv - c < $0 }) ?? true {
                        distance[u] = dv - c
                        via[u] = 2 * e + 1
                    }
                }
            }
            guard distance[1] != nil else { return nil }
            var room = value - sent
            var v = 1
            while v != 0 {
                let e = via[v] / 2
                room = min(room, via[v] % 2 == 0 ? graph.uppers[e] - flow[e] : flow[e])
                v = via[v] % 2 == 0 ? graph.tails[e] : graph.heads[e]
            }
            v = 1
            while v != 0 {
                let e = via[v] / 2
                flow[e] += via[v] % 2 == 0 ? room : -room
                v = via[v] % 2 == 0 ? graph.tails[e] : graph.heads[e]
            }
            sent += room
        }
        return graph.cost(of: flow)
    }

    /// The cheapest flow of the maximum value, against successive shortest paths.
    @Test func cheapestFlowMatchesAMinimumCostFlowFromScratch() throws {
        for seed in UInt64(200)..<260 {
            let graph = randomGraph(seed: seed, layers: 3, width: 3 + Int(seed % 3))
            let flow = try graph.maxFlow(from: 0, to: 1)
            guard let cheapest = try graph.cheapestFlow(like: flow) else {
                Issue.record("seed \(seed): no cheapest flow")
                continue
            }
            #expect(isFeasible(cheapest, graph))
            let value = graph.value(of: flow, at: 0)
            #expect(graph.value(of: cheapest, at: 0) == value)
            #expect(graph.cost(of: cheapest) == referenceCost(graph, value: value), "seed \(seed)")
        }
    }
}
