import RotaCore
import RotaEvaluation

/// How every solver honours overrides as hard constraints: the restricted lines (pins,
/// forbidden accounts) are placed first by `OverridePlacement` (the ledger-checked placement
/// that also rejects an override that cannot hold), then the solver plans the other lines
/// around them, seeing them as fixed tasks (`completed` in a working copy of the instance, as
/// the rescheduler keeps old tasks), and they become pending tasks again in the result.
///
/// So greedy, flow, MIP, auto, the improvement search and seed-greedy all see the same
/// restrictions through one place, and none can move a pinned task or use a forbidden account:
/// the working problem has no restricted line left. Weight floors stay in the working instance
/// (they only change the objective).
///
/// Bounds: the solver runs with the caller's bound (`context.bound`, computed on the problem
/// without pins and forbidden accounts: a relaxation, so still valid), and its own proven
/// bound and optimality, which hold only for the working problem with the placement fixed,
/// are dropped (status `optimal` stays only when the plan meets the caller's bound, see
/// `meetsBound`); `PlanFinisher` then sets bound and gap from the context.
package enum OverrideSolving {
    /// Solves `context` with `solver`, its restricted lines placed first.
    /// Throws `OverrideConflicts` when an override cannot be honoured.
    package static func solve(_ solver: any Solver, in context: SolveContext) throws -> SolveResult {
        let problem = context.problem
        let placement = OverridePlacement(problem)
        guard placement.isFeasible else { throw OverrideConflicts(placement.conflicts) }
        let instance = problem.instance
        var working = instance
        working.overrides = instance.overrides.compactMap { override in
            guard let weight = override.weight else { return nil }
            return LineOverride(line: override.line, reasonCode: override.reasonCode, weight: weight)
        }
        // Lines that found no allowed place are left out of the working instance.
        if !placement.leftOut.isEmpty {
            let gone = Set(placement.leftOut.keys.map { problem.lines[$0].id })
            working.orders = working.orders.compactMap { order in
                var order = order
                order.lines.removeAll { gone.contains($0.id) }
                return order.lines.isEmpty ? nil : order
            }
        }
        let fixed = fixedTasks(placement, problem: problem)
        working.existing += fixed
        let fixedIDs = Set(fixed.map(\.id))
        let inner = SolveContext(PlanningProblem(working), bound: context.bound, options: context.options)
        var result = try solver.solve(in: inner)
        for i in result.plan.tasks.indices where fixedIDs.contains(result.plan.tasks[i].id) {
            result.plan.tasks[i].status = .pending
        }
        for l in placement.leftOut.keys.sorted() {
            result.plan.unscheduled.append(UnscheduledLine(line: problem.lines[l].id, reason: placement.leftOut[l]!))
        }
        result.run.lowerBound = nil
        result.run.gap = nil
        if result.run.status == .optimal && !meetsBound(result.plan, context: context, solver: solver) {
            result.run.status = .feasible
        }
        result.run.settings["overrides"] =
            "\(placement.purchase.count) overridden line(s) placed first"
            + (placement.leftOut.isEmpty ? "" : ", \(placement.leftOut.count) left out")
        result.plan.solver = result.run
        return result
    }

    /// Whether `plan` keeps its `optimal` status: it leaves out no more lines than the
    /// caller's bound allows and its makespan meets that bound (valid for the overridden
    /// problem, see above), which proves its makespan optimal, what greedy, flow and auto
    /// mean by the status. The MIP's `optimal` claims every objective level, which held only
    /// with the placement fixed, so it never keeps it.
    private static func meetsBound(_ plan: Plan, context: SolveContext, solver: any Solver) -> Bool {
        guard !(solver is MIPSolver) else { return false }
        let metrics = Scorer().score(plan, for: context.problem.instance)
        return metrics.unscheduled == context.bound.unscheduled && metrics.makespan <= context.bound.makespan
    }

    /// The placed lines as completed tasks (ids: the pending task's they replace, else
    /// `P:<line>`, `R:<line>`, made unique against every task of `existing`).
    private static func fixedTasks(_ placement: OverridePlacement, problem: PlanningProblem) -> [PlanTask] {
        let instance = problem.instance
        var used = Set(instance.existing.filter { $0.status != .pending }.map(\.id))
        var pendingID: [LineID: [TaskKind: TaskID]] = [:]
        for task in instance.existing where task.status == .pending { pendingID[task.line, default: [:]][task.kind] = task.id }
        func freshID(_ base: String, reuse: TaskID?) -> TaskID {
            if let reuse, used.insert(reuse).inserted { return reuse }
            var candidate = TaskID(base)
            var n = 2
            while !used.insert(candidate).inserted {
                candidate = TaskID("\(base)#\(n)")
                n += 1
            }
            return candidate
        }
        var tasks: [PlanTask] = []
        for l in placement.purchase.keys.sorted() {
            guard let p = placement.purchase[l], let r = placement.review[l] else { continue }
            let line = problem.lines[l]
            let purchaseID = freshID("P:" + line.id.rawValue, reuse: pendingID[line.id]?[.purchase])
            let reviewID = freshID("R:" + line.id.rawValue, reuse: pendingID[line.id]?[.review])
            tasks.append(
                PlanTask(
                    id: purchaseID, kind: .purchase, line: line.id, order: line.order, item: line.item,
                    account: problem.accountIDs[p.account], date: instance.start + p.day, status: .completed))
            tasks.append(
                PlanTask(
                    id: reviewID, kind: .review, line: line.id, order: line.order, item: line.item,
                    account: problem.accountIDs[r.account], date: instance.start + r.day, status: .completed,
                    after: purchaseID))
        }
        return tasks
    }
}
