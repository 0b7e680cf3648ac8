import Foundation
import Testing

/// Overrides through the server: hard constraints on the events route and on schedule
/// creation, honoured when they can be, refused with the rule they would break when not.
@Suite(.serialized) struct ServerOverrideTests {
    /// today of the event batches: the seed starts on 2026-12-01.
    static let today = "2026-12-02"

    @Test func anOverrideEventIsHonouredAuditedAndKept() async throws {
        let folder = try ServerHarness.folder()
        try await ServerHarness.with(database: folder + "/rota.sqlite") { server in
            let created = try await server.post("/v1/schedules", try Bodies.seed)
            #expect(created.status == 201)
            let id = try #require(try created.json()["id"] as? String)
            let first = try #require(try created.json()["plan"] as? [String: Any])

            // A purchase planned on or after 2026-12-03 (of a line with no earliest day), pinned to
            // another account on 2026-12-04.
            let seed = try #require(try JSONSerialization.jsonObject(with: try Bodies.seed) as? [String: Any])
            let orders = seed["orders"] as? [[String: Any]] ?? []
            let free = Set(orders.flatMap { $0["lines"] as? [[String: Any]] ?? [] }.filter { $0["earliest"] == nil }.compactMap { $0["id"] as? String })
            let task = try #require(Schedules.tasks(of: first).first {
                $0.kind == "purchase" && $0.status == "pending" && $0.date >= "2026-12-03" && free.contains($0.line)
            })
            let account = task.account == "reviewer-ana" ? "reviewer-dev" : "reviewer-ana"
            let pin = Data(
                """
                {"event":"override","at":"2026-12-02T08:00:00Z","actor":"lee","line":"\(task.line)","reasonCode":"vip-customer","pin":{"account":"\(account)","date":"2026-12-04"}}

                """.utf8)
            let posted = try await server.post("/v1/schedules/\(id)/events?today=\(Self.today)", pin, headers: ["If-Match": "1"])
            #expect(posted.status == 200, "\(posted.text)")
            #expect(try posted.json()["version"] as? Int == 2)
            let plan = try #require(try posted.json()["plan"] as? [String: Any])
            let placed = Schedules.tasks(of: plan).first { $0.kind == "purchase" && $0.line == task.line && $0.status != "missed" }
            #expect(placed?.account == account)
            #expect(placed?.date == "2026-12-04")

            // The audit trail says who pinned what and why.
            let audit = try await server.get("/v1/schedules/\(id)/audit?line=\(task.line)")
            let pinned = try audit.text.split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.filter { $0["kind"] as? String == "pinned" }
            #expect(pinned.count == 1)
            #expect(pinned.first?["reasonCode"] as? String == "vip-customer")
            #expect(pinned.first?["actor"] as? String == "lee")
            let all = try await server.get("/v1/schedules/\(id)/audit").text.split(separator: "\n").map(String.init)
            #expect(try Schedules.verify(all, in: folder) == 0)

