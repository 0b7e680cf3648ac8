/// A deterministic cap on the flow's work, counted in arcs of the networks it solves, so a run
/// given a budget repeats exactly whatever the machine (no wall clock).
///
/// Each maximum flow costs its network's arcs (the Swift warm-up and GLPK's Ford–Fulkerson
/// each pass over the arcs a bounded number of times); the min-cost rerouting of the lateness
/// network costs `minCostWeight` × its arcs more (on medium-4's 984,000-arc network, the maximum
/// flow and the rerouting together take about 0.45 s, less per arc than large-1's maximum flow). A solve is charged before it runs: when it would take the total past `limit`, the
/// flow stops with `FlowBudgetExceeded` instead of starting it.
package struct FlowWorkBudget: Sendable {
    /// Work units the flow may spend; `nil`: no limit (the standalone `flow` solver).
    package let limit: Int?
    /// Work units charged so far.
    package private(set) var spent = 0

    /// What one arc of the min-cost network costs against one arc of a maximum flow.
    package static let minCostWeight = 1

    package init(limit: Int?) { self.limit = limit }

    /// Throws when `units` more would exceed the limit (charging nothing): asked with a
    /// network's estimated size before it is built, so an over-budget network costs nothing.
    func check(_ units: Int) throws {
        let (total, overflow) = spent.addingReportingOverflow(max(0, units))
        if let limit, overflow || total > limit { throw FlowBudgetExceeded(limit: limit, spent: spent, asked: units) }
    }

    /// Charges `units` of work, or throws (charging nothing) when that would exceed the limit.
    mutating func charge(_ units: Int) throws {
        let (total, overflow) = spent.addingReportingOverflow(max(0, units))
        if let limit, overflow || total > limit { throw FlowBudgetExceeded(limit: limit, spent: spent, asked: units) }
        spent = overflow ? Int.max : total
    }
}

/// The flow stopped before a solve that would have taken it past its work budget.
package struct FlowBudgetExceeded: Error, Equatable, Sendable, CustomStringConvertible {
    package var limit: Int
    package var spent: Int
    package var asked: Int

    package var description: String {
        "the flow's work budget of \(limit) arcs is spent (\(spent) spent, the next solve needs \(asked))"
    }
}
