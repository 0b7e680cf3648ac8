import Rota
import RotaAudit
import RotaReport
import Testing

/// The report of a small plan, parsed as XHTML: every task, every account row and the KPI
/// values are there, where they belong.
@Suite struct ReportDocumentTests {
    @Test func everyTaskHasAMarkInTheGantt() throws {
        let doc = try ReportFixture.render()
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let marks = gantt.all("rect").compactMap { $0.attributes["data-task"] }
        #expect(marks.sorted() == ReportFixture.baseline.tasks.map(\.id.rawValue).sorted())
        // Every mark is in its line's group, whose tooltip explains the day.
        for rect in gantt.all("rect") where rect.attributes["data-task"] != nil {
            let group = try #require(rect.parent)
            #expect(group.name == "g" && group.classes.contains("ln"))
            #expect(group.tooltip?.contains("why this day") == true)
        }
        // A line's tooltip names its task, line, order and due date.
        let l1 = try #require(gantt.all("g", classes: ["ln"]).first { $0.attributes["data-line"] == "l1&x" })
        let tip = try #require(l1.tooltip)
        #expect(tip.contains("l1&x · order o1"))
        #expect(tip.contains("due 2026-12-04"))
        #expect(tip.contains("1 day(s) late"))
        #expect(l1.all("line", classes: ["lk"]).count == 1)
    }

    @Test func everyAccountHasARow() throws {
        let doc = try ReportFixture.render()
        for id in ["gantt", "capacity"] {
            let section = try #require(doc.all("section").first { $0.attributes["id"] == id })
            let labels = Set(section.all("text", classes: ["rl"]).map(\.ownText))
            #expect(labels == ["a&1", "a<2>", "a\"3\""], "\(id)")
        }
        // a<2>'s day off is shaded in the Gantt chart.
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let chart = try #require(gantt.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("Gantt") == true })
        #expect(chart.all("rect", classes: ["off"]).count == 1)
    }

    @Test func kpiCardsShowTheMetrics() throws {
        let doc = try ReportFixture.render()
        let metrics = Scorer().score(ReportFixture.baseline, for: ReportFixture.instance)
        var cards: [String: String] = [:]
        for card in doc.all("div", classes: ["card"]) {
            let key = try #require(card.attributes["data-kpi"])
            cards[key] = card.all("div", classes: ["v"]).first?.allText
        }
        #expect(cards["lines"] == "5")
        #expect(cards["unscheduled"] == String(metrics.unscheduled))
        #expect(cards["makespan"] == "\(metrics.makespan) days")
        #expect(cards["lateness"] == "2.000")
        #expect(cards["late"] == "1")
        #expect(cards["sla.critical"] == "50.0%")
        #expect(cards["sla.standard"] == "100.0%")
        #expect(cards["softOverruns"] == String(metrics.softOverruns))
        #expect(cards["feasible"] == "yes")
        #expect(cards["solver"] == "hand")
        #expect(metrics.softOverruns > 0)
    }

    @Test func exceptionsListUnscheduledLateAndOverruns() throws {
        let doc = try ReportFixture.render()
        let section = try #require(doc.all("section").first { $0.attributes["id"] == "exceptions" })
        let cells = section.all("td").map(\.allText)
        #expect(cells.contains("left out by <hand> & on purpose"))
        #expect(cells.contains("l1&x"))
        #expect(cells.contains("2026-12-01 to 2026-12-03"))
    }

    @Test func auditRecordsShowActorAndReason() throws {
        let records = [
            AuditRecord(at: "2026-12-02T09:00:00Z", actor: "ana", kind: .moved, line: "l2", account: "a<2>",
                        before: .init(account: "a&1", date: ReportFixture.day(0)), after: .init(account: "a<2>", date: ReportFixture.day(0)),
                        reasonCode: "account-unavailable", why: "a&1 off"),
        ]
        let doc = try ReportFixture.render(audit: records)
        let cells = try #require(doc.all("section").first { $0.attributes["id"] == "exceptions" }).all("td").map(\.allText)
        #expect(cells.contains("ana"))
        #expect(cells.contains("account-unavailable"))
        #expect(cells.contains("a&1 2026-12-01"))
    }

    @Test func largePlansAggregateCellsWithCounts() throws {
        let doc = try ReportFixture.render(limits: ReportLimits(detailLines: 1))
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        #expect(gantt.all("rect").allSatisfy { $0.attributes["data-task"] == nil })
        let counts = gantt.all("rect", classes: ["agg"]).compactMap { $0.attributes["data-count"].flatMap(Int.init) }
        #expect(counts.reduce(0, +) == ReportFixture.baseline.tasks.count)
        // Grouped rows: two accounts per row.
        let grouped = try ReportFixture.render(limits: ReportLimits(maxRows: 2))
        let rows = try #require(grouped.all("section").first { $0.attributes["id"] == "gantt" }).all("text", classes: ["rl"])
        #expect(rows.count == 2)
    }

    @Test func pageIsSelfContained() throws {
        let html = PlanReport(ReportInput(instance: ReportFixture.instance, plan: ReportFixture.baseline, planLabel: "a.json")).render()
        let doc = try XHTMLNode.parse(html)
        #expect(doc.all("script").isEmpty)
        #expect(doc.all("link").isEmpty)
        #expect(doc.all("img").isEmpty)
        #expect(doc.all("style").count == 1)
        #expect(doc.all("style").first?.allText.contains("@media print") == true)
    }
}