            // The stored instance carries the override, so the next batch keeps honouring it.
            let stored = try await server.get("/v1/schedules/\(id)").json()
            let overrides = (stored["instance"] as? [String: Any])?["overrides"] as? [[String: Any]] ?? []
            #expect(overrides.contains { $0["line"] as? String == task.line && $0["reasonCode"] as? String == "vip-customer" })
            let off = Data(
                """
                {"event":"account-unavailable","at":"2026-12-02T09:00:00Z","actor":"ana","account":"reviewer-eli","from":"2026-12-04","to":"2026-12-08"}

                """.utf8)
            let next = try await server.post("/v1/schedules/\(id)/events?today=\(Self.today)", off, headers: ["If-Match": "2"])
            #expect(next.status == 200, "\(next.text)")
            let kept = Schedules.tasks(of: try #require(try next.json()["plan"] as? [String: Any]))
                .first { $0.kind == "purchase" && $0.line == task.line && $0.status != "missed" }
            #expect(kept?.account == account)
            #expect(kept?.date == "2026-12-04")
        }
    }

    @Test func anImpossiblePinIsRefusedWithItsRuleAndNothingIsStored() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let created = try await server.post("/v1/schedules", try Bodies.seed)
            let id = try #require(try created.json()["id"] as? String)
            let auditBefore = try await server.get("/v1/schedules/\(id)/audit").text

            // reviewer-ben is off on 2026-12-05 and 2026-12-06.
            let pin = Data(
                """
                {"event":"override","at":"2026-12-02T08:00:00Z","actor":"lee","line":"ord-101/1","reasonCode":"expedite","pin":{"account":"reviewer-ben","date":"2026-12-05"}}

                """.utf8)
            let refused = try await server.post("/v1/schedules/\(id)/events?today=\(Self.today)", pin, headers: ["If-Match": "1"])
            #expect(refused.status == 400)
            let error = try #require(try refused.json()["error"] as? [String: Any])
            let errors = error["errors"] as? [String] ?? []
            #expect(errors.count == 1)
            #expect(errors.first?.contains("ord-101/1") == true)
            #expect(errors.first?.contains("rule 3 (no work on unavailable days)") == true, "\(errors)")
            #expect(errors.first?.contains("reviewer-ben") == true, "\(errors)")

            let after = try await server.get("/v1/schedules/\(id)")
            #expect(try after.json()["version"] as? Int == 1)
            #expect(after.header("ETag") == "\"1\"")
            #expect(try await server.get("/v1/schedules/\(id)/audit").text == auditBefore)
            #expect(try await server.get("/v1/schedules/\(id)/plan?version=2").status == 404)
        }
    }

    @Test func scheduleCreationHonoursOrRefusesTheInstanceOverrides() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in

            let honoured = try Self.seed(overrides: [
                ["line": "ord-101/2", "reasonCode": "vip-customer", "actor": "lee", "pin": ["account": "reviewer-eli", "date": "2026-12-02"]]
            ])
            let created = try await server.post("/v1/schedules", honoured)
            #expect(created.status == 201, "\(created.text)")
            let plan = try #require(try created.json()["plan"] as? [String: Any])
            let placed = Schedules.tasks(of: plan).first { $0.kind == "purchase" && $0.line == "ord-101/2" }
            #expect(placed?.account == "reviewer-eli")
            #expect(placed?.date == "2026-12-02")

            let impossible = try Self.seed(overrides: [
                ["line": "ord-101/2", "reasonCode": "vip-customer", "pin": ["account": "reviewer-ben", "date": "2026-12-06"]]
            ])
            let refused = try await server.post("/v1/schedules", impossible)
            #expect(refused.status == 400)
            let errors = (try refused.json()["error"] as? [String: Any])?["errors"] as? [String] ?? []
            #expect(errors.contains { $0.contains("ord-101/2") && $0.contains("rule 3") }, "\(errors)")
        }
    }

    /// The seed instance with `overrides`.
    static func seed(overrides: [[String: Any]]) throws -> Data {
        var instance = try #require(try JSONSerialization.jsonObject(with: try Bodies.seed) as? [String: Any])
        instance["overrides"] = overrides
        return try JSONSerialization.data(withJSONObject: instance)
    }
}

extension Schedules {
    /// A plan's task as the tests read it.
    struct Task {
        var id: String
        var kind: String
        var line: String
        var account: String
        var date: String
        var status: String
    }

    /// The plan's tasks.
    static func tasks(of plan: [String: Any]) -> [Task] {
        (plan["tasks"] as? [[String: Any]] ?? []).compactMap { task in
            guard let id = task["id"] as? String, let kind = task["kind"] as? String, let line = task["line"] as? String,
                let account = task["account"] as? String, let date = task["date"] as? String
            else { return nil }
            return Task(id: id, kind: kind, line: line, account: account, date: date, status: task["status"] as? String ?? "pending")
        }
    }
}
