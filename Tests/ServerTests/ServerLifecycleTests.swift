import Foundation
import Testing

/// Limits, shutdown and durability with real processes: 429 beyond the queue, health while
/// solves run, SIGTERM finishing a solve, restarts and SIGKILL keeping every acknowledged batch.
@Suite(.serialized) struct ServerLifecycleTests {
    /// An instance whose solve takes a few seconds in a debug build (`rota generate`, large family).
    static func slowInstance(in folder: String) throws -> Data {
        let path = folder + "/large.json"
        let process = Process()
        process.executableURL = ServerHarness.executable
        process.arguments = ["generate", "--family", "large", "--seed", "7", "--lines", "30000", "-o", path, "--quiet"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Bodies.file(path)
    }

    /// Set once when a request answered.
    actor Flag {
        var isSet = false
        func set() { isSet = true }
    }

    /// Polls `/metrics` until a line starts with `prefix`; false after `seconds`.
    static func waitForMetric(_ server: ServerHarness, _ prefix: String, seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let metrics = try await server.get("/metrics")
            if metrics.text.split(separator: "\n").contains(where: { $0.hasPrefix(prefix) }) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func fullQueueIs429AndHealthAnswersWhileSolvesRun() async throws {
        let folder = try ServerHarness.folder()
        let slow = try Self.slowInstance(in: folder)
        try await ServerHarness.with(database: folder + "/rota.sqlite", arguments: ["--max-solves", "1", "--queue", "1"]) { server in
            let first = Task { try await server.post("/v1/solve", slow) }  // takes the slot
            #expect(try await Self.waitForMetric(server, "rota_solves_running 1", seconds: 120), "the first solve never started")
            let secondDone = Flag()
            let second = Task {  // waits in the queue, then solves: done two solves from now
                let answer = try await server.post("/v1/solve", slow)
                await secondDone.set()
                return answer
            }
            // Wait until the server says the second solve is queued (so the first holds the slot):
            // reading and decoding a large body takes a while on a loaded machine, so no fixed
            // sleep is long enough.
            let queued = try await Self.waitForMetric(server, "rota_solve_queue_depth 1", seconds: 120)
            #expect(queued, "the second solve never reached the queue")
            let third = try await server.post("/v1/solve", slow)
            #expect(third.status == 429)
            #expect(third.header("Retry-After") == "2")
            #expect((try third.json()["error"] as? [String: Any])?["status"] as? Int == 429)
            let health = try await server.get("/v1/health")
            #expect(health.status == 200)
            #expect(await secondDone.isSet == false, "the queued solve finished before health answered: use a slower instance")
            let metrics = try await server.get("/metrics")
            #expect(metrics.text.contains("rota_solves_rejected_total 1"))
            #expect(metrics.text.contains("rota_http_requests_total{method=\"POST\",route=\"/v1/solve\",status=\"429\"} 1"))
            #expect(try await first.value.status == 200)
            #expect(try await second.value.status == 200)
        }
    }

    @Test func theSolveLimitStopsTheSearchWithAValidPlan() async throws {
        let folder = try ServerHarness.folder()
        let slow = try Self.slowInstance(in: folder)
        try await ServerHarness.with(database: folder + "/rota.sqlite", arguments: ["--solve-seconds", "0.2", "--max-body", "100000000"]) { server in
            let solved = try await server.post("/v1/solve", slow)
            #expect(solved.status == 200)
            let validated = try await server.post("/v1/validate", Bodies.envelope([("instance", slow), ("plan", solved.body)]))
            #expect(validated.status == 200)
            #expect(try validated.json()["feasible"] as? Bool == true)
        }
    }

    @Test func sigtermFinishesTheSolveInFlight() async throws {
        let folder = try ServerHarness.folder()
        let slow = try Self.slowInstance(in: folder)
        let server = try await ServerHarness(database: folder + "/rota.sqlite")
        let solve = Task { try await server.post("/v1/solve", slow) }
        // Wait until the solve holds its slot (reading and decoding the body come first).
        let running = try await Self.waitForMetric(server, "rota_solves_running 1", seconds: 120)
        #expect(running, "the solve never started")
        server.process.terminate()  // SIGTERM while the solve runs
        try await Task.sleep(for: .milliseconds(300))
        let late = try await server.get("/v1/health")  // draining: new requests are turned away
        #expect(late.status == 503)
        #expect(late.header("Retry-After") == "5")
        let answer = try await solve.value
        #expect(answer.status == 200)
        #expect(try answer.json()["format"] as? String == "fulfillment-plan/1")
        #expect(await server.stop() == 0)
        let logs = server.logs()
        #expect(logs.contains("database closed"), "\(logs.suffix(2000))")
        // Stopped: nothing listens any more.
        await #expect(throws: (any Error).self) { _ = try await server.send("GET", "/v1/health", timeout: 3) }
    }

    /// `account-unavailable` batches that always apply: account `i % 5`, one day.
    static func batch(_ index: Int) -> Data {
        let accounts = ["reviewer-ana", "reviewer-ben", "reviewer-chloe", "reviewer-dev", "reviewer-eli"]
        let day = String(format: "2026-12-%02d", 8 + index % 20)
        return Data(
            "{\"event\":\"account-unavailable\",\"at\":\"2026-12-01T08:00:00Z\",\"actor\":\"bot-\(index)\",\"account\":\"\(accounts[index % 5])\",\"from\":\"\(day)\",\"to\":\"\(day)\"}\n"
                .utf8)
    }

    @Test func aRestartedServerHoldsEveryAcknowledgedBatch() async throws {
        let folder = try ServerHarness.folder()
        let database = folder + "/rota.sqlite"
        let server = try await ServerHarness(database: database)
        let id = try #require(try await server.post("/v1/schedules", try Bodies.seed).json()["id"] as? String)
        var plans: [Int: Data] = [:]
        for index in 0..<3 {
            let answer = try await server.post("/v1/schedules/\(id)/events?today=2026-12-01", Self.batch(index), headers: ["If-Match": "\(index + 1)"])
            #expect(answer.status == 200, "\(answer.text)")
            plans[index + 2] = try await server.get("/v1/schedules/\(id)/plan?version=\(index + 2)").body
        }
        #expect(await server.stop() == 0)
        try await ServerHarness.with(database: database) { server in
            #expect(try await server.get("/v1/schedules/\(id)").json()["version"] as? Int == 4)
            for (version, plan) in plans {
                #expect(try await server.get("/v1/schedules/\(id)/plan?version=\(version)").body == plan)
            }
            let audit = try await server.get("/v1/schedules/\(id)/audit").text.split(separator: "\n").map(String.init)
            #expect(audit.filter { $0.contains("\"kind\":\"replanned\"") }.count == 4)
            #expect(audit.filter { $0.contains("\"kind\":\"account-changed\"") }.count == 3)
            #expect(try Schedules.verify(audit, in: folder) == 0)
        }
    }

    @Test func sigkillMidBatchLosesNothingAcknowledgedAndAppliesNothingHalf() async throws {
        let folder = try ServerHarness.folder()
        let database = folder + "/rota.sqlite"
        let killed = try await ServerHarness(database: database)
        let id = try #require(try await killed.post("/v1/schedules", try Bodies.seed).json()["id"] as? String)
        actor Acknowledged {
            var version = 1
            func set(_ v: Int) { version = v }
        }
        let acknowledged = Acknowledged()
        let poster = Task {
            var index = 0
            while !Task.isCancelled {
                let answer = try await killed.post("/v1/schedules/\(id)/events?today=2026-12-01", Self.batch(index))
                guard answer.status == 200, let version = try answer.json()["version"] as? Int else { break }
                await acknowledged.set(version)
                index += 1
            }
        }
        // Kill while batches stream in: one is in flight (decoded, replanning or committing).
        while await acknowledged.version < 4 { try await Task.sleep(for: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...60)))
        await killed.kill()
        _ = await poster.result
        let last = await acknowledged.version

        try await ServerHarness.with(database: database) { server in
            let version = try #require(try await server.get("/v1/schedules/\(id)").json()["version"] as? Int)
            #expect(version >= last)
            #expect(version <= last + 1)  // the batch in flight: committed whole or not at all
            let audit = try await server.get("/v1/schedules/\(id)/audit").text.split(separator: "\n").map(String.init)
            #expect(try Schedules.verify(audit, in: folder) == 0)
            // Whole batches only: one replanned record and one account change per version.
            #expect(audit.filter { $0.contains("\"kind\":\"replanned\"") }.count == version)
            #expect(audit.filter { $0.contains("\"kind\":\"account-changed\"") }.count == version - 1)
            for v in 1...version {
                #expect(try await server.get("/v1/schedules/\(id)/plan?version=\(v)").status == 200)
            }
            // The store goes on from there.
            let next = try await server.post("/v1/schedules/\(id)/events?today=2026-12-01", Self.batch(99), headers: ["If-Match": "\(version)"])
            #expect(next.status == 200)
        }
    }
}
