import Rota
import RotaAudit
import RotaReport
import Testing

/// KPI cards against targets (green when met, red when missed, neutral without targets), the
/// Targets table, and overrides: the override-rate card, pinned purchases marked in the Gantt
/// chart and the overrides table in the exceptions, with the audit log's override decisions.
@Suite struct ReportTargetsTests {
    static func render(_ instance: Instance = ReportFixture.instance, requirements: [String] = [],
                       audit: [AuditRecord]? = nil) throws -> XHTMLNode {
        let html = PlanReport(ReportInput(
            instance: instance, plan: ReportFixture.baseline, planLabel: "a.json", audit: audit,
            auditLabel: audit == nil ? nil : "audit.jsonl",
            requirements: try requirements.map { try KPIRequirement(parsing: $0) })).render()
        return try XHTMLNode.parse(html)
    }

    /// Each card's key → (its classes, its detail text).
    static func cards(_ doc: XHTMLNode) throws -> [String: (classes: Set<String>, detail: String)] {
        var out: [String: (classes: Set<String>, detail: String)] = [:]
        for card in doc.all("div", classes: ["card"]) {
            let key = try #require(card.attributes["data-kpi"])
            out[key] = (card.classes, card.all("div", classes: ["d"]).first?.allText ?? "")
        }
        return out
    }

    @Test func cardsAreRedWhenMissedAndGreenWhenMet() throws {
        // The baseline: critical 50% on time, standard 100%, largest load 3 (no card of its own).
        let doc = try Self.render(requirements: ["sla.critical>=0.95", "sla.standard>=0.9", "largestLoad<=10"])
        let cards = try Self.cards(doc)
        #expect(cards["sla.critical"]?.classes.contains("bad") == true)
        #expect(cards["sla.critical"]?.detail.contains("target >= 0.95 missed") == true)
        #expect(cards["sla.standard"]?.classes.contains("good") == true)
        #expect(cards["sla.standard"]?.detail.contains("target >= 0.9 met") == true)
        #expect(cards["largestLoad"]?.classes.contains("good") == true)
        // The targets table: one row per target, missed rows marked.
        let section = try #require(doc.all("section").first { $0.attributes["id"] == "targets" })
        let rows = section.all("tbody").flatMap { $0.all("tr") }
        #expect(rows.count == 3)
        let critical = try #require(rows.first { $0.all("td").first?.allText == "sla.critical" })
        #expect(critical.all("td").map(\.allText) == ["sla.critical", ">= 0.95", "0.5", "missed"])
        #expect(critical.classes.contains("worse"))
        let standard = try #require(rows.first { $0.all("td").first?.allText == "sla.standard" })
        #expect(standard.all("td").last?.allText == "met")
        #expect(standard.classes.contains("better"))
    }

    @Test func withoutTargetsCardsStayNeutralAndNoTargetsSection() throws {
        let doc = try Self.render()
        let cards = try Self.cards(doc)
        #expect(cards["sla.critical"]?.classes.contains("neutral") == true)
        #expect(cards["sla.standard"]?.classes.contains("neutral") == true)
        #expect(doc.all("section").allSatisfy { $0.attributes["id"] != "targets" })
    }

    static var overridden: Instance {
        var instance = ReportFixture.instance
        instance.overrides = [
            LineOverride(line: "l2", reasonCode: "vip-customer", actor: "ana", note: "keeps <a&1>",
                         pin: .init(account: "a&1", date: ReportFixture.day(0))),
            LineOverride(line: "l3", reasonCode: "account-issue", actor: "bo", forbid: ["a&1"], weight: 4),
        ]
        return instance
    }

    @Test func pinnedTasksAreMarkedAndOverridesListed() throws {
        let records = [
            AuditRecord(at: "2026-12-02T09:00:00Z", actor: "ana", kind: .pinned, line: "l2", account: "a&1",
                        reasonCode: "vip-customer", note: "customer called"),
        ]
        let doc = try Self.render(Self.overridden, audit: records)
        // The override rate: 2 of 5 lines.
        let cards = try Self.cards(doc)
        #expect(doc.all("div", classes: ["card"]).first { $0.attributes["data-kpi"] == "overrides" }?
            .all("div", classes: ["v"]).first?.allText == "40.0%")
        #expect(cards["overrides"]?.detail.hasPrefix("2/5 lines overridden") == true)
        // Only l2's purchase is pinned; its tooltip names the reason code and actor.
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let pinned = gantt.all("rect", classes: ["pin"]).filter { $0.attributes["data-task"] != nil }
        #expect(pinned.map { $0.attributes["data-task"] } == ["P:l2"])
        let tip = try #require(pinned.first?.parent?.tooltip)
        #expect(tip.contains("pinned (override) to a&1 on 2026-12-01 · reason vip-customer · by ana"))
        // The overrides table: one row per decision.
        let section = try #require(doc.all("section").first { $0.attributes["id"] == "exceptions" })
        let rows = section.all("tr").map { $0.all("td").map(\.allText) }
        #expect(rows.contains(["l2", "pin", "to a&1 on 2026-12-01", "vip-customer", "ana", "", "keeps <a&1>"]))
        #expect(rows.contains(["l3", "forbid", "a&1", "account-issue", "bo", "", ""]))
        #expect(rows.contains(["l3", "weight", "at least 4", "account-issue", "bo", "", ""]))
        // The audit log's override decisions, apart.
        #expect(section.all("h4").contains { $0.allText == "Override decisions in the log (1)" })
        #expect(rows.contains { $0.count == 8 && $0[2] == "ana" && $0[3] == "pinned" && $0[6] == "vip-customer" && $0[7] == "customer called" })
    }

    @Test func aggregatedCellsCountPins() throws {
        let html = PlanReport(ReportInput(
            instance: Self.overridden, plan: ReportFixture.baseline, planLabel: "a.json",
            limits: ReportLimits(detailLines: 1))).render()
        let doc = try XHTMLNode.parse(html)
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let cells = gantt.all("rect", classes: ["agg", "pin"])
        #expect(cells.count == 1)
        #expect(cells.first?.parent?.tooltip?.contains("1 pinned by overrides") == true)
    }
}
