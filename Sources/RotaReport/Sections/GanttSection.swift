import Plot

/// The Gantt chart(s): one plan, or baseline and candidate aligned on the same rows and days.
struct GanttSection: ReportSection {
    let anchor = "gantt"
    let heading = "Gantt chart"
    let charts: [(label: String, chart: GanttChart)]
    let tiers: [String]
    let limits: ReportLimits

    func body() -> [BodyNode] {
        guard let first = charts.first?.chart else { return [] }
        let colours = Palette.tierColors(tiers)
        var keys: [(swatch: String, isClass: Bool, name: String)] = tiers.indices.map { (colours[$0], false, tiers[$0]) }
        keys += [("p t-key", true, "purchase (upper half)"), ("r t-key", true, "review (lower half)"),
                 ("p t-key done", true, "completed (history)"), ("off", true, "day off")]
        if charts.contains(where: { !$0.chart.pins.isEmpty }) { keys.append(("p t-key pin", true, "pinned by an override")) }
        if charts.count > 1 { keys += [("p t-key mv", true, "moved (candidate)"), ("p t-key mvfrom", true, "moved from (baseline)")] }
        var nodes: [BodyNode] = [Markup.paragraph(note(first)), Markup.legend(keys)]
        for (label, chart) in charts {
            if charts.count > 1 { nodes.append(.h3(Markup.text(label))) }
            nodes.append(.div(.class("scroll"), chart.render(label: "Gantt chart of \(label)")))
        }
        return nodes
    }

    private func note(_ chart: GanttChart) -> String {
        let calendar = chart.frame.calendar
        var text = "\(calendar.rows.count) accounts × \(calendar.dayCount) days from \(calendar.first.iso). "
        if chart.isDetailed {
            text += "One mark per task (purchases above, reviews below, coloured by SLA tier); hover a mark for its line. "
            text += chart.explanations.isEmpty
                ? "Explanations and links are shown up to \(limits.explainedLines) lines."
                : "Each tooltip says why the line is on its day; hovering shows the link from purchase to review."
        } else {
            text += "Aggregated (more than \(limits.detailLines) lines, \(limits.maxRows) accounts or \(limits.maxColumns) days): "
            text += "each cell shows its task count, shaded by volume and coloured by its main tier"
            if !calendar.rows.isIdentity { text += "; \(calendar.rows.size) accounts per row" }
            if !calendar.days.isIdentity { text += "; \(calendar.days.size) days per column" }
            text += "."
        }
        return text
    }
}
