import CGLPK

extension FlowNetwork {
    /// Adds one node with supply 0.
    @discardableResult
    package func addNode() throws -> Node {
        try addNodes(count: 1)[0]
    }

    /// Adds `count` nodes with supply 0, in one GLPK call.
    @discardableResult
    package func addNodes(count: Int) throws -> [Node] {
        try checkUsable()
        let existing = nodeCount
        guard count >= 1, count <= Self.maximumCount - existing else {
            throw GLPKError.invalidArgument(
                "cannot add \(count) nodes to \(existing) (1 to \(Self.maximumCount) in all)")
        }
        let first = GLPKIndex.position(glp_add_vertices(graph, Int32(count)))
        supplies.append(contentsOf: repeatElement(0, count: count))
        return (first..<(first + count)).map(Node.init)
    }

    /// Adds an arc from `tail` to `head` carrying between `lower` and `upper` units, each at `cost`.
    ///
    /// Throws on an unknown node, a loop (`tail == head`, which GLPK's algorithms reject), or
    /// numbers outside `0 <= lower <= upper <= maximumMagnitude`, `|cost| <= maximumMagnitude`.
    @discardableResult
    package func addArc(from tail: Node, to head: Node, lower: Int = 0, upper: Int, cost: Int = 0) throws -> Arc {
        try addArc(ArcSpec(from: tail, to: head, lower: lower, upper: upper, cost: cost))
    }

    /// Adds an arc described by `spec` (see `addArc(from:to:lower:upper:cost:)`).
    @discardableResult
    package func addArc(_ spec: ArcSpec) throws -> Arc {
        Arc(try addArcs([spec]).lowerBound)
    }

    /// Adds many arcs, returning their handles' indices; all are checked before any is added,
    /// so a bad one leaves the network unchanged.
    @discardableResult
    package func addArcs(_ specs: [ArcSpec]) throws -> Range<Int> {
        try checkUsable()
        guard specs.count <= Self.maximumCount - arcCount else {
            throw GLPKError.invalidArgument(
                "cannot add \(specs.count) arcs to \(arcCount) (at most \(Self.maximumCount) in all)")
        }
        for spec in specs { try check(spec) }
        let first = arcCount
        arcPointers.reserveCapacity(arcCount + specs.count)
        for spec in specs {
            let arc: UnsafeMutablePointer<glp_arc> = glp_add_arc(
                graph, GLPKIndex.glpk(spec.tail.index), GLPKIndex.glpk(spec.head.index))
            arcPointers.append(arc)
            write(Double(spec.lower), ArcData.lower, arc)
            write(Double(spec.upper), ArcData.upper, arc)
            write(Double(spec.cost), ArcData.cost, arc)
            if spec.lower != 0 { arcsWithLowerBound += 1 }
        }
        return first..<arcCount
    }

    /// Throws unless GLPK accepts the arc: known nodes, no loop, numbers in range.
    private func check(_ spec: ArcSpec) throws {
        try check(spec.tail)
        try check(spec.head)
        guard spec.tail != spec.head else {
            throw GLPKError.invalidArgument("an arc from \(spec.tail) to itself: GLPK's flow algorithms reject loops")
        }
        try Self.checkCapacities(
            lower: spec.lower, upper: spec.upper, what: "the arc from \(spec.tail) to \(spec.head)")
        try Self.checkMagnitude(
            spec.cost, atLeast: -Self.maximumMagnitude, "the cost of the arc from \(spec.tail) to \(spec.head)")
    }

    /// Sets a node's supply: positive units leave it, negative units (a demand) end in it.
    package func setSupply(_ supply: Int, for node: Node) throws {
        try checkUsable()
        try check(node)
        try Self.checkMagnitude(supply, atLeast: -Self.maximumMagnitude, "the supply of \(node)")
        supplies[node.index] = supply
        let vertex = graph.pointee.v[Int(GLPKIndex.glpk(node.index))]
        vertex?.pointee.data?.storeBytes(of: Double(supply), toByteOffset: NodeData.supply, as: Double.self)
    }

    /// A node's supply (negative for a demand).
    package func supply(of node: Node) throws -> Int {
        try check(node)
        return supplies[node.index]
    }

    /// Changes an arc's capacities (e.g. to close it for the next solve: `upper: 0`).
    package func setCapacity(lower: Int = 0, upper: Int, for arc: Arc) throws {
        try checkUsable()
        try check(arc)
        try Self.checkCapacities(lower: lower, upper: upper, what: "\(arc)")
        let pointer = arcPointers[arc.index]
        let old = read(ArcData.lower, pointer)
        arcsWithLowerBound += (lower != 0 ? 1 : 0) - (old != 0 ? 1 : 0)
        write(Double(lower), ArcData.lower, pointer)
        write(Double(upper), ArcData.upper, pointer)
    }

    /// Changes an arc's unit cost.
    package func setCost(_ cost: Int, for arc: Arc) throws {
        try checkUsable()
        try check(arc)
        try Self.checkMagnitude(cost, atLeast: -Self.maximumMagnitude, "the cost of \(arc)")
        write(Double(cost), ArcData.cost, arcPointers[arc.index])
    }

    /// An arc's capacities and unit cost.
    package func capacity(of arc: Arc) throws -> (lower: Int, upper: Int, cost: Int) {
        try check(arc)
        let pointer = arcPointers[arc.index]
        return (Int(read(ArcData.lower, pointer)), Int(read(ArcData.upper, pointer)), Int(read(ArcData.cost, pointer)))
    }

    /// An arc's end points.
    package func endpoints(of arc: Arc) throws -> (tail: Node, head: Node) {
        try check(arc)
        let pointer = arcPointers[arc.index]
        let tail = pointer.pointee.tail.map { Int($0.pointee.i) } ?? 0
        let head = pointer.pointee.head.map { Int($0.pointee.i) } ?? 0
        return (Node(GLPKIndex.position(Int32(tail))), Node(GLPKIndex.position(Int32(head))))
    }

    static func checkCapacities(lower: Int, upper: Int, what: @autoclosure () -> String) throws {
        try checkMagnitude(lower, atLeast: 0, "the lower capacity of \(what())")
        try checkMagnitude(upper, atLeast: 0, "the upper capacity of \(what())")
        guard lower <= upper else {
            throw GLPKError.invalidBounds("\(what()): lower capacity \(lower) exceeds upper capacity \(upper)")
        }
    }

    @inline(__always)
    func write(_ value: Double, _ offset: Int, _ arc: UnsafeMutablePointer<glp_arc>) {
        arc.pointee.data?.storeBytes(of: value, toByteOffset: offset, as: Double.self)
    }

    @inline(__always)
    func read(_ offset: Int, _ arc: UnsafeMutablePointer<glp_arc>) -> Double {
        arc.pointee.data?.loadUnaligned(fromByteOffset: offset, as: Double.self) ?? 0
    }
}
