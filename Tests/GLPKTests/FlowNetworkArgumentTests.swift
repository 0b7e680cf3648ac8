import Foundation
import Testing

import _GLPK

/// GLPK aborts the process on bad arguments to its graph routines: each of these must throw
/// instead, and leave the network as it was.
@Suite struct FlowNetworkArgumentTests {
    private func twoNodes() throws -> (FlowNetwork, FlowNetwork.Node, FlowNetwork.Node) {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 2)
        try network.addArc(from: n[0], to: n[1], upper: 1)
        return (network, n[0], n[1])
    }

    @Test func unknownNodesAndArcsThrow() throws {
        let (network, a, _) = try twoNodes()
        let ghost = FlowNetwork.Node(2)
        #expect(throws: GLPKError.indexOutOfRange(kind: "node", index: 2, count: 2)) {
            try network.addArc(from: a, to: ghost, upper: 1)
        }
        #expect(throws: GLPKError.self) { try network.addArc(from: FlowNetwork.Node(-1), to: a, upper: 1) }
        #expect(throws: GLPKError.self) { try network.setSupply(1, for: ghost) }
        #expect(throws: GLPKError.self) { try network.maxFlow(from: a, to: ghost) }
        #expect(throws: GLPKError.indexOutOfRange(kind: "arc", index: 1, count: 1)) {
            try network.setCapacity(upper: 1, for: FlowNetwork.Arc(1))
        }
        #expect(throws: GLPKError.self) { try network.setCost(1, for: FlowNetwork.Arc(-1)) }
        #expect(throws: GLPKError.self) { try network.capacity(of: FlowNetwork.Arc(5)) }
        #expect(throws: GLPKError.self) { try network.endpoints(of: FlowNetwork.Arc(5)) }
        #expect(network.arcCount == 1 && network.nodeCount == 2)
    }

    @Test func loopsThrow() throws {
        let (network, a, _) = try twoNodes()
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: a, upper: 1) }
        #expect(network.arcCount == 1)
    }

    @Test func capacitiesOutOfRangeThrow() throws {
        let (network, a, b) = try twoNodes()
        let big = FlowNetwork.maximumMagnitude + 1
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, upper: -1) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, lower: -1, upper: 1) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, lower: 3, upper: 2) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, upper: big) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, upper: .max) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, upper: 1, cost: big) }
        #expect(throws: GLPKError.self) { try network.addArc(from: a, to: b, upper: 1, cost: .min) }
        #expect(throws: GLPKError.self) { try network.setCapacity(lower: 2, upper: 1, for: FlowNetwork.Arc(0)) }
        #expect(throws: GLPKError.self) { try network.setCost(.min, for: FlowNetwork.Arc(0)) }
        #expect(throws: GLPKError.self) { try network.setSupply(.min, for: a) }
        #expect(throws: GLPKError.self) { try network.setSupply(big, for: a) }
        #expect(network.arcCount == 1)
        let capacity = try network.capacity(of: FlowNetwork.Arc(0))
        #expect(capacity == (lower: 0, upper: 1, cost: 0))
        // The largest allowed numbers are fine.
        try network.addArc(from: a, to: b, upper: FlowNetwork.maximumMagnitude, cost: -FlowNetwork.maximumMagnitude)
    }

    @Test func badBulkArcsAddNothing() throws {
        let (network, a, b) = try twoNodes()
        #expect(throws: GLPKError.self) {
            try network.addArcs([.init(from: a, to: b, upper: 1), .init(from: b, to: b, upper: 1)])
        }
        #expect(network.arcCount == 1)
    }

    @Test func badNodeCountsThrow() throws {
        let network = FlowNetwork()
        #expect(throws: GLPKError.self) { try network.addNodes(count: 0) }
        #expect(throws: GLPKError.self) { try network.addNodes(count: -3) }
        #expect(throws: GLPKError.self) { try network.addNodes(count: FlowNetwork.maximumCount + 1) }
        #expect(network.nodeCount == 0)
    }

    @Test func maximumFlowArgumentsAreChecked() throws {
        let (network, a, b) = try twoNodes()
        #expect(throws: GLPKError.self) { try network.maxFlow(from: a, to: a) }
        try network.setCapacity(lower: 1, upper: 1, for: FlowNetwork.Arc(0))
        #expect(throws: GLPKError.self) { try network.maxFlow(from: a, to: b) }
        try network.setCapacity(lower: 0, upper: 1, for: FlowNetwork.Arc(0))
        #expect(try network.maxFlow(from: a, to: b).value == 1)
    }

    @Test func totalSupplyBeyondTheLimitThrows() throws {
        let network = FlowNetwork()
        let n = try network.addNodes(count: 3)
        try network.setSupply(FlowNetwork.maximumMagnitude, for: n[0])
        try network.setSupply(FlowNetwork.maximumMagnitude, for: n[1])
        try network.setSupply(-FlowNetwork.maximumMagnitude, for: n[2])
        #expect(throws: GLPKError.self) { try network.minCostFlow() }
    }

    @Test func useFromAnotherThreadThrows() throws {
        let (network, a, b) = try twoNodes()
        let box = UncheckedBox(network)
        let errors = Locked<[GLPKError]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for attempt in [
                { _ = try box.value.maxFlow(from: a, to: b) },
                { _ = try box.value.minCostFlow() },
                { _ = try box.value.addNode() },
                { try box.value.addArc(from: a, to: b, upper: 1) },
                { try box.value.setSupply(1, for: a) },
            ] as [() throws -> Void] {
                do { try attempt() } catch let error as GLPKError { errors.update { $0.append(error) } } catch {}
            }
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(errors.value == Array(repeating: .wrongThread, count: 5))
        #expect(try network.maxFlow(from: a, to: b).value == 1)
    }
}
