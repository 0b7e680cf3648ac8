import RotaCore
import RotaEvaluation
import RotaFormat
import Rota

/// The audit records of one reschedule, in order: what each event did, what the replanning
/// moved, scheduled and left out (with the constraint that bound, in words), and one
/// `replanned` record naming the run and the plans' digests.
package enum RescheduleAudit {
    package static func records(
        situation: RescheduleSituation, outcome: RescheduleOutcome, actor: String, at: String, inputPlan: [UInt8],
        outputPlan: [UInt8]
    ) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for change in situation.applied + situation.deferred {
            records.append(record(of: change, deferred: situation.deferred.contains(change), actor: actor, at: at, situation: situation))
        }
        let plan = outcome.outcome.plan
        let explainer = PlanExplainer(instance: situation.instance, plan: plan)
        let old = Dictionary(
            situation.reference.tasks.filter { $0.status == .pending }.map { (Key($0), $0) }, uniquingKeysWith: { a, _ in a })
        // A line whose purchase was missed starts over: its new tasks are scheduled, not moved.
        let restarted = Set(situation.instance.existing.filter { $0.status == .missed && $0.kind == .purchase }.map(\.line))
        for task in plan.tasks where task.status == .pending {
            let before = restarted.contains(task.line) ? nil : old[Key(task)]
            if let before, before.account == task.account, before.date == task.date { continue }
            var record = AuditRecord(
                at: at, actor: actor, kind: before == nil ? .scheduled : .moved, order: task.order, line: task.line,
                task: task.id, account: task.account, before: before.map { .init(account: $0.account, date: $0.date) },
                after: .init(account: task.account, date: task.date))
            if let before, before.date >= situation.instance.start {
                record.why =
                    explainer.blocker(line: task.line, kind: task.kind, account: before.account, date: before.date).map {
                        "its old place is ruled out: \($0.text)"
                    } ?? "moved with its line (the purchase moved, or the plan is shorter this way)"
            } else if before != nil {
                record.why = "its old day has passed"
            }
            records.append(record)
        }
        for line in plan.unscheduled {
            records.append(AuditRecord(at: at, actor: actor, kind: .unscheduled, line: line.line, why: line.reason))
        }
        let run = outcome.outcome.run
        records.append(
            AuditRecord(
                at: at, actor: actor, kind: .replanned,
                why: "kept \(outcome.kept) old task(s); makespan \(outcome.outcome.metrics.makespan) (from scratch \(outcome.scratch.makespan))",
                run: .init(
                    solver: run.name, status: run.status.rawValue, versions: run.versions,
                    inputPlan: AuditDigest.named(inputPlan), outputPlan: AuditDigest.named(outputPlan))))
        return records
    }

    private struct Key: Hashable {
        var line: LineID
        var kind: TaskKind
        init(_ task: PlanTask) {
            line = task.line
            kind = task.kind
        }
    }

    private static func record(
        of change: AppliedChange, deferred: Bool, actor: String, at: String, situation: RescheduleSituation
    ) -> AuditRecord {
        let kind: AuditRecord.Kind
        switch change.kind {
        case .completed: kind = .completed
        case .missed: kind = .missed
        case .delayed: kind = .moved
        case .cancelled: kind = .cancelled
        case .ordersAdded: kind = .added
        case .accountChanged: kind = deferred ? .deferred : .accountChanged
        case .pinned: kind = .pinned
        case .forbidden: kind = .forbidden
        case .prioritized: kind = .prioritized
        }
        var reasonCode: String?
        if case .override(let o)? = change.event?.change { reasonCode = o.reasonCode }
        let order = change.line.flatMap { id in situation.reference.tasks.first { $0.line == id }?.order }
        return AuditRecord(
            at: change.event?.at ?? at, actor: change.event?.actor ?? actor, kind: kind, order: order, line: change.line,
            task: change.task, account: change.account, reasonCode: reasonCode, why: change.detail, note: change.event?.note)
    }
}
