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

    /// The metric name (`KPIGate.named`) a card shows, where it differs from the card's key.
    static let metricOfKey = ["lateness": "weightedLateness", "late": "lateLines"]

    /// The cards of one plan: lines, unscheduled, makespan with bound and gap, weighted
    /// lateness with its bound and gap, late lines, SLA adherence per tier, soft overruns,
    /// the override rate (with `overrides`), feasibility, solver and status. A card whose
    /// metric has targets in `checks` is green when all are met and red when one is missed,
    /// its detail naming them; a targeted metric without a card of its own gets one.
    package static func cards(
        _ facts: PlanFacts, lines: Int, checks: [KPIGate.Check] = [], overrides: OverrideRate? = nil
    ) -> [KPICard] {
        var cards = plainCards(facts, lines: lines, overrides: overrides)
        guard !checks.isEmpty else { return cards }
        var covered = Set<String>()
        for i in cards.indices {
            let metric = metricOfKey[cards[i].key] ?? cards[i].key
            let own = checks.filter { $0.requirement.metric == metric }
            guard !own.isEmpty else { continue }
            covered.insert(metric)
            cards[i].apply(own)
        }
        // Targets on metrics without a card (largestLoad, sla.TIER.lines, …), in target order.
        var added: [KPICard] = []
        for check in checks where !covered.contains(check.requirement.metric) {
            let metric = check.requirement.metric
            covered.insert(metric)
            var card = KPICard(key: metric, name: metric, value: check.value.map(TargetsSection.shown) ?? "unknown",
                               detail: "", tone: .neutral)
            card.apply(checks.filter { $0.requirement.metric == metric })
            added.append(card)
        }
        // Before the solver card, which stays last.
        cards.insert(contentsOf: added, at: max(0, cards.count - 1))
        return cards
    }

    /// Colours the card against its targets and names them in its detail.
    mutating func apply(_ checks: [KPIGate.Check]) {
        let missed = checks.contains { !$0.holds }
        tone = missed ? .bad : .good
        let targets = checks.map { "target \($0.requirement.condition)" + ($0.holds ? " met" : " missed") }
        detail = (detail.isEmpty ? "" : detail + "; ") + targets.joined(separator: ", ")
    }

    private static func plainCards(_ facts: PlanFacts, lines: Int, overrides: OverrideRate?) -> [KPICard] {
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
            // Neutral unless a target names it (`cards(_:lines:checks:overrides:)` colours it).
            cards.append(.init(key: "sla.\(tier.tier)", name: "SLA \(tier.tier)", value: NumberText.percent(tier.share),
                               detail: "\(tier.onTime)/\(tier.lines) on time", tone: .neutral))
        }
        cards.append(.init(key: "softOverruns", name: "Soft overruns", value: String(m.softOverruns),
                           detail: "rolling windows over their soft cap", tone: m.softOverruns == 0 ? .good : .warn))
        if let overrides {
            // The operations target is under 5% of lines (overrides are for exceptions).
            cards.append(.init(key: "overrides", name: "Override rate", value: NumberText.percent(overrides.rate),
                               detail: "\(overrides.overriddenLines)/\(overrides.lines) lines overridden (aim: under 5%)",
                               tone: overrides.overriddenLines == 0 ? .neutral : (overrides.rate < 0.05 ? .good : .warn)))
        }
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
