import RotaCore

/// What `auto` asks of the flow, each within a work budget (`FlowWorkBudget`), so the flow
/// never takes more than a fixed multiple of greedy's work.
package enum FlowRequest: Sendable {
    /// The flow's lower bound only (`FlowBoundAnalysis.bound`): where rolling or review caps
    /// bind, the flow's plans are repaired relaxations (worse than greedy's), but its bound can
    /// still prove greedy's plan optimal.
    case bound
    /// The flow's plan at this makespan (greedy's, which already meets the proven bound): a
    /// min-cost flow that can only improve lateness; where rolling caps bind, also with each
    /// account's purchases spread to fit every window (as `solve` does), the better kept.
    case plan(makespan: Int)
    /// The whole flow solver (bound, then its plan at the bound), where the flow is exact.
    case solve
}

/// The flow's answer to a `FlowRequest`.
package struct FlowFinding: Sendable {
    /// The placed plan, for `.plan` and `.solve`.
    var placed: FlowPlacementResult?
    /// The flow's bound: no plan leaving out at most `leftOut` lines ends before `makespan`.
    package var bound: (leftOut: Int, makespan: Int)?
    /// Work units spent (`FlowWorkBudget`).
    package var work: Int
    /// Whether the flow holds every cap that can bind (its plans are then exact).
    package var exact: Bool

    /// The plan in dense form, when the request made one.
    package var schedule: DenseSchedule? { placed?.schedule }

    /// The plan with the flow's reasons for the lines left out, when the request made one.
    package func plan(in problem: PlanningProblem, run: SolverRun?) -> Plan? {
        placed?.plan(in: problem, run: run)
    }
}

extension FlowSolver {
    /// Whether the flow expresses every cap of `problem` that can bind (`isExact(for:)`) —
    /// only then can its plans beat greedy's; and `FlowExactness` is cheap (no network).
    package static func isExact(_ problem: PlanningProblem) -> Bool {
        FlowExactness(FlowDemand(problem)).isExact
    }

    /// Answers `request` on `problem` within `workLimit` work units (throws
    /// `FlowBudgetExceeded` beyond it). `knownCut` is greedy's `HorizonCut` days when the
    /// caller has them (the search then does not run greedy again).
    package func find(
        _ request: FlowRequest, in problem: PlanningProblem, workLimit: Int?, knownCut: Int?
    ) throws -> FlowFinding {
        var analysis = FlowBoundAnalysis(FlowDemand(problem))
        analysis.search.budget = FlowWorkBudget(limit: workLimit)
        analysis.search.knownCut = knownCut
        let exact = analysis.exactness.isExact
        switch request {
        case .bound:
            let bound = try analysis.bound()
            return FlowFinding(
                placed: nil, bound: (bound.unscheduled, bound.makespan), work: analysis.search.budget.spent, exact: exact)
        case .plan(let makespan):
            var attempt = try FlowAttempt(&analysis, makespan: makespan, minCostArcLimit: minCostArcLimit)
            var work = analysis.search.budget.spent
            if analysis.exactness.relaxesRollingCaps {
                // As `solve`: also each account's purchases spread to fit every window, the better kept.
                var spread = FlowBoundAnalysis(FlowDemand(problem, spreadingRollingCaps: true))
                spread.search.budget = FlowWorkBudget(limit: workLimit.map { $0 - work })
                spread.search.knownCut = knownCut
                // Over the budget, the first attempt stands.
                do {
                    let spreadAttempt = try FlowAttempt(&spread, makespan: makespan, minCostArcLimit: minCostArcLimit)
                    if spreadAttempt.isBetter(than: attempt) { attempt = spreadAttempt }
                } catch is FlowBudgetExceeded {}
                work += spread.search.budget.spent
            }
            return FlowFinding(placed: attempt.placed, bound: nil, work: work, exact: exact)
        case .solve:
            let bound = try analysis.bound()
            let attempt = try FlowAttempt(&analysis, makespan: bound.makespan, minCostArcLimit: minCostArcLimit)
            let placed = attempt.placed
            // As `solve`: the bound for plans leaving out as many lines as this one.
            let proven =
                placed.unscheduled == bound.unscheduled
                ? bound.makespan
                : try analysis.makespan(leavingOutAtMost: placed.unscheduled) ?? analysis.demand.historyMakespan
            return FlowFinding(
                placed: placed, bound: (placed.unscheduled, proven), work: analysis.search.budget.spent, exact: exact)
        }
    }
}
