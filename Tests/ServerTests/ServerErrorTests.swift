import Foundation
import Testing

/// 400, 401, 404 and 413 from a real server: JSON error bodies with the command line's
/// path-precise messages, never internals.
@Suite(.serialized) struct ServerErrorTests {
    @Test func badInputIs400WithPathPreciseMessages() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in

            let notJSON = try await server.post("/v1/solve", Data("{\"format\": ".utf8))
            #expect(notJSON.status == 400)
            let notJSONError = try #require(try notJSON.json()["error"] as? [String: Any])
            #expect(notJSONError["status"] as? Int == 400)
            #expect((notJSONError["errors"] as? [String])?.first?.hasPrefix("instance: ") == true)

            // accounts[0].dailyLimit made negative: the message names the document and the path.
            var seed = try JSONSerialization.jsonObject(with: try Bodies.seed) as! [String: Any]
            var accounts = seed["accounts"] as! [[String: Any]]
            accounts[0]["dailyLimit"] = -1
            seed["accounts"] = accounts
            let invalid = try await server.post("/v1/solve", try JSONSerialization.data(withJSONObject: seed))
            #expect(invalid.status == 400)
            let messages = try #require((try invalid.json()["error"] as? [String: Any])?["errors"] as? [String])
            #expect(messages.contains { $0.hasPrefix("instance: accounts[0].dailyLimit: ") }, "\(messages)")

            let envelopeWithoutPlan = try await server.post("/v1/validate", Bodies.envelope([("instance", try Bodies.seed)]))
            #expect(envelopeWithoutPlan.status == 400)
            #expect(envelopeWithoutPlan.text.contains("plan"))

            let badPlan = try await server.post(
                "/v1/validate", Bodies.envelope([("instance", try Bodies.seed), ("plan", Data("{\"format\":\"fulfillment-plan/1\",\"tasks\":3}".utf8))]))
            #expect(badPlan.status == 400)
            #expect(badPlan.text.contains("plan: tasks"), "\(badPlan.text)")

            // Events: every problem with its line, as `rota reschedule` reports them.
            let created = try await server.post("/v1/schedules", try Bodies.seed)
            let id = try #require(try created.json()["id"] as? String)
            let events = Data("{\"event\":\"missed\",\"at\":\"2026-12-02T08:00:00Z\",\"actor\":\"b\",\"task\":\"P:nope\"}\n{\"event\":\"lost\"}\n".utf8)
            let badEvents = try await server.post("/v1/schedules/\(id)/events?today=2026-12-02", events)
            #expect(badEvents.status == 400)
            let eventMessages = try #require((try badEvents.json()["error"] as? [String: Any])?["errors"] as? [String])
            #expect(eventMessages.contains { $0.hasPrefix("events:2: ") }, "\(eventMessages)")
            let badToday = try await server.post("/v1/schedules/\(id)/events?today=tomorrow", Data())
            #expect(badToday.status == 400)
            let badIfMatch = try await server.post("/v1/schedules/\(id)/events?today=2026-12-02", Data(), headers: ["If-Match": "abc"])
            #expect(badIfMatch.status == 400)
            #expect(try await server.get("/v1/schedules/\(id)/audit?since=yesterday").status == 400)
            #expect(try await server.post("/v1/solve?solver=magic", try Bodies.seed).status == 400)

