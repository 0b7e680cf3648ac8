extension FlowNetwork {
    /// A node of a network, by its 0-based position in the order nodes were added.
    package struct Node: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the node.
        package let index: Int

        package init(_ index: Int) { self.index = index }

        package static func < (lhs: Node, rhs: Node) -> Bool { lhs.index < rhs.index }
        package var description: String { "node \(index)" }
    }

    /// An arc of a network, by its 0-based position in the order arcs were added.
    package struct Arc: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the arc.
        package let index: Int

        package init(_ index: Int) { self.index = index }

        package static func < (lhs: Arc, rhs: Arc) -> Bool { lhs.index < rhs.index }
        package var description: String { "arc \(index)" }
    }

    /// An arc's end points, capacities and unit cost.
    package struct ArcSpec: Hashable, Sendable {
        package var tail: Node
        package var head: Node
        package var lower: Int
        package var upper: Int
        package var cost: Int

        package init(from tail: Node, to head: Node, lower: Int = 0, upper: Int, cost: Int = 0) {
            self.tail = tail
            self.head = head
            self.lower = lower
            self.upper = upper
            self.cost = cost
        }
    }
}
