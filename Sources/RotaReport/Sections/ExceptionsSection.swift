import Plot
import Rota
import RotaAudit

/// The exceptions: unscheduled lines with their reasons, late lines, soft overruns, the
/// instance's overrides (line, kind, reason code, actor, note), and with an audit log its
/// decisions with actor and reason, its override decisions listed apart.
struct ExceptionsSection: ReportSection {
    let anchor = "exceptions"
    let heading = "Exceptions"
    let facts: PlanFacts
    let index: ReportIndex
    let capacity: CapacityModel
    /// The instance's overrides (`Instance.overrides`).
    let overrides: [LineOverride]
    let audit: (label: String, records: [AuditRecord])?
    let limits: ReportLimits
    /// Which plan, in a comparison ("B (candidate): new.json").
    let subject: String?

    func body() -> [BodyNode] {
        var nodes: [BodyNode] = subject.map { [Markup.paragraph("Of \($0).")] } ?? []
        nodes.append(.h3(Markup.text("Unscheduled lines (\(facts.metrics.unscheduled))")))
        nodes.append(unscheduled())
        nodes.append(.h3(Markup.text("Late lines (\(facts.metrics.lateLines))")))
        nodes.append(late())
        let overruns = capacity.softOverruns(limit: limits.listedRows)
        nodes.append(.h3(Markup.text("Soft overruns (\(overruns.total))")))
        nodes.append(overruns.total == 0
            ? Markup.paragraph("No rolling window is over its soft cap.")
            : Markup.table(
                ["account", "window", "purchases", "soft cap"],
                overruns.listed.map { ["\($0.account)", "\($0.start.iso) to \(($0.start + ($0.days - 1)).iso)", "\($0.purchases)", "\($0.soft)"] },
                numeric: [2, 3], total: overruns.total))
        nodes.append(.h3(Markup.text("Overrides (\(overrides.count))")))
        nodes.append(overrideTable())
        if let audit { nodes += auditNodes(audit.label, audit.records) }
        return nodes
    }

    private func unscheduled() -> BodyNode {
        var rows: [[String]] = []
        var listed = Set<LineID>()
        for entry in facts.plan.unscheduled where listed.insert(entry.line).inserted {
            if rows.count < limits.listedRows { rows.append(row(entry.line, reason: entry.reason)) }
        }
        // Lines neither scheduled nor listed as unscheduled.
        var total = listed.count
        for l in index.lines.indices where facts.review[l] == nil && !listed.contains(index.lines[l].id) {
            total += 1
            if rows.count < limits.listedRows { rows.append(row(index.lines[l].id, reason: "not in the plan and not listed as unscheduled")) }
        }
        if total == 0 { return Markup.paragraph("Every line is scheduled.") }
        return Markup.table(["line", "order", "tier", "reason"], rows, total: total)
    }

    private func row(_ line: LineID, reason: String) -> [String] {
        guard let l = index.lineIndex[line] else { return [line.rawValue, "", "", reason] }
        return [line.rawValue, index.lines[l].order.rawValue, index.tiers[index.lineTier[l]], reason]
    }

    private func late() -> BodyNode {
        var late: [(line: Int, days: Int)] = []
        for l in index.lines.indices {
            guard let due = index.lines[l].due, let review = facts.review[l], review.day > due else { continue }
            late.append((l, review.day - due))
        }
        if late.isEmpty { return Markup.paragraph("No scheduled line is reviewed after its due date.") }
        late.sort { $0.days != $1.days ? $0.days > $1.days : $0.line < $1.line }
        let rows = late.prefix(limits.listedRows).map { entry -> [String] in
            let line = index.lines[entry.line]
            let review = facts.review[entry.line]!
            return [line.id.rawValue, line.order.rawValue, index.tiers[index.lineTier[entry.line]], line.due!.iso,
                    review.day.iso, "\(entry.days)", NumberText.plain(line.weight)]
        }
        return Markup.table(["line", "order", "tier", "due", "review", "days late", "weight"], Array(rows), numeric: [5, 6],
                            total: late.count)
    }

    /// One row per decision of each override: a pin, a forbidden account list, a weight floor.
    private func overrideTable() -> BodyNode {
        if overrides.isEmpty { return Markup.paragraph("The instance has no overrides.") }
        var rows: [[String]] = []
        for o in overrides {
            var decisions: [(kind: String, what: String)] = []
            if let pin = o.pin {
                decisions.append(("pin", [pin.account.map { "to \($0)" }, pin.date.map { "on \($0.iso)" }]
                    .compactMap { $0 }.joined(separator: " ")))
            }
            if !o.forbid.isEmpty { decisions.append(("forbid", o.forbid.map(\.rawValue).joined(separator: ", "))) }
            if let weight = o.weight { decisions.append(("weight", "at least " + NumberText.plain(weight))) }
            for d in decisions {
                rows.append([o.line.rawValue, d.kind, d.what, o.reasonCode, o.actor ?? "", o.at ?? "", o.note ?? ""])
            }
        }
        let total = rows.count
        return Markup.table(["line", "kind", "decision", "reason code", "actor", "at", "note"],
                            Array(rows.prefix(limits.listedRows)), total: total)
    }

    private func auditNodes(_ label: String, _ records: [AuditRecord]) -> [BodyNode] {
        var nodes: [BodyNode] = [.h3(Markup.text("Audit log decisions (\(records.count) records, \(label))"))]
        var byActor: [String: [AuditRecord.Kind: Int]] = [:]
        for record in records { byActor[record.actor, default: [:]][record.kind, default: 0] += 1 }
        let kinds = AuditRecord.Kind.allCases.filter { kind in byActor.values.contains { $0[kind] != nil } }
        nodes.append(Markup.table(
            ["actor"] + kinds.map(\.rawValue),
            byActor.keys.sorted().map { actor in [actor] + kinds.map { String(byActor[actor]![$0] ?? 0) } },
            numeric: Set(1...max(1, kinds.count))))
        let overrides: Set<AuditRecord.Kind> = [.pinned, .forbidden, .prioritized]
        let overrideCount = records.filter { overrides.contains($0.kind) }.count
        if overrideCount > 0 {
            nodes.append(.h4(Markup.text("Override decisions in the log (\(overrideCount))")))
            let rows = records.lazy.filter { overrides.contains($0.kind) }.prefix(limits.listedRows).map { r -> [String] in
                ["\(r.sequence)", r.at, r.actor, r.kind.rawValue, r.line?.rawValue ?? r.order?.rawValue ?? "",
                 r.account?.rawValue ?? "", r.reasonCode ?? "", r.note ?? r.why ?? ""]
            }
            nodes.append(Markup.table(["#", "at", "actor", "kind", "line", "account", "reason code", "note"], Array(rows),
                                      numeric: [0], total: overrideCount))
        }
        func place(_ p: AuditRecord.Placement?) -> String { p.map { "\($0.account) \($0.date.iso)" } ?? "" }
        let rows = records.prefix(limits.listedRows).map { r -> [String] in
            ["\(r.sequence)", r.at, r.actor, r.kind.rawValue, r.line?.rawValue ?? r.order?.rawValue ?? "",
             place(r.before), place(r.after), r.reasonCode ?? "", r.why ?? r.note ?? ""]
        }
        nodes.append(Markup.table(["#", "at", "actor", "kind", "line", "before", "after", "reason", "why"], Array(rows),
                                  numeric: [0], total: records.count))
        return nodes
    }
}