            // Nothing leaks: no Swift type names or file paths in any answer.
            for answer in [notJSON, invalid, badPlan, badEvents] {
                #expect(!answer.text.contains(".swift"))
                #expect(!answer.text.contains("InputErrors"))
            }
        }
    }

    @Test func unknownThingsAre404() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            for path in ["/v1/schedules/sch-none", "/v1/schedules/sch-none/plan", "/v1/schedules/sch-none/audit", "/v1/schedules/sch-none/kpis", "/v2/nothing"] {
                let answer = try await server.get(path)
                #expect(answer.status == 404, "\(path)")
                #expect((try answer.json()["error"] as? [String: Any])?["status"] as? Int == 404)
            }
            let events = try await server.post("/v1/schedules/sch-none/events?today=2026-12-02", Data())
            #expect(events.status == 404)
        }
    }

    /// A method the router lacks on a path it has: 405 with `Allow` (what schemathesis's
    /// unsupported-method check expects); an unknown path stays 404.
    @Test func anotherMethodOnAKnownPathIs405WithAllow() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let cases: [(String, String, String)] = [
                ("GET", "/v1/solve", "POST"), ("PUT", "/v1/validate", "POST"), ("DELETE", "/v1/schedules/sch-1", "GET"),
                ("PATCH", "/v1/schedules/sch-1/events", "POST"), ("POST", "/v1/health", "GET"), ("DELETE", "/openapi.json", "GET"),
            ]
            for (method, path, allowed) in cases {
                let answer = try await server.send(method, path)
                #expect(answer.status == 405, "\(method) \(path)")
                #expect(answer.header("Allow") == allowed, "\(method) \(path)")
                #expect((try answer.json()["error"] as? [String: Any])?["status"] as? Int == 405)
            }
            #expect(try await server.send("PUT", "/v1/schedules/sch-1/nothing").status == 404)
            #expect(try await server.send("DELETE", "/v2/solve").status == 404)
        }
    }

    /// The OpenAPI document's bounds hold: a version parameter above 2147483647 and an actor with
    /// a control character (or empty) are 400.
    @Test func parametersOutsideTheDocumentedBoundsAre400() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let created = try await server.post("/v1/schedules?actor=planner", try Bodies.seed)
            #expect(created.status == 201)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try await server.get("/v1/schedules/\(id)/plan?version=2147483647").status == 404)
            #expect(try await server.get("/v1/schedules/\(id)/plan?version=2147483648").status == 400)
            #expect(try await server.get("/v1/schedules/\(id)/report?compare=99999999999999999999").status == 400)
            #expect(try await server.post("/v1/schedules?actor=", try Bodies.seed).status == 400)
            #expect(try await server.post("/v1/schedules?actor=a%01b", try Bodies.seed).status == 400)
            let event = Data("{\"event\":\"missed\",\"at\":\"2026-12-02T08:00:00Z\",\"actor\":\"b\",\"task\":\"x\"}\n".utf8)
            let badActor = try await server.post("/v1/schedules/\(id)/events?today=2026-12-02&actor=a%7Fb", event)
            #expect(badActor.status == 400)
            #expect(try await server.post("/v1/schedules/\(id)/events?today=2026-12-02", event, headers: ["If-Match": "0"]).status == 400)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite", arguments: ["--max-body", "2000"]) { server in
            let seed = try Bodies.seed
            #expect(seed.count > 2000)
            let answer = try await server.post("/v1/solve", seed)
            #expect(answer.status == 413)
            #expect(try await server.post("/v1/schedules", seed).status == 413)
            let small = try await server.post("/v1/solve", Data("{}".utf8))
            #expect(small.status == 400)
        }
    }

    @Test func anAPIKeyGuardsEveryRouteButHealthAndMetrics() async throws {
        let folder = try ServerHarness.folder()
        let key = "k3y-\(UUID().uuidString)"
        try Data((key + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/key.txt"))
        let server = try await ServerHarness(database: folder + "/rota.sqlite", arguments: ["--api-key-file", folder + "/key.txt"])
        #expect(try await server.get("/v1/health").status == 200)
        #expect(try await server.get("/metrics").status == 200)
        let none = try await server.post("/v1/solve", try Bodies.seed)
        #expect(none.status == 401)
        #expect(none.header("WWW-Authenticate") == "Bearer")
        #expect(try await server.get("/openapi.json").status == 401)
        #expect(try await server.get("/v1/schedules/x", headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(try await server.get("/v1/schedules/x", headers: ["Authorization": "Bearer \(key)x"]).status == 401)
        #expect(try await server.get("/v1/schedules/x", headers: ["Authorization": key]).status == 401)
        #expect(try await server.get("/v1/schedules/x", headers: ["Authorization": "Bearer \(key)"]).status == 404)
        #expect(try await server.post("/v1/solve", try Bodies.seed, headers: ["Authorization": "Bearer \(key)"]).status == 200)
        await server.stop()
        let logs = server.logs()
        #expect(!logs.contains(key))
        #expect(logs.contains("status=401"))
        #expect(logs.contains("route=/v1/solve"))
    }
}
