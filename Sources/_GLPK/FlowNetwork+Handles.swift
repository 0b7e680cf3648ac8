extension FlowNetwork {
    /// A node of a network, by its 0-based position in the order nodes were added.
    public struct Node: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the node.
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: Node, rhs: Node) -> Bool { lhs.index < rhs.index }
        public var description: String { "node \(index)" }
    }

    /// An arc of a network, by its 0-based position in the order arcs were added.
    public struct Arc: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the arc.
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: Arc, rhs: Arc) -> Bool { lhs.index < rhs.index }
        public var description: String { "arc \(index)" }
    }

    /// An arc's end points, capacities and unit cost.
    public struct ArcSpec: Hashable, Sendable {
        public var tail: Node
        public var head: Node
        public var lower: Int
        public var upper: Int
        public var cost: Int

        public init(from tail: Node, to head: Node, lower: Int = 0, upper: Int, cost: Int = 0) {
            self.tail = tail
            self.head = head
            self.lower = lower
            self.upper = upper
            self.cost = cost
        }
    }
}
