import Foundation
import Testing

/// Each route's happy path against a real `rota serve` on a loopback port.
@Suite(.serialized) struct ServerRouteTests {
    /// A server that logs more than a pipe holds (one line per request, 1,500 requests: over
    /// 100 KB) goes on answering, and every line reaches the harness.
    @Test func aLongLogNeverBlocksTheServer() async throws {
        let (answered, logs) = try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") {
            server in
            var answered = 0
            for _ in 0..<1_500 where try await server.get("/v1/health").status == 200 { answered += 1 }
            await server.stop()
            return (answered, server.logs())
        }
        #expect(answered == 1_500)
        #expect(logs.utf8.count > 100_000)
        #expect(logs.split(separator: "\n").filter { $0.contains("/v1/health") }.count == 1_500)
    }

    @Test func statelessRoutesAnswerLikeTheCommands() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let seed = try Bodies.seed

            let solved = try await server.post("/v1/solve", seed)
            #expect(solved.status == 200)
            let plan = try solved.json()
            #expect(plan["format"] as? String == "fulfillment-plan/1")
            // Each line's priority, due date and tier, as `rota solve` writes them.
            #expect((plan["lines"] as? [[String: Any]])?.count == 41)
            let planBytes = solved.body

            let validated = try await server.post("/v1/validate", Bodies.envelope([("instance", seed), ("plan", planBytes)]))
            #expect(validated.status == 200)
            #expect(try validated.json()["feasible"] as? Bool == true)

            let scored = try await server.post("/v1/score", Bodies.envelope([("instance", seed), ("plan", planBytes)]))
            #expect(scored.status == 200)
            let score = try scored.json()
            #expect(score["feasible"] as? Bool == true)
            #expect((score["metrics"] as? [String: Any])?["makespan"] != nil)
            // The same answer as `rota score --json` on the same files (one PlanAssessment).
            let folder = try ServerHarness.folder()
            try seed.write(to: URL(fileURLWithPath: folder + "/seed.json"))
            try planBytes.write(to: URL(fileURLWithPath: folder + "/plan.json"))
            #expect(try Schedules.rota(["score", folder + "/seed.json", folder + "/plan.json", "--json"]) == scored.body)

            let compared = try await server.post(
                "/v1/compare?objective=makespan,lateness", Bodies.envelope([("instance", seed), ("a", planBytes), ("b", planBytes)]))
            #expect(compared.status == 200)
            #expect(compared.text.contains("verdict"))

            let explained = try await server.post(
                "/v1/explain", Bodies.envelope([("instance", seed), ("plan", planBytes), ("lines", Data("[\"ord-101/1\"]".utf8))]))
            #expect(explained.status == 200)
            let explanations = try JSONSerialization.jsonObject(with: explained.body) as? [[String: Any]]
            #expect(explanations?.count == 1)
            #expect(explanations?.first?["line"] as? String == "ord-101/1")
        }
    }

    @Test func scheduleLifecycle() async throws {
        let folder = try ServerHarness.folder()
        try await ServerHarness.with(database: folder + "/rota.sqlite") { server in

            let created = try await server.post("/v1/schedules?actor=test", try Bodies.seed)
            #expect(created.status == 201)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try created.json()["version"] as? Int == 1)
            #expect(created.header("Location") == "/v1/schedules/\(id)")

            let read = try await server.get("/v1/schedules/\(id)")
            #expect(read.status == 200)
            let schedule = try read.json()
            #expect(schedule["version"] as? Int == 1)
            #expect((schedule["instance"] as? [String: Any])?["name"] as? String == "seed")
            let firstPlan = try #require(schedule["plan"] as? [String: Any])
            #expect((firstPlan["lines"] as? [[String: Any]])?.count == 41, "stored with its lines section")

            // A purchase planned on the first day is reported missed; the replan starts the next day.
            let task = try #require(Schedules.firstPurchase(in: firstPlan, on: "2026-12-01"))
            let missed = Data(
                "{\"event\":\"missed\",\"at\":\"2026-12-02T08:00:00Z\",\"actor\":\"bot-7\",\"task\":\"\(task)\"}\n".utf8)
            let posted = try await server.post(
                "/v1/schedules/\(id)/events?today=2026-12-02", missed, headers: ["If-Match": "\"1\"", "Content-Type": "application/x-ndjson"])
            #expect(posted.status == 200, "\(posted.text)")
            #expect(try posted.json()["version"] as? Int == 2)
            #expect(posted.header("ETag") == "\"2\"")
            let replanned = try #require(try posted.json()["plan"] as? [String: Any])
            #expect((replanned["lines"] as? [[String: Any]])?.count == 41, "an event batch's plan has its lines section too")

            // The same batch against version 1 again is stale: 409, nothing stored.
            let stale = try await server.post("/v1/schedules/\(id)/events?today=2026-12-02", missed, headers: ["If-Match": "1"])
            #expect(stale.status == 409)
            #expect(try await server.get("/v1/schedules/\(id)").json()["version"] as? Int == 2)

            // A JSON array of events works too; the date may come as a header.
            let array = Data(
                "[{\"event\":\"account-unavailable\",\"at\":\"2026-12-02T09:00:00Z\",\"actor\":\"ana\",\"account\":\"reviewer-dev\",\"from\":\"2026-12-10\",\"to\":\"2026-12-11\"}]"
                    .utf8)
            let second = try await server.post(
                "/v1/schedules/\(id)/events", array, headers: ["If-Match": "2", "Rota-Today": "2026-12-02", "Content-Type": "application/json"])
            #expect(second.status == 200, "\(second.text)")
            #expect(try second.json()["version"] as? Int == 3)

            let version1 = try await server.get("/v1/schedules/\(id)/plan?version=1")
            #expect(version1.status == 200)
            #expect(NSDictionary(dictionary: try version1.json()) == NSDictionary(dictionary: firstPlan))
            #expect(try await server.get("/v1/schedules/\(id)/plan").header("ETag") == "\"3\"")
            #expect(try await server.get("/v1/schedules/\(id)/plan?version=9").status == 404)

            let audit = try await server.get("/v1/schedules/\(id)/audit")
            #expect(audit.status == 200)
            let lines = audit.text.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("\"kind\":\"missed\"") && $0.contains("\"actor\":\"bot-7\"") })
            #expect(lines.filter { $0.contains("\"kind\":\"replanned\"") }.count == 3)
            #expect(try Schedules.verify(lines, in: folder) == 0)
            let line = try #require(task.split(separator: ":").last.map(String.init))
            let filtered = try await server.get("/v1/schedules/\(id)/audit?line=\(line)&since=2026-12-01")
            #expect(!filtered.text.isEmpty)
            #expect(filtered.text.split(separator: "\n").allSatisfy { $0.contains("\"line\":\"\(line)\"") })
            #expect(try await server.get("/v1/schedules/\(id)/audit?since=2999-01-01").text.isEmpty)

            let kpis = try await server.get("/v1/schedules/\(id)/kpis")
            #expect(kpis.status == 200)
            let body = try kpis.json()
            #expect(body["version"] as? Int == 3)
            #expect((body["kpis"] as? [String: Any])?["feasible"] as? Bool == true)
        }
    }

    @Test func operationsRoutes() async throws {
        try await ServerHarness.with(database: try ServerHarness.folder() + "/rota.sqlite") { server in
            let health = try await server.get("/v1/health")
            #expect(health.status == 200)
            #expect(try health.json()["status"] as? String == "ok")
            #expect(health.header("X-Request-Id") != nil)
            _ = try await server.post("/v1/solve", Data("{".utf8))
            let metrics = try await server.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("rota_http_requests_total{method=\"GET\",route=\"/v1/health\",status=\"200\"} 1"))
            #expect(metrics.text.contains("rota_http_requests_total{method=\"POST\",route=\"/v1/solve\",status=\"400\"} 1"))
            #expect(metrics.text.contains("rota_solve_seconds"))
            #expect(metrics.text.contains("rota_solve_queue_depth"))
            let openapi = try await server.get("/openapi.json")
            #expect(openapi.status == 200)
            #expect(try openapi.json()["openapi"] as? String == "3.1.0")
            #expect(openapi.body == (try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))))
        }
    }
}

/// Helpers over schedules' JSON.
enum Schedules {
    /// The id of a pending purchase on `day` in a plan.
    static func firstPurchase(in plan: [String: Any], on day: String) -> String? {
        let tasks = plan["tasks"] as? [[String: Any]] ?? []
        return tasks.first { $0["kind"] as? String == "purchase" && $0["date"] as? String == day && ($0["status"] as? String ?? "pending") == "pending" }?[
            "id"] as? String
    }

    /// What `rota ARGUMENTS` writes on standard output.
    static func rota(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = ServerHarness.executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// `rota audit verify` on the lines, written to a file: its exit status.
    static func verify(_ lines: [String], in folder: String) throws -> Int32 {
        let path = folder + "/audit-\(UUID().uuidString.prefix(6)).jsonl"
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = ServerHarness.executable
        process.arguments = ["audit", "verify", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
