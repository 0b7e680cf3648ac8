import Testing
@testable import RotaFormat
@testable import RotaEvaluation

/// The comparison's tables, number formatting and JSON form.
@Suite struct ComparisonReportTests {
    typealias F = ComparisonFixture

    @Test func metricTable() {
        let table = F.compare(F.baseline, F.late).metricTable
        #expect(table.header == ["metric", "A", "B", "B − A", "better"])
        #expect(table.alignments == [.left, .right, .right, .right, .left])
        func row(_ label: String) -> [String]? { table.rows.first { $0.first == label } }
        #expect(row("feasible") == ["feasible", "yes", "yes", "", "tie"])
        #expect(row("makespan") == ["makespan", "7", "7", "0", "tie"])
        #expect(row("weighted lateness") == ["weighted lateness", "0", "4", "+4", "A"])
        #expect(row("SLA critical") == ["SLA critical", "100.0%", "50.0%", "-50.0 pp", "A"])
        #expect(row("purchases") == ["purchases", "4", "4", "0", ""])
        #expect(row("gap to bound")?.count == 5)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
    }

    @Test func metricTableShowsInfeasibilityAndMissingGap() {
        let table = F.compare(F.partial, F.tooSoon).metricTable
        #expect(table.rows.first == ["feasible", "yes", "no (1 violation)", "", "A"])
        #expect(table.rows.last?[1] == "n/a", "A leaves out a line the bound does not")
    }

    @Test func loadAndMovedTablesWithLimit() {
        let c = F.compare(F.baseline, F.partial)
        let accounts = c.accountTable()
        #expect(accounts.header == ["account", "purchases A", "purchases B", "B − A", "reviews A", "reviews B", "B − A"])
        #expect(accounts.rows[1] == ["a2", "2", "1", "-1", "2", "1", "-1"])
        let limited = c.accountTable(limit: 1)
        #expect(limited.rows.count == 1)
        #expect(limited.omitted == 2)
        #expect(c.dayTable().rows.first == ["2026-12-01", "2", "2", "0", "0", "0", "0"])
        let moved = c.movedTable()
        #expect(moved.rows == [["l4", "purchase", "a2", "2026-12-02", "—", "—"], ["l4", "review", "a2", "2026-12-07", "—", "—"]])
        #expect(c.movedTable(limit: 0).omitted == 2)
        #expect(c.changesSummary == "0 moved, 0 only in B, 2 only in A")
    }

    @Test func numbers() {
        #expect(NumberText.plain(14) == "14")
        #expect(NumberText.plain(9.72) == "9.720")
        #expect(NumberText.plain(-0.0004) == "0.000")
        #expect(NumberText.signed(2) == "+2")
        #expect(NumberText.signed(-6.72) == "-6.720")
        #expect(NumberText.signed(0) == "0")
        #expect(NumberText.percent(2.0 / 9) == "22.2%")
        #expect(NumberText.points(0.111111) == "+11.1 pp")
        #expect(NumberText.points(-1e-6) == "0 pp")
        #expect(NumberText.fixed(1.0005, decimals: 0) == "1")
        #expect(NumberText.fixed(.infinity, decimals: 2) == "inf")
        #expect(NumberText.fixed(1e300, decimals: 3) == "1e+300")
    }

    @Test func jsonForm() throws {
        let c = F.compare(F.baseline, F.shorter)
        let bytes = RotaJSON.encode(c, fileA: "a.json", fileB: "b.json")
        let json = try RotaJSON.parse(bytes)
        #expect(json["verdict"] == "B is better: makespan 4 vs 7")
        #expect(json["winner"] == "B")
        #expect(json["reason"] == ["kind": "term", "term": "makespan", "metric": "makespan", "a": 7, "b": 4])
        #expect(json["regression"] == false)
        #expect(json["objective"] == "unscheduled,makespan,lateness,load,spread")
        #expect(json["a"]?["file"] == "a.json")
        #expect(json["a"]?["solver"] == "hand")
        #expect(json["b"]?["feasible"] == true)
        #expect(json["b"]?["metrics"]?["makespan"] == 4)
        #expect(json["b"]?["validation"]?["violationCount"] == 0)
        #expect(json["metrics"]?[1] == [
            "metric": "makespan", "label": "makespan", "better": "lower", "a": 7, "b": 4, "difference": -3, "winner": "B",
        ])
        #expect(json["metrics"]?[4]?["tier"] == "critical")
        #expect(json["metrics"]?[9]?["winner"] == .null, "purchases have no winner")
        #expect(json["accountLoads"]?[2] == ["account": "a3", "a": ["purchases": 0, "reviews": 0], "b": ["purchases": 2, "reviews": 2]])
        #expect(json["dayLoads"]?[0]?["day"] == "2026-12-01")
        #expect(json["changes"]?["count"] == 6)
        #expect(json["lowerBound"]?["makespan"] == .integer(c.bound.makespan))
        // Deterministic: the same comparison gives the same bytes.
        #expect(RotaJSON.encode(F.compare(F.baseline, F.shorter), fileA: "a.json", fileB: "b.json") == bytes)
    }

    @Test func jsonReasons() throws {
        let infeasible = try RotaJSON.parse(RotaJSON.encode(F.compare(F.baseline, F.tooSoon)))
        #expect(infeasible["reason"] == ["kind": "feasibility", "violationsA": 0, "violationsB": 1])
        #expect(infeasible["regression"] == true)
        #expect(infeasible["a"]?["file"] == nil)
        let weighted = try RotaJSON.parse(RotaJSON.encode(F.compare(F.baseline, F.late, objective: .weighted([.makespan: 1]))))
        #expect(weighted["reason"] == ["kind": "equal"])
        let lateness = try RotaJSON.parse(RotaJSON.encode(F.compare(F.baseline, F.late)))
        #expect(lateness["reason"]?["a"] == .number(0), "weighted lateness stays a number")
    }
}
