import Plot
import Rota
import RotaAudit

/// `rota report`: one self-contained HTML page about a plan (inline CSS and SVG, no script):
/// KPI cards, the Gantt chart, capacity heatmaps, the backlog and the exceptions; with a
/// second plan, the comparison (verdict, metrics, both Gantt charts aligned, moved tasks).
package struct PlanReport: Sendable {
    package let input: ReportInput

    package init(_ input: ReportInput) { self.input = input }

    /// The page, as XHTML-compatible HTML5. `progress` hears each stage's name as it starts
    /// (the bound, scoring, the charts, the markup), for a progress line on large plans.
    package func render(progress: (String) -> Void = { _ in }) -> String {
        let instance = input.instance
        progress("lower bound")
        let index = ReportIndex(instance)
        let limits = input.limits
        let problem = PlanningProblem(instance)
        let bound = LowerBounds.compute(problem)
        let plans = [input.plan] + (input.other.map { [$0] } ?? [])
        let calendar = ReportCalendar(instance: instance, plans: plans, limits: limits)
        progress("scoring")
        let a = PlanFacts(plan: input.plan, label: input.planLabel, instance: instance, problem: problem, index: index, bound: bound)
        let b = input.other.map {
            PlanFacts(
                plan: $0, label: input.otherLabel ?? "B", instance: instance, problem: problem, index: index, bound: bound)
        }
        // The report is about the candidate when there is one (the plan that would replace A).
        let main = b ?? a
        let tiers = instance.policy?.slaTierDays?.keys.sorted() ?? []
        let gate = KPIGate(input.requirements)
        let checksA = gate.check(a.metrics, tiers: tiers)
        let checksB = b.map { gate.check($0.metrics, tiers: tiers) }
        let overrides = OverrideRate(instance)
        let pins = Self.pins(instance, index)
        progress("charts")
        var sections: [any ReportSection] = []
        var title = "Plan report"
        if let b {
            let comparison = Comparator().compare(a.plan, b.plan, for: instance, bound: bound)
            sections.append(KPISection(plans: [
                ("A (baseline): \(a.label)", KPICard.cards(a, lines: index.lines.count, checks: checksA, overrides: overrides)),
                ("B (candidate): \(b.label)", KPICard.cards(b, lines: index.lines.count, checks: checksB ?? [], overrides: overrides)),
            ]))
            if !input.requirements.isEmpty {
                sections.append(TargetsSection(plans: [("A: \(a.label)", checksA), ("B: \(b.label)", checksB ?? [])]))
            }
            sections.append(ComparisonSection(
                comparison: comparison, labels: (a.label, b.label), limits: limits,
                identical: ComparisonSection.identical(comparison, a.plan, b.plan)))
            var fromA = GanttChart.Highlight(className: "mvfrom")
            var toB = GanttChart.Highlight(className: "mv")
            for move in comparison.changes.moved {
                guard let l = index.lineIndex[move.line] else { continue }
                if move.kind == .purchase {
                    fromA.purchases.insert(l)
                    toB.purchases.insert(l)
                } else {
                    fromA.reviews.insert(l)
                    toB.reviews.insert(l)
                }
            }
            sections.append(GanttSection(charts: [
                ("A (baseline): \(a.label)", gantt(a, index, calendar, fromA, pins)),
                ("B (candidate): \(b.label)", gantt(b, index, calendar, toB, pins)),
            ], tiers: index.tiers, limits: limits))
            title = "Plan comparison"
        } else {
            sections.append(KPISection(plans: [
                (a.label, KPICard.cards(a, lines: index.lines.count, checks: checksA, overrides: overrides))
            ]))
            if !input.requirements.isEmpty { sections.append(TargetsSection(plans: [(a.label, checksA)])) }
            sections.append(GanttSection(
                charts: [(a.label, gantt(a, index, calendar, .init(), pins))], tiers: index.tiers, limits: limits))
        }
        let capacity = CapacityModel(facts: main, index: index, calendar: calendar)
        let subject = b.map { "B (candidate): \($0.label)" }
        sections.append(CapacitySection(heatmap: CapacityHeatmap(capacity: capacity), subject: subject))
        sections.append(BacklogSection(backlog: BacklogModel(facts: main, index: index, calendar: calendar), subject: subject))
        sections.append(ExceptionsSection(
            facts: main, index: index, capacity: capacity, overrides: instance.overrides,
            audit: input.audit.map { (input.auditLabel ?? "audit log", $0) }, limits: limits, subject: subject))
        progress("markup")
        return document(title: title, instance: instance, main: main, sections: sections, index: index)
    }

    private func gantt(_ facts: PlanFacts, _ index: ReportIndex, _ calendar: ReportCalendar,
                       _ highlight: GanttChart.Highlight, _ pins: [Int: String]) -> GanttChart {
        GanttChart(facts: facts, index: index, calendar: calendar, limits: input.limits,
                   explanations: explanations(facts, index, calendar), highlight: highlight, pins: pins)
    }

    /// The lines whose purchase an instance override pins (index into `index.lines`), each
    /// with the pin's account and day, reason code and actor, for the Gantt chart's marker.
    static func pins(_ instance: Instance, _ index: ReportIndex) -> [Int: String] {
        var out: [Int: String] = [:]
        for o in instance.overrides {
            guard let pin = o.pin, let l = index.lineIndex[o.line] else { continue }
            let place = [pin.account.map { "to \($0)" }, pin.date.map { "on \($0.iso)" }].compactMap { $0 }
            var text = "pinned (override) " + place.joined(separator: " ") + " · reason \(o.reasonCode) · by \(o.actor ?? "unknown actor")"
            if let note = o.note { text += " · " + note }
            out[l] = out[l].map { $0 + "\n" + text } ?? text
        }
        return out
    }

    /// "Why this day" for every scheduled line, up to `explainedLines` lines (with per-task marks).
    private func explanations(_ facts: PlanFacts, _ index: ReportIndex, _ calendar: ReportCalendar) -> [Int: String] {
        guard index.lines.count <= input.limits.explainedLines,
              GanttChart.isDetailed(lines: index.lines.count, calendar: calendar, limits: input.limits)
        else { return [:] }
        let explainer = PlanExplainer(instance: input.instance, plan: facts.plan)
        var out: [Int: String] = [:]
        for l in index.lines.indices where facts.purchase[l] != nil || facts.review[l] != nil {
            if let e = explainer.explain(index.lines[l].id) { out[l] = ExplanationSummary.text(e) }
        }
        return out
    }

    private func document(title: String, instance: Instance, main: PlanFacts, sections: [any ReportSection],
                          index: ReportIndex) -> String {
        let name = instance.name ?? "instance"
        let heading = "\(title): \(name)"
        let files = [input.planLabel] + (input.otherLabel.map { [$0] } ?? [])
        let html = HTML(
            .lang(.english),
            Markup.head(title: heading, css: ReportStyle.css(tierColors: Palette.tierColors(index.tiers))),
            .body(
                .header(
                    .h1(Markup.text(heading)),
                    Markup.paragraph(
                        "\(index.lines.count) lines, \(index.accounts.count) accounts, from \(instance.start.iso) for \(instance.horizonDays) days · "
                            + files.joined(separator: " vs ") + " · " + main.solverText,
                        class: "meta"),
                    .nav(.forEach(sections) { section in .a(.href("#" + section.anchor), Markup.text(section.heading)) })),
                .main(.group(sections.map { $0.render() })),
                .footer(Markup.text(
                    "rota \(RotaVersion.current) · one self-contained page (no scripts) · the Gantt chart draws one mark per task up to \(input.limits.detailLines) lines and explains each line up to \(input.limits.explainedLines) lines"))))
        return html.render()
    }
}
