/// The result of `FlowNetwork.maxFlow`: the flow's value, the flow on each arc and a minimum cut.
package struct MaxFlowResult: Sendable, Equatable {
    /// Units sent from the source to the sink.
    package var value: Int
    /// The flow on each arc, by arc index.
    package var arcFlows: [Int]
    /// By node index: whether the node is on the source side of a minimum cut.
    package var sourceSide: [Bool]
    /// GLPK's terminal output during the solve, line by line.
    package var log: [String]

    package init(value: Int, arcFlows: [Int], sourceSide: [Bool], log: [String] = []) {
        self.value = value
        self.arcFlows = arcFlows
        self.sourceSide = sourceSide
        self.log = log
    }

    /// The flow on `arc` (0 for an arc the network did not have).
    package func flow(on arc: FlowNetwork.Arc) -> Int {
        arcFlows.indices.contains(arc.index) ? arcFlows[arc.index] : 0
    }
}

/// What a minimum-cost flow solve found: a value, not an error.
package enum MinCostFlowStatus: String, Sendable, Equatable, CaseIterable {
    /// A flow meeting every supply, demand and capacity at least cost.
    case optimal
    /// No flow meets every supply, demand and capacity (this includes supplies that do not
    /// add up to zero).
    case infeasible
}

/// The result of `FlowNetwork.minCostFlow`.
package struct MinCostFlowResult: Sendable, Equatable {
    package var status: MinCostFlowStatus
    /// Total cost of the flow (`Σ cost × flow`); nil when infeasible (or beyond `Int`'s range).
    package var cost: Int?
    /// The flow on each arc, by arc index; empty when infeasible.
    package var arcFlows: [Int]
    /// GLPK's terminal output and the wrapper's notes, line by line.
    package var log: [String]

    package init(status: MinCostFlowStatus, cost: Int?, arcFlows: [Int], log: [String] = []) {
        self.status = status
        self.cost = cost
        self.arcFlows = arcFlows
        self.log = log
    }

    /// The flow on `arc` (0 when infeasible or for an arc the network did not have).
    package func flow(on arc: FlowNetwork.Arc) -> Int {
        arcFlows.indices.contains(arc.index) ? arcFlows[arc.index] : 0
    }
}
