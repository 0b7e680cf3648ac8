import Testing

import _GLPK

/// Known answers of GLPK's network solvers through `FlowNetwork`.
@Suite struct FlowNetworkTests {
    /// The textbook network of Cormen et al.: maximum flow 23.
    private func textbookNetwork() throws -> (FlowNetwork, FlowNetwork.Node, FlowNetwork.Node) {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 6)
        let (s, v1, v2, v3, v4, t) = (n[0], n[1], n[2], n[3], n[4], n[5])
        for (tail, head, capacity) in [
            (s, v1, 16), (s, v2, 13), (v1, v3, 12), (v2, v1, 4), (v2, v4, 14), (v3, v2, 9), (v3, t, 20),
            (v4, v3, 7), (v4, t, 4),
        ] {
            try network.addArc(from: tail, to: head, upper: capacity)
        }
        return (network, s, t)
    }

    @Test func textbookMaximumFlowIs23() throws {
        let (network, s, t) = try textbookNetwork()
        let result = try network.maxFlow(from: s, to: t)
        #expect(result.value == 23)
        #expect(result.arcFlows.count == 9)
        // The flow is conserved at every inner node and within every capacity.
        var net = [Int](repeating: 0, count: network.nodeCount)
        for index in 0..<network.arcCount {
            let arc = FlowNetwork.Arc(index)
            let (tail, head) = try network.endpoints(of: arc)
            let flow = result.flow(on: arc)
            let upper = try network.capacity(of: arc).upper
            #expect(flow >= 0 && flow <= upper)
            net[tail.index] -= flow
            net[head.index] += flow
        }
        #expect(net == [-23, 0, 0, 0, 0, 23])
        // The minimum cut {s, v1, v2, v4} | {v3, t} has capacity 12 + 7 + 4 = 23.
        #expect(result.sourceSide == [true, true, true, false, true, false])
    }

    @Test func maximumFlowIsZeroWithoutAPath() throws {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 3)
        try network.addArc(from: n[0], to: n[1], upper: 5)
        try network.addArc(from: n[2], to: n[1], upper: 5)
        let result = try network.maxFlow(from: n[0], to: n[2])
        #expect(result.value == 0)
        #expect(result.arcFlows == [0, 0])
    }

    /// Two sources (20, 30) ship to three sinks (10, 25, 15): optimum 465 (A→2 20, B→1 10, B→2 5, B→3 15).
    @Test func transportationProblemCosts465() throws {
        do {
            let network = FlowNetwork()
            let n = try network.addNodes(count: 5)
            try network.setSupply(20, for: n[0])
            try network.setSupply(30, for: n[1])
            try network.setSupply(-10, for: n[2])
            try network.setSupply(-25, for: n[3])
            try network.setSupply(-15, for: n[4])
            let costs = [[8, 6, 10], [9, 12, 13]]
            var arcs: [[FlowNetwork.Arc]] = []
            for source in 0..<2 {
                arcs.append(
                    try (0..<3).map { sink in
                        try network.addArc(from: n[source], to: n[2 + sink], upper: 100, cost: costs[source][sink])
                    })
            }
            let result = try network.minCostFlow()
            #expect(result.status == .optimal)
            #expect(result.cost == 465)
            #expect(arcs[0].map(result.flow(on:)) == [0, 20, 0])
            #expect(arcs[1].map(result.flow(on:)) == [10, 5, 15])
        }
    }

    @Test func lowerCapacitiesAndNegativeCostsAreHonoured() throws {
        do {
            // 4 units from a to d: via b (cost 1 + 1) or via c (cost −3 + 5); at least 3 must use c.
            let network = FlowNetwork()
            let n = try network.addNodes(count: 4)
            try network.setSupply(4, for: n[0])
            try network.setSupply(-4, for: n[3])
            let ab = try network.addArc(from: n[0], to: n[1], upper: 4, cost: 1)
            let bd = try network.addArc(from: n[1], to: n[3], upper: 4, cost: 1)
            let ac = try network.addArc(from: n[0], to: n[2], lower: 3, upper: 4, cost: -3)
            let cd = try network.addArc(from: n[2], to: n[3], upper: 4, cost: 5)
            let result = try network.minCostFlow()
            #expect(result.status == .optimal)
            #expect([ab, bd, ac, cd].map(result.flow(on:)) == [1, 1, 3, 3])
            #expect(result.cost == 2 + 6)
        }
    }

    @Test func unmeetableDemandIsInfeasibleNotAnError() throws {
        do {
            let network = FlowNetwork()
            let n = try network.addNodes(count: 2)
            try network.setSupply(5, for: n[0])
            try network.setSupply(-5, for: n[1])
            try network.addArc(from: n[0], to: n[1], upper: 4, cost: 1)
            let result = try network.minCostFlow()
            #expect(result.status == .infeasible)
            #expect(result.cost == nil && result.arcFlows.isEmpty)
        }
    }

    @Test func unbalancedSuppliesAreInfeasible() throws {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 2)
        try network.setSupply(5, for: n[0])
        try network.setSupply(-4, for: n[1])
        try network.addArc(from: n[0], to: n[1], upper: 10)
        let result = try network.minCostFlow()
        #expect(result.status == .infeasible)
        #expect(result.log.contains { $0.contains("do not balance") })
    }

    @Test func capacitiesAndCostsCanChangeBetweenSolves() throws {
        let (network, s, t) = try textbookNetwork()
        // Closing v3 → t leaves only v4 → t (4).
        try network.setCapacity(upper: 0, for: FlowNetwork.Arc(6))
        #expect(try network.maxFlow(from: s, to: t).value == 4)
        try network.setCapacity(upper: 20, for: FlowNetwork.Arc(6))
        #expect(try network.maxFlow(from: s, to: t).value == 23)
        try network.setCost(7, for: FlowNetwork.Arc(0))
        let capacity = try network.capacity(of: FlowNetwork.Arc(0))
        #expect(capacity == (lower: 0, upper: 16, cost: 7))
    }

    @Test func bulkArcsMatchSingleArcs() throws {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 3)
        let range = try network.addArcs([
            .init(from: n[0], to: n[1], upper: 3), .init(from: n[1], to: n[2], upper: 2, cost: 4),
        ])
        #expect(range == 0..<2)
        let ends = try network.endpoints(of: FlowNetwork.Arc(1))
        #expect(ends == (n[1], n[2]))
        #expect(try network.maxFlow(from: n[0], to: n[2]).value == 2)
    }

    /// A 300 × 300 bipartite graph where worker w can do jobs w and w + 1: a perfect matching
    /// (300) exists, and the cheapest uses the diagonal (cost 0) over the off-diagonal (cost 1).
    @Test func largeAssignmentIsPerfectAndCheapest() throws {
        let size = 300
        let network = FlowNetwork()
        let source = try network.addNode()
        let sink = try network.addNode()
        let workers = try network.addNodes(count: size)
        let jobs = try network.addNodes(count: size)
        var specs: [FlowNetwork.ArcSpec] = []
        for w in 0..<size {
            specs.append(.init(from: source, to: workers[w], upper: 1))
            specs.append(.init(from: jobs[w], to: sink, upper: 1))
            specs.append(.init(from: workers[w], to: jobs[w], upper: 1, cost: 0))
            if w + 1 < size { specs.append(.init(from: workers[w], to: jobs[w + 1], upper: 1, cost: 1)) }
        }
        try network.addArcs(specs)
        #expect(try network.maxFlow(from: source, to: sink).value == size)
        try network.setSupply(size, for: source)
        try network.setSupply(-size, for: sink)
        let result = try network.minCostFlow()
        #expect(result.status == .optimal && result.cost == 0)
    }
}
