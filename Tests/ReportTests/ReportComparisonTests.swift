import Rota
import RotaReport
import Testing

/// The plan-vs-plan report: moved tasks are highlighted in both Gantt charts, identical plans
/// say so.
@Suite struct ReportComparisonTests {
    @Test func movedTasksAreHighlighted() throws {
        let doc = try ReportFixture.render(ReportFixture.baseline, other: ReportFixture.candidate)
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let charts = gantt.all("svg").filter { $0.attributes["aria-label"]?.hasPrefix("Gantt") == true }
        #expect(charts.count == 2)
        func classes(_ chart: XHTMLNode, _ task: String) -> Set<String> {
            chart.all("rect").first { $0.attributes["data-task"] == task }?.classes ?? []
        }
        // l2 moved to a<2> (both tasks), l4's review moved a day earlier; l1 and l3 stayed.
        for task in ["P:l2", "R:l2", "R:l4"] {
            #expect(classes(charts[1], task).contains("mv"), "\(task)")
            #expect(classes(charts[0], task).contains("mvfrom"), "\(task)")
        }
        for task in ["P:l1&x", "R:l1&x", "P:l3", "R:l3", "P:l4"] {
            #expect(!classes(charts[1], task).contains("mv"), "\(task)")
        }
        // Both charts share rows and days (aligned).
        #expect(charts[0].attributes["width"] == charts[1].attributes["width"])
        #expect(charts[0].attributes["height"] == charts[1].attributes["height"])
        let section = try #require(doc.all("section").first { $0.attributes["id"] == "compare" })
        let verdict = try #require(section.all("p", classes: ["verdict"]).first)
        let comparison = Comparator().compare(ReportFixture.baseline, ReportFixture.candidate, for: ReportFixture.instance)
        #expect(verdict.allText == comparison.verdict.summary)
        #expect(section.all("p", classes: ["identical"]).isEmpty)
        #expect(section.all("table", classes: ["moves"]).first?.all("tr").count == 1 + 3)
    }

    @Test func identicalPlansSaySo() throws {
        let doc = try ReportFixture.render(ReportFixture.baseline, other: ReportFixture.baseline)
        let section = try #require(doc.all("section").first { $0.attributes["id"] == "compare" })
        #expect(section.all("p", classes: ["identical"]).count == 1)
        #expect(section.all("p", classes: ["verdict"]).first?.allText.hasPrefix("Tie") == true)
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        let charts = gantt.all("svg").filter { $0.attributes["aria-label"]?.hasPrefix("Gantt") == true }
        #expect(charts.count == 2)
        #expect(charts.allSatisfy { $0.all("rect", classes: ["mv"]).isEmpty && $0.all("rect", classes: ["mvfrom"]).isEmpty })
    }

    @Test func aggregatedComparisonOutlinesCellsWithMoves() throws {
        let doc = try ReportFixture.render(ReportFixture.baseline, other: ReportFixture.candidate, limits: ReportLimits(detailLines: 1))
        let gantt = try #require(doc.all("section").first { $0.attributes["id"] == "gantt" })
        #expect(!gantt.all("rect", classes: ["agg", "mv"]).isEmpty)
        #expect(!gantt.all("rect", classes: ["agg", "mvfrom"]).isEmpty)
    }
}
