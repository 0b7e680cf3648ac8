import RotaCore

/// A lower bound on the makespan from maximum flows: the smallest makespan whose purchase
/// network still routes as many lines as the full horizon does.
///
/// The network relaxes what a flow cannot express (rolling-window hard caps, reviews per
/// account per day, and the whole-plan same-item cap of items whose lines differ in first day
/// or lag), so no plan schedules more lines than it routes, and no plan leaving out at most
/// `unscheduled` lines ends before `makespan`. Completed reviews and the earliest reviews of
/// completed purchases count toward it.
package enum FlowBound {
    /// The fewest lines any plan must leave out under the flow's relaxation, and the smallest
    /// makespan of a plan leaving out no more than that.
    package static func makespanBound(_ problem: PlanningProblem) throws -> (unscheduled: Int, makespan: Int) {
        var analysis = FlowBoundAnalysis(FlowDemand(problem))
        let bound = try analysis.bound()
        return (bound.unscheduled, bound.makespan)
    }
}

/// The flow bound's workings, reused by the flow solver.
struct FlowBoundAnalysis {
    let demand: FlowDemand
    let exactness: FlowExactness
    var search: FlowMakespanSearch

    init(_ demand: FlowDemand) {
        self.demand = demand
        exactness = FlowExactness(demand)
        search = FlowMakespanSearch(demand, layered: exactness.layeredItems)
    }

    /// Lines needing a purchase or a review.
    var openLines: Int { demand.purchaseLines.count + demand.reviewLines.count }

    /// Reviews of completed purchases that fit before the horizon, and the makespan the
    /// earliest of them reach.
    var reachableReviews: (count: Int, makespan: Int) {
        let days = demand.reviewLines.compactMap(\.earliestReview)
        return (days.count, (days.max() ?? -1) + 1)
    }

    /// The bound for plans leaving out the fewest lines.
    mutating func bound() throws -> FlowBoundResult {
        let routed = try search.mostRouted()
        let unscheduled = openLines - routed - reachableReviews.count
        return FlowBoundResult(
            routed: routed, unscheduled: unscheduled, makespan: try makespan(leavingOutAtMost: unscheduled) ?? 0)
    }

    /// A lower bound on the makespan of any plan leaving out at most `unscheduled` lines; nil
    /// when no plan leaves out so few.
    mutating func makespan(leavingOutAtMost unscheduled: Int) throws -> Int? {
        let scheduled = max(0, openLines - unscheduled)
        let reviews = reachableReviews
        // At most `reviews.count` of them are reviews of completed purchases.
        guard let flowMakespan = try search.smallestMakespan(routing: max(0, scheduled - reviews.count)) else {
            return nil
        }
        var makespan = max(demand.historyMakespan, flowMakespan)
        // When the flow cannot take up the slack, every reachable review is in the plan.
        if try scheduled - search.mostRouted() >= reviews.count { makespan = max(makespan, reviews.makespan) }
        return makespan
    }
}

/// The flow bound: lines routed, lines left out, makespan.
struct FlowBoundResult: Hashable, Sendable {
    var routed: Int
    var unscheduled: Int
    var makespan: Int
}
