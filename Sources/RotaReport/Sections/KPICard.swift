import Plot
import Rota

/// A KPI card: a name, a value, a line of detail, and a tone (good, warning, bad or neutral).
package struct KPICard: Hashable, Sendable {
    /// How the card is coloured.
    package enum Tone: String, Hashable, Sendable {
        case good, warn, bad, neutral
    }

    /// A stable key for tests and styling ("makespan", "sla.critical").
    package var key: String
    package var name: String
    package var value: String
    package var detail: String
    package var tone: Tone

    package func render() -> BodyNode {
        .div(
            .class("card " + tone.rawValue), SVG.attr("data-kpi", key),
            .div(.class("k"), Markup.text(name)),
            .div(.class("v"), Markup.text(value)),
            .div(.class("d"), Markup.text(detail)))
    }

    /// The cards of one plan: lines, unscheduled, makespan with bound and gap, weighted
    /// lateness with its bound and gap, late lines, SLA adherence per tier, soft overruns,
    /// feasibility, solver and status.
    package static func cards(_ facts: PlanFacts, lines: Int) -> [KPICard] {
        let m = facts.metrics
        var cards: [KPICard] = []
        cards.append(.init(key: "lines", name: "Lines", value: String(lines),
                           detail: "\(m.purchases) purchases, \(m.reviews) reviews", tone: .neutral))
        cards.append(.init(key: "unscheduled", name: "Unscheduled", value: String(m.unscheduled),
                           detail: "fewest possible: \(facts.bound.unscheduled)",
                           tone: m.unscheduled == 0 ? .good : (m.unscheduled == facts.bound.unscheduled ? .warn : .bad)))
        let gapText: String
        let gapTone: Tone
        if m.unscheduled == facts.bound.unscheduled {
            let g = gap(makespan: m.makespan, bound: facts.bound.makespan)
            gapText = "bound \(facts.bound.makespan), gap \(NumberText.percent(g))" + (g == 0 ? " (optimal)" : "")
            gapTone = g == 0 ? .good : .warn
        } else {
            gapText = "bound \(facts.bound.makespan) holds at \(facts.bound.unscheduled) unscheduled"
            gapTone = .neutral
        }
        cards.append(.init(key: "makespan", name: "Makespan", value: "\(m.makespan) days", detail: gapText, tone: gapTone))
        let latenessDetail: String
        var latenessTone = Tone.neutral
        switch facts.lateness {
        case .proven(let bound):
            let g = bound.gap(lateness: m.weightedLateness)
            latenessDetail = "bound \(NumberText.fixed(bound.value, decimals: 3)), gap \(NumberText.percent(g))"
            latenessTone = g == 0 ? .good : .warn
        case .skipped(let reason):
            latenessDetail = "bound skipped: \(reason)"
        case .noPlan:
            latenessDetail = "no bound: no valid plan has this makespan"
        }
        cards.append(.init(key: "lateness", name: "Weighted lateness", value: NumberText.fixed(m.weightedLateness, decimals: 3),
                           detail: latenessDetail, tone: latenessTone))
        cards.append(.init(key: "late", name: "Late lines", value: String(m.lateLines), detail: "reviewed after their due date",
                           tone: m.lateLines == 0 ? .good : .warn))
        for tier in m.slaAdherence {
            // No policy targets yet (issue #12): the card shows the share and stays neutral.
            cards.append(.init(key: "sla.\(tier.tier)", name: "SLA \(tier.tier)", value: NumberText.percent(tier.share),
                               detail: "\(tier.onTime)/\(tier.lines) on time", tone: .neutral))
        }
        cards.append(.init(key: "softOverruns", name: "Soft overruns", value: String(m.softOverruns),
                           detail: "rolling windows over their soft cap", tone: m.softOverruns == 0 ? .good : .warn))
        let violations = facts.validation.violationCount
        cards.append(.init(key: "feasible", name: "Feasible", value: violations == 0 ? "yes" : "no",
                           detail: violations == 0 ? "all nine rules hold" : "\(violations) violation(s), rules "
                               + facts.validation.brokenRules.map(String.init).joined(separator: ", "),
                           tone: violations == 0 ? .good : .bad))
        let seconds = facts.plan.solver.map { NumberText.fixed($0.seconds, decimals: 3) + " s" } ?? ""
        cards.append(.init(key: "solver", name: "Solver", value: facts.plan.solver?.name ?? "unknown",
                           detail: (facts.plan.solver?.status.rawValue ?? "status not recorded") + (seconds.isEmpty ? "" : ", " + seconds),
                           tone: .neutral))
        return cards
    }
}
