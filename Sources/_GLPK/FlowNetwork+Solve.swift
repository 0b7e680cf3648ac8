import CGLPK

extension FlowNetwork {
    /// The largest flow from `source` to `sink` within the arcs' upper capacities, by GLPK's
    /// Ford–Fulkerson algorithm (`glp_maxflow_ffalg`); supplies and costs play no part.
    ///
    /// Throws on unknown nodes, `source == sink`, or an arc with a non-zero lower capacity
    /// (the algorithm would silently ignore it).
    package func maxFlow(from source: Node, to sink: Node) throws -> MaxFlowResult {
        try checkUsable()
        try check(source)
        try check(sink)
        guard source != sink else {
            throw GLPKError.invalidArgument("the source and the sink of a maximum flow must differ (\(source))")
        }
        guard arcsWithLowerBound == 0 else {
            throw GLPKError.invalidArgument(
                "\(arcsWithLowerBound) arcs have a lower capacity, which GLPK's maximum-flow algorithm ignores")
        }
        let log = LogSink()
        var value = 0.0
        let code = TerminalCapture.run(into: log) {
            glp_maxflow_ffalg(
                graph, GLPKIndex.glpk(source.index), GLPKIndex.glpk(sink.index), Int32(ArcData.upper),
                &value, Int32(ArcData.flow), Int32(NodeData.cut))
        }
        guard code == 0 else {
            throw GLPKError.solverFailed(message: "glp_maxflow_ffalg returned \(Self.describe(code))", log: log.lines)
        }
        let sourceSide = (0..<nodeCount).map { position -> Bool in
            let vertex = graph.pointee.v[Int(GLPKIndex.glpk(position))]
            return (vertex?.pointee.data?.loadUnaligned(fromByteOffset: NodeData.cut, as: Int32.self) ?? 0) != 0
        }
        return MaxFlowResult(value: Int(value), arcFlows: arcFlows(), sourceSide: sourceSide, log: log.lines)
    }

    /// A least-cost flow meeting every node's supply (or demand) within the arcs' capacities,
    /// by GLPK's out-of-kilter algorithm (`glp_mincost_okalg`).
    ///
    /// GLPK also ships RELAX-IV (`glp_mincost_relax4`), but Debian's and Ubuntu's builds
    /// disable it and abort the process when it is called, so the wrapper never calls it.
    ///
    /// Infeasibility — supplies that do not add up to zero, capacities that cannot carry them —
    /// is the result's status. Throws only when the call fails: the total supply beyond
    /// `maximumMagnitude`, or GLPK reporting an integer overflow or an internal failure.
    package func minCostFlow() throws -> MinCostFlowResult {
        try checkUsable()
        var balance = 0
        var totalSupply = 0
        for supply in supplies {
            balance += supply
            if supply > 0 { totalSupply += supply }
            guard totalSupply <= Self.maximumMagnitude else {
                throw GLPKError.invalidArgument(
                    "the total supply exceeds \(Self.maximumMagnitude), the most GLPK's flow algorithms can carry")
            }
        }
        let log = LogSink()
        guard balance == 0 else {
            log.note("Supplies and demands do not balance: \(balance) units in excess")
            return MinCostFlowResult(status: .infeasible, cost: nil, arcFlows: [], log: log.lines)
        }
        var objective = 0.0
        let code = TerminalCapture.run(into: log) {
            glp_mincost_okalg(
                graph, Int32(NodeData.supply), Int32(ArcData.lower), Int32(ArcData.upper), Int32(ArcData.cost),
                &objective, Int32(ArcData.flow), -1)
        }
        switch code {
        case 0:
            let flows = arcFlows()
            return MinCostFlowResult(status: .optimal, cost: totalCost(flows), arcFlows: flows, log: log.lines)
        case GLP_ENOPFS:
            return MinCostFlowResult(status: .infeasible, cost: nil, arcFlows: [], log: log.lines)
        default:
            throw GLPKError.solverFailed(message: "glp_mincost_okalg returned \(Self.describe(code))", log: log.lines)
        }
    }

    /// The solver's flow on every arc, by handle.
    private func arcFlows() -> [Int] {
        arcPointers.map { Int(read(ArcData.flow, $0)) }
    }

    /// `Σ cost × flow`, exact; nil beyond `Int`'s range.
    private func totalCost(_ flows: [Int]) -> Int? {
        var total = 0
        for (arc, flow) in zip(arcPointers, flows) where flow != 0 {
            let (term, productOverflow) = Int(read(ArcData.cost, arc)).multipliedReportingOverflow(by: flow)
            let (sum, sumOverflow) = total.addingReportingOverflow(term)
            if productOverflow || sumOverflow { return nil }
            total = sum
        }
        return total
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EDATA: return "GLP_EDATA (invalid data)"
        case GLP_ERANGE: return "GLP_ERANGE (integer overflow)"
        case GLP_EFAIL: return "GLP_EFAIL (optimality test failed)"
        default: return "code \(code)"
        }
    }
}
