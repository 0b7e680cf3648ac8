import Foundation
import RotaCore
import RotaEvaluation
import RotaSolvers

/// Replans a folded situation (`EventApplier`) with stability as the objective level right
/// after makespan: no plan leaving out more lines or finishing later than a from-scratch solve
/// is accepted, and among those, tasks stay where the old plan had them whenever they can.
///
/// How, for any solver: the old plan's pending tasks that still fit (in the old plan's order,
/// each checked by the rule ledger against the history and the tasks kept before it, and
/// finishing before the from-scratch makespan) are **kept**: the solver plans the other lines
/// around them, seeing them as fixed tasks (`completed` in a working copy of the instance), and
/// they become pending tasks again in the result. When keeping them costs lines or days
/// against the from-scratch plan, the kept set shrinks (the tasks on the latest days go
/// first), and the from-scratch plan is the last resort. The result is finished against the
/// real instance (`PlanFinisher`: scored, bound and gap, validated), so the bound and gap of
/// `auto` hold.
package struct Rescheduler: Sendable {
    package var solver: any Solver
    package var options: SolveOptions

    package init(solver: any Solver, options: SolveOptions = SolveOptions()) {
        self.solver = solver
        self.options = options
    }

    /// The new plan of `situation`, and how much of the old one it kept.
    package func replan(_ situation: RescheduleSituation) throws -> RescheduleOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let instance = situation.instance
        let context = SolveContext(PlanningProblem(instance), options: options)
        let scratchResult = try solver.solve(in: context)
        let scratch = PlanFinisher.finish(scratchResult, in: context)
        let candidates = keepable(situation, before: scratch.metrics.makespan)
        var attempts = 0
        var keep = candidates
        while !keep.isEmpty, attempts < 4 {
            attempts += 1
            let result: SolveResult
            do {
                result = try solveAround(keep, instance: instance)
            } catch is OverrideConflicts {
                // The kept tasks crowd out an override's place: keep fewer (below).
                let days = keep.map(\.date).sorted()
                let cut = days[days.count / 2]
                keep = keep.filter { $0.date < cut }
                continue
            }
            let finished = PlanFinisher.finish(
                SolveResult(plan: result.plan, run: result.run), in: context, seconds: (clock.now - started).seconds)
            let better =
                (finished.metrics.unscheduled, finished.metrics.makespan)
                <= (scratch.metrics.unscheduled, scratch.metrics.makespan)
            if finished.validation.isFeasible && better {
                var outcome = finished
                outcome.run.settings["reschedule"] = "kept \(keep.count) of \(candidates.count) old tasks that fit"
                outcome.plan.solver = outcome.run
                return RescheduleOutcome(outcome: outcome, scratch: scratch.metrics, kept: keep.count)
            }
            // Drop the later half of the kept tasks (by day) and try again.
            let days = keep.map(\.date).sorted()
            let cut = days[days.count / 2]
            keep = keep.filter { $0.date < cut }
        }
        var outcome = PlanFinisher.finish(scratchResult, in: context, seconds: (clock.now - started).seconds)
        outcome.run.settings["reschedule"] = candidates.isEmpty ? "nothing to keep" : "from scratch: keeping old tasks cost lines or days"
        outcome.plan.solver = outcome.run
        return RescheduleOutcome(outcome: outcome, scratch: scratch.metrics, kept: 0)
    }

    /// The old plan's pending tasks (on or after the new start) that still fit, line by line
    /// in the old plan's order: both tasks of a line, or its review when the purchase is history.
    /// A line's tasks are kept only when its review is before `makespan` days from the start.
    private func keepable(_ situation: RescheduleSituation, before makespan: Int) -> [PlanTask] {
        let instance = situation.instance
        let problem = PlanningProblem(instance)
        var ledger = CapacityLedger(problem: problem)
        // The overridden lines' places come first: kept tasks must leave room for them.
        let placement = OverridePlacement(problem)
        for (l, p) in placement.purchase {
            ledger.recordPurchase(account: p.account, item: problem.lineItem[l], day: p.day)
            if let r = placement.review[l] { ledger.recordReview(account: r.account, day: r.day) }
        }
        // A task the events made history (completed, or missed: its line starts over with new
        // tasks) is not the old plan's any more; only the rest can be kept.
        let history = Set(instance.existing.map(\.id))
        let byLine = Dictionary(
            grouping: situation.reference.tasks.filter { $0.status == .pending && !history.contains($0.id) }, by: \.line)
        var kept: [PlanTask] = []
        var seen: Set<LineID> = []
        for task in situation.reference.tasks where task.status == .pending && !seen.contains(task.line) {
            seen.insert(task.line)
            // A pinned or restricted line is placed by its override (OverrideSolving), never kept.
            guard let l = problem.lineIndex[task.line], !problem.overrides.restricts(line: l), let tasks = byLine[task.line]
            else { continue }
            let purchase = tasks.first { $0.kind == .purchase }
            guard let review = tasks.first(where: { $0.kind == .review }), let a = problem.accountIndex[review.account]
            else { continue }
            let r = review.date - instance.start
            guard r >= 0, r < makespan else { continue }
            switch problem.need[l] {
            case .done:
                continue
            case .review(let account, let day):
                guard purchase == nil, account == a, r >= day + problem.lag[l], ledger.canReview(account: a, day: r) else {
                    continue
                }
                ledger.recordReview(account: a, day: r)
                kept.append(review)
            case .purchaseAndReview:
                guard let purchase, purchase.account == review.account else { continue }
                let p = purchase.date - instance.start
                guard p >= problem.firstPurchaseDay[l], r >= p + problem.lag[l],
                    ledger.purchaseViolation(line: l, account: a, day: p) == nil, ledger.canReview(account: a, day: r)
                else { continue }
                ledger.recordPurchase(account: a, item: problem.lineItem[l], day: p)
                ledger.recordReview(account: a, day: r)
                kept += [purchase, review]
            }
        }
        return kept
    }

    /// Solves `instance` with `kept` as fixed tasks, then gives them back their pending status.
    private func solveAround(_ kept: [PlanTask], instance: Instance) throws -> SolveResult {
        var working = instance
        let keptIDs = Set(kept.map(\.id))
        working.existing += kept.map { task in
            var fixed = task
            fixed.status = .completed
            return fixed
        }
        let context = SolveContext(PlanningProblem(working), options: options)
        var result = try solver.solve(in: context)
        for i in result.plan.tasks.indices where keptIDs.contains(result.plan.tasks[i].id) {
            result.plan.tasks[i].status = .pending
        }
        return result
    }
}

/// A reschedule's result: the finished plan, the from-scratch plan's metrics it was held to,
/// and how many old tasks it kept in place.
package struct RescheduleOutcome: Sendable {
    package var outcome: PlanningOutcome
    package var scratch: PlanMetrics
    package var kept: Int
}
