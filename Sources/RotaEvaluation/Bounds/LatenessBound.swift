import RotaCore

/// A proven lower bound on the weighted lateness (FORMAT.md: over scheduled lines, priority ×
/// days the review is after the due date) of every valid plan that leaves out at most
/// `unscheduled` lines and finishes by `makespan` (its last review, completed ones included,
/// is before day `makespan`). See `LatenessBounds.compute`.
package struct LatenessBound: Hashable, Sendable {
    /// How the bound was proven.
    package enum Method: String, Hashable, Sendable {
        /// Each line at its own earliest review, the costliest droppable lines left out.
        case lines
        /// The transportation relaxation over purchase days, solved to optimality.
        case flow
    }

    /// The bound on weighted lateness.
    package var value: Double
    /// The makespan `T` and the lines left out `K` it holds for.
    package var makespan: Int
    package var unscheduled: Int
    package var method: Method

    package init(value: Double, makespan: Int, unscheduled: Int, method: Method) {
        self.value = value
        self.makespan = makespan
        self.unscheduled = unscheduled
        self.method = method
    }

    /// The relative gap `(lateness − value) / lateness` of a plan with this lateness: 0 when the
    /// lateness is 0 or within `Objective.tolerance` of the bound, never below 0.
    package func gap(lateness: Double) -> Double {
        guard lateness > 0, lateness - value > Objective.tolerance * max(1, lateness) else { return 0 }
        return (lateness - value) / lateness
    }
}

/// What `LatenessBounds.compute` found.
package enum LatenessBoundOutcome: Hashable, Sendable {
    /// A proven bound.
    case proven(LatenessBound)
    /// The instance is above the size rule (`LatenessBounds.maximumCalendarWork`); nothing is claimed.
    case skipped(reason: String)
    /// No valid plan leaves out at most `unscheduled` lines and finishes by `makespan` (so the
    /// plan asked about is not valid): there is no bound to give.
    case noPlan

    /// The bound, when proven.
    package var bound: LatenessBound? {
        if case .proven(let bound) = self { return bound }
        return nil
    }
}

