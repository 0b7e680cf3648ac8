import Foundation
import Testing

/// `GET /v1/schedules/{id}/report`: `rota report` of a stored plan version, with the audit
/// trail, or two versions compared.
@Suite(.serialized) struct ServerReportTests {
    @Test func theReportShowsTheVersionItsAccountsAndItsAuditTrail() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let (id, task) = try await Self.scheduleWithTwoVersions(server)

            let current = try await server.get("/v1/schedules/\(id)/report")
            #expect(current.status == 200)
            #expect(current.header("Content-Type") == "text/html; charset=utf-8")
            let page = try HTMLPage.parse(current.text)
            #expect(page.texts("h1").first?.hasPrefix("Plan report: seed") == true)
            #expect(page.sections.contains("kpis"))
            #expect(page.sections.contains("gantt"))
            #expect(page.sections.contains("exceptions"))
            #expect(!page.sections.contains("compare"))
            #expect(page.elements.allSatisfy { $0.name != "script" })
            for account in ["reviewer-ana", "reviewer-ben", "reviewer-chloe", "reviewer-dev", "reviewer-eli"] {
                #expect(page.text.contains(account), "\(account)")
            }
            #expect(page.text.contains("\(id) version 2"))
            // The audit section: both runs' records, with the bot's missed task.
            let audit = try #require(page.texts("h3").first { $0.hasPrefix("Audit log decisions") })
            #expect(audit.contains("to version 2"))
            #expect(page.texts("td").contains("bot-7"))
            #expect(page.texts("td").contains(task.split(separator: ":").last.map(String.init) ?? task))

            // Version 1: its own plan and only the audit records up to it (the first replanned one).
            let first = try await server.get("/v1/schedules/\(id)/report?version=1")
            #expect(first.status == 200)
            let firstPage = try HTMLPage.parse(first.text)
            #expect(firstPage.text.contains("\(id) version 1"))
            #expect(firstPage.texts("h3").contains { $0.hasPrefix("Audit log decisions (1 records") })
            #expect(!firstPage.texts("td").contains("bot-7"))
        }
    }

    @Test func compareGivesThePlanVersusPlanPage() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let (id, _) = try await Self.scheduleWithTwoVersions(server)

            let compared = try await server.get("/v1/schedules/\(id)/report?version=1&compare=2")
            #expect(compared.status == 200)
            let page = try HTMLPage.parse(compared.text)
            #expect(page.sections.contains("compare"))
            #expect(page.texts("h1").first?.hasPrefix("Plan comparison: seed") == true)
            #expect(page.elements.contains { $0.name == "p" && $0.attributes["class"] == "verdict" })
            #expect(page.text.contains("A (baseline): \(id) version 1"))
            #expect(page.text.contains("B (candidate): \(id) version 2"))

            // Against the current version when `version` is absent.
            let againstCurrent = try HTMLPage.parse(try await server.get("/v1/schedules/\(id)/report?compare=1").text)
            #expect(againstCurrent.text.contains("A (baseline): \(id) version 2"))
            #expect(againstCurrent.text.contains("B (candidate): \(id) version 1"))
        }
    }

    @Test func unknownSchedulesAndVersionsAre404AndBadVersions400() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let created = try await server.post("/v1/schedules", try Bodies.seed)
            let id = try #require(try created.json()["id"] as? String)

            let unknown = try await server.get("/v1/schedules/sch-nothere/report")
            #expect(unknown.status == 404)
            #expect(unknown.header("Content-Type") == "application/json")
            #expect(try await server.get("/v1/schedules/\(id)/report?version=2").status == 404)
            let noCompare = try await server.get("/v1/schedules/\(id)/report?compare=7")
            #expect(noCompare.status == 404)
            #expect(noCompare.text.contains("no plan version 7"))
            #expect(try await server.get("/v1/schedules/\(id)/report?version=0").status == 400)
            #expect(try await server.get("/v1/schedules/\(id)/report?compare=two").status == 400)
        }
    }

    /// A schedule from the seed (version 1) and a missed purchase reported by bot-7 (version 2);
    /// returns its id and the missed task.
    static func scheduleWithTwoVersions(_ server: ServerHarness) async throws -> (String, String) {
        let created = try await server.post("/v1/schedules?actor=test", try Bodies.seed)
        let id = try #require(try created.json()["id"] as? String)
        let plan = try #require(try created.json()["plan"] as? [String: Any])
        let task = try #require(Schedules.firstPurchase(in: plan, on: "2026-12-01"))
        let missed = Data("{\"event\":\"missed\",\"at\":\"2026-12-02T08:00:00Z\",\"actor\":\"bot-7\",\"task\":\"\(task)\"}\n".utf8)
        let posted = try await server.post("/v1/schedules/\(id)/events?today=2026-12-02", missed, headers: ["If-Match": "1"])
        #expect(posted.status == 200, "\(posted.text)")
        return (id, task)
    }
}
