import Plot
import Rota

/// Plan vs plan: the comparator's verdict, the metric table, and the tasks that moved (the
/// aligned Gantt charts are in `GanttSection`).
struct ComparisonSection: ReportSection {
    let anchor = "compare"
    let heading = "Plan vs plan"
    let comparison: PlanComparison
    let labels: (a: String, b: String)
    let limits: ReportLimits

    /// Whether the plans have the same tasks (none moved, added or removed) and the same
    /// unscheduled lines.
    static func identical(_ comparison: PlanComparison, _ a: Plan, _ b: Plan) -> Bool {
        comparison.changes.count == 0 && Set(a.unscheduled.map(\.line)) == Set(b.unscheduled.map(\.line))
    }
    let identical: Bool

    /// Up to this many changed tasks are listed open; more are folded in `<details>`.
    static let shownMoves = 20

    func body() -> [BodyNode] {
        var nodes: [BodyNode] = [
            Markup.paragraph("A (baseline): \(labels.a) · B (candidate): \(labels.b)"),
            .p(.class("verdict"), SVG.attr("data-verdict", comparison.verdict.winner.rawValue),
               Markup.text(comparison.verdict.summary)),
        ]
        if identical {
            nodes.append(.p(.class("identical"), Markup.text("The plans are identical: every task is on the same account and day.")))
        }
        let rows = comparison.metrics.map { m -> [String] in
            let format: (Double) -> String = m.metric.isCount || !m.metric.preference.isShare
                ? { NumberText.plain($0) } : { NumberText.percent($0) }
            return [m.metric.label, format(m.a), format(m.b), m.metric.preference.isShare ? NumberText.percent(m.difference) : NumberText.signed(m.difference),
                    m.winner.map { $0 == .tie ? "tie" : $0.rawValue } ?? ""]
        }
        let classes = comparison.metrics.map { m -> String? in
            switch m.winner {
            case .some(.a): "worse"
            case .some(.b): "better"
            default: nil
            }
        }
        nodes.append(Markup.table(["metric", "A", "B", "B − A", "better"], rows, numeric: [1, 2, 3], rowClasses: classes))
        let changes = comparison.changes
        nodes.append(.h3(Markup.text("Tasks that moved (\(changes.moved.count)), added (\(changes.added.count)), removed (\(changes.removed.count))")))
        if changes.count == 0 {
            nodes.append(Markup.paragraph("No task moved."))
        } else {
            var list: [[String]] = []
            for move in changes.moved.prefix(limits.listedRows) {
                list.append([move.line.rawValue, move.kind.rawValue, "\(move.from.account) \(move.from.date.iso)",
                             "\(move.to.account) \(move.to.date.iso)"])
            }
            for slot in changes.added.prefix(max(0, limits.listedRows - list.count)) {
                list.append([slot.line.rawValue, slot.kind.rawValue, "", "\(slot.account) \(slot.date.iso)"])
            }
            for slot in changes.removed.prefix(max(0, limits.listedRows - list.count)) {
                list.append([slot.line.rawValue, slot.kind.rawValue, "\(slot.account) \(slot.date.iso)", ""])
            }
            let table = Markup.table(["line", "task", "in A", "in B"], list, total: changes.count, class: "tbl moves")
            // A long list folds away, so the aligned Gantt charts follow the verdict closely.
            nodes.append(changes.count <= Self.shownMoves ? table : .element(named: "details", nodes: [
                .element(named: "summary", nodes: [Markup.text("\(changes.count) changed tasks: show the list")]), table,
            ]))
        }
        return nodes
    }
}

extension MetricPreference {
    /// Whether values are shares (SLA adherence), shown as percentages.
    var isShare: Bool { self == .higher }
}