/// Lower bounds on weighted lateness at a given makespan.
package enum LatenessBounds {
    /// The size rule: the calendar costs (distinct lags) × accounts × days table entries; above
    /// this many the bound is skipped. Generated instances up to the `large` family (20,000
    /// lines, 200 accounts, a handful of lags) need about 100,000.
    package static let maximumCalendarWork = 50_000_000
    /// The transportation relaxation is tried only up to this many lines (on the generated
    /// shapes, larger ones do not finish within the work limit, and trying costs 0.1–0.3 s)...
    package static let maximumFlowLines = 5_000
    /// ...built only up to this many arcs...
    package static let maximumFlowArcs = 600_000
    /// ...and solved only within `flowWorkLimit(lines:days:)` arc scans (a work limit, so results
    /// repeat); otherwise the `lines` bound stands.
    package static let flowWorkLimit = 8_000_000

    /// The flow's work limit for `lines` lines over `days` days: 60 arc scans per line-day (what
    /// the solvers' own work grows with), at least 2,000,000 and at most `flowWorkLimit` (about
    /// 30 ms to 130 ms in a release build), so the bound stays a fraction of what solving takes.
    package static func flowWorkLimit(lines: Int, days: Int) -> Int {
        let scaled = 60 * Double(lines) * Double(days)
        return scaled >= Double(flowWorkLimit) ? flowWorkLimit : max(2_000_000, Int(scaled))
    }

    /// A lower bound on the weighted lateness of every valid plan of `problem` leaving out at
    /// most `unscheduled` lines with makespan at most `makespan` (`T`); `target` (a plan's
    /// lateness) lets the cheap argument stop the work when it already meets it.
    ///
    /// Let `D = min(T, horizon)`: every pending review is on a day `< D`. Each line `l` costs
    /// `w_l × max(0, r − due_l)` when reviewed on `r`, nondecreasing in `r`:
    /// - a line with purchase and review completed (`done`) has its completed review's cost;
    /// - a line with a completed purchase by `a` on `p` is reviewed by `a` on a day `≥ p + lag`
    ///   on which `a` can review (`LatenessCalendar.nextReview`), so at least there;
    /// - a line to purchase is bought on some day `d ≥ first_l` and reviewed on or after
    ///   `E_lag(d) ≥ Ê_lag(first_l)` (`LatenessCalendar`);
    /// - a line with no such day before `D` is *forced* out. Any plan leaves out a set `S ⊇
    ///   forced` with `|S| ≤ K`, so at most `R = K − forced` other lines; if `forced > K`
    ///   there is no such plan (`noPlan`).
    ///
    /// `lines` bound: the sum of every other line's least cost, minus its `R` largest (the best
    /// a plan can gain by leaving lines out).
    ///
    /// `flow` bound, when `lines` is below `target` and the network is small enough: the same
    /// lines, but purchases share the days' room. A min-cost flow: source → class (lines with the
    /// same first day, lag, due day and weight; capacity their count) → purchase day `d ≥ first`
    /// with `E_lag(d) < D` (cost `w × max(0, Ê_lag(d) − due)`, a lower bound on the line's cost
    /// when bought on `d` since `Ê ≤ E`) → sink, capacity `Σ_a room[a, d]` (rule 4: a plan buys
    /// at most that on `d`); completed-purchase and `done` lines go to the sink at their cost;
    /// every class may instead go through the drop node, capacity `R`. A valid plan gives an
    /// integral flow of full value whose cost is at most its lateness (a line's arc costs at most
    /// its lateness, leaving out costs 0), so the minimum cost is a bound. Costs are rounded
    /// down to integers in units of `1/S` (`S ≤ 10⁶`, small enough that no sum overflows), which
    /// only lowers them, and the quotient is taken one floating step down. Same-item,
    /// rolling-window and review caps are relaxed. The bound is the larger of the two.
    ///
    /// Cost: O(distinct lags × accounts × D + lines) for `lines`; the flow, when run (up to
    /// `maximumFlowLines` lines), at most `flowWorkLimit(lines:days:)` arc scans on at most
    /// `maximumFlowArcs` arcs.
    package static func compute(
        _ problem: PlanningProblem, makespan: Int, unscheduled: Int, target: Double? = nil
    ) -> LatenessBoundOutcome {
        let days = max(0, min(makespan, problem.horizon))
        var lags = Set<Int>()
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview { lags.insert(problem.lag[l]) }
        let calendarWork = (lags.count + 2) * max(1, problem.accountCount) * max(1, days)
        guard calendarWork <= maximumCalendarWork else {
            return .skipped(reason: "\(calendarWork) calendar entries, above \(maximumCalendarWork)")
        }
        let history = PlanningHistory(problem)
        let calendar = LatenessCalendar(problem, history: history, days: days)
        var hulls: [Int: (earliest: [Int], hull: [Int])] = [:]
        for lag in lags {
            let earliest = calendar.earliest(lag: lag)
            hulls[lag] = (earliest, LatenessCalendar.hull(earliest))
        }

        func cost(_ l: Int, review r: Int) -> Double {
            guard let due = problem.due[l], r > due else { return 0 }
            return problem.weight[l] * Double(r - due)
        }

        var forced = 0
        var costs: [Double] = []
        costs.reserveCapacity(problem.lineCount)
        for l in 0..<problem.lineCount {
            switch problem.need[l] {
            case .done:
                costs.append(history.lineReviewDay[l].map { cost(l, review: $0) } ?? 0)
            case .review(let account, let purchaseDay):
                let r = calendar.nextReview(account: account, from: purchaseDay + problem.lag[l])
                if r == LatenessCalendar.none { forced += 1 } else { costs.append(cost(l, review: r)) }
            case .purchaseAndReview:
                let first = problem.firstPurchaseDay[l]
                let r = first < days ? hulls[problem.lag[l]]!.hull[first] : LatenessCalendar.none
                if r == LatenessCalendar.none { forced += 1 } else { costs.append(cost(l, review: r)) }
            }
        }
        guard forced <= unscheduled else { return .noPlan }
        let drops = unscheduled - forced
        var lineBound = 0.0
        if drops < costs.count {
            let kept = drops == 0 ? costs : Array(costs.sorted(by: >).dropFirst(drops))
            lineBound = kept.reduce(0, +)
        }
        let lines = LatenessBound(value: lineBound, makespan: makespan, unscheduled: unscheduled, method: .lines)
        if let target, lineBound >= target - Objective.tolerance * max(1, target) { return .proven(lines) }
        if drops >= costs.count || problem.lineCount > maximumFlowLines { return .proven(lines) }

        guard
            var relaxation = LatenessTransport(
                problem, history: history, calendar: calendar, hulls: hulls, drops: drops, cost: cost(_:review:)),
            let flowBound = relaxation.solve(workLimit: flowWorkLimit(lines: problem.lineCount, days: days))
        else { return .proven(lines) }
        switch flowBound {
        case .bound(let value) where value > lineBound:
            return .proven(LatenessBound(value: value, makespan: makespan, unscheduled: unscheduled, method: .flow))
        case .noPlan:
            return .noPlan
        default:
            return .proven(lines)
        }
    }
}
