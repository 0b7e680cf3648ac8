import Testing

import _GLPK

/// GLPK's network solvers against independent answers on seeded random networks: a plain
/// Edmonds–Karp for maximum flows, the LP solver for minimum-cost flows.
@Suite struct FlowNetworkRandomTests {
    private struct RandomArc {
        var tail: Int, head: Int, lower: Int, upper: Int, cost: Int
    }

    /// A seeded random network: `nodes` nodes, about `arcs` arcs, no loops.
    private func randomArcs(seed: UInt64, nodes: Int, arcs: Int, lowers: Bool) -> [RandomArc] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var result: [RandomArc] = []
        while result.count < arcs {
            let tail = next(nodes)
            let head = next(nodes)
            guard tail != head else { continue }
            let upper = next(9)
            let lower = lowers && next(5) == 0 ? min(upper, next(3)) : 0
            result.append(RandomArc(tail: tail, head: head, lower: lower, upper: upper, cost: next(21) - 5))
        }
        return result
    }

    /// Edmonds–Karp on a residual adjacency matrix (parallel arcs add up).
    private func referenceMaxFlow(_ arcs: [RandomArc], nodes: Int, source: Int, sink: Int) -> Int {
        var residual = [[Int]](repeating: [Int](repeating: 0, count: nodes), count: nodes)
        for arc in arcs { residual[arc.tail][arc.head] += arc.upper }
        var total = 0
        while true {
            var parent = [Int](repeating: -1, count: nodes)
            parent[source] = source
            var queue = [source]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in 0..<nodes where parent[v] < 0 && residual[u][v] > 0 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            guard parent[sink] >= 0 else { return total }
            var bottleneck = Int.max
            var v = sink
            while v != source {
                bottleneck = min(bottleneck, residual[parent[v]][v])
                v = parent[v]
            }
            v = sink
            while v != source {
                residual[parent[v]][v] -= bottleneck
                residual[v][parent[v]] += bottleneck
                v = parent[v]
            }
            total += bottleneck
        }
    }

    @Test(arguments: 0..<40)
    func maximumFlowMatchesEdmondsKarp(seed: Int) throws {
        let nodes = 4 + seed % 9
        let arcs = randomArcs(seed: UInt64(seed), nodes: nodes, arcs: nodes * 3, lowers: false)
        let network = FlowNetwork()
        let n = try network.addNodes(count: nodes)
        for arc in arcs { try network.addArc(from: n[arc.tail], to: n[arc.head], upper: arc.upper) }
        let result = try network.maxFlow(from: n[0], to: n[nodes - 1])
        #expect(result.value == referenceMaxFlow(arcs, nodes: nodes, source: 0, sink: nodes - 1))
        // The cut's capacity equals the flow's value.
        let cut = arcs.filter { result.sourceSide[$0.tail] && !result.sourceSide[$0.head] }.map(\.upper).reduce(0, +)
        #expect(cut == result.value)
    }

    @Test func minimumCostFlowMatchesTheLinearProgram() throws {
        var feasible = 0
        for seed in 0..<60 where try checkMinimumCostFlow(seed: seed) { feasible += 1 }
        // Both outcomes occur among the seeds.
        #expect(feasible >= 10 && feasible <= 50)
    }

    /// Solves one random network both ways; returns whether it was feasible.
    private func checkMinimumCostFlow(seed: Int) throws -> Bool {
        let nodes = 4 + seed % 7
        let arcs = randomArcs(seed: UInt64(1000 + seed), nodes: nodes, arcs: nodes * 3, lowers: true)
        // Supplies: node 0 sends `amount` to the last node, plus a few random transfers.
        let amount = 1 + seed % 6
        var supply = [Int](repeating: 0, count: nodes)
        supply[0] = amount
        supply[nodes - 1] = -amount
        supply[1] += seed % 3
        supply[nodes - 2] -= seed % 3

        let network = FlowNetwork()
        let n = try network.addNodes(count: nodes)
        for arc in arcs {
            try network.addArc(from: n[arc.tail], to: n[arc.head], lower: arc.lower, upper: arc.upper, cost: arc.cost)
        }
        for (node, value) in supply.enumerated() where value != 0 { try network.setSupply(value, for: n[node]) }
        let result = try network.minCostFlow()

        // The same problem as an LP: one column per arc, one balance row per node.
        let model = LinearModel()
        let columns = try arcs.map {
            try model.addColumn(lower: Double($0.lower), upper: Double($0.upper), cost: Double($0.cost))
        }
        for node in 0..<nodes {
            var terms: [(LinearModel.Column, Double)] = []
            for (index, arc) in arcs.enumerated() where arc.tail != arc.head {
                if arc.tail == node { terms.append((columns[index], 1)) }
                if arc.head == node { terms.append((columns[index], -1)) }
            }
            try model.addRow(terms: terms, bounds: .fixed(Double(supply[node])))
        }
        let lp = try model.solve()

        if lp.status == .optimal {
            #expect(result.status == .optimal)
            #expect(result.cost.map(Double.init) == lp.objective?.rounded())
            // The flow is integral, within capacities, and balances every node.
            var net = supply
            for (index, arc) in arcs.enumerated() {
                let flow = result.arcFlows[index]
                #expect(flow >= arc.lower && flow <= arc.upper)
                net[arc.tail] -= flow
                net[arc.head] += flow
            }
            #expect(net.allSatisfy { $0 == 0 })
            return true
        }
        #expect(lp.status == .infeasible)
        #expect(result.status == .infeasible)
        return false
    }
}
