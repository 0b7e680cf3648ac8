import Foundation
import Testing

/// Issue #8, input hardening, through the command line: endless or binary input is refused at
/// once or at `ROTA_MAX_INPUT_BYTES`, dates stay within 9999-12-31, weights cannot overflow,
/// inconsistent history and control characters are bad input (exit 2, one line naming the
/// file and the JSON path, nothing written), and echoed values are cut.
@Suite struct CLIHardeningInputTests {
    /// A small valid instance; each test edits it.
    static let valid = """
        {
          "format": "fulfillment-instance/1",
          "name": "hardening",
          "start": "2026-12-01",
          "horizonDays": 30,
          "rules": { "reviewLagDays": 2 },
          "accounts": [ { "id": "acct-1", "dailyLimit": 2 }, { "id": "acct-2", "dailyLimit": 2 } ],
          "orders": [
            { "id": "ord-1", "createdAt": "2026-11-30", "slaTier": "high",
              "indices": { "sla": 1, "value": 0.5 },
              "lines": [ { "id": "ord-1/1", "item": "book-a" }, { "id": "ord-1/2", "item": "book-b" } ] },
            { "id": "ord-2", "dueDate": "2026-12-03", "lines": [ { "id": "ord-2/1", "item": "book-a" } ] }
          ],
          "policy": { "weights": { "sla": 0.5, "value": 0.5 }, "slaTierDays": { "high": 3 } },
          "existing": [
            { "id": "P:ord-1/1", "kind": "purchase", "line": "ord-1/1", "order": "ord-1", "item": "book-a",
              "account": "acct-1", "date": "2026-11-28", "status": "completed" },
            { "id": "R:ord-1/1", "kind": "review", "line": "ord-1/1", "order": "ord-1", "item": "book-a",
              "account": "acct-1", "date": "2026-11-30", "status": "completed", "after": "P:ord-1/1" }
          ]
        }
        """

    /// Runs `rota` with extra environment variables; also returns how long it took.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (output: CLIHarness.Output, seconds: Double)
    {
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let began = clock.now
        try process.run()
        // Standard error is read on its own thread: a long message must not block the child.
        let errors = ErrorCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.data()
        process.waitUntilExit()
        let elapsed = clock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (
            CLIHarness.Output(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self)),
            seconds
        )
    }

    /// Bad input: exit 2, one `rota: error:` line containing `expected`, nothing on stdout.
    static func expectBadInput(
        _ result: CLIHarness.Output, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("rota: error: ") == true, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// `solve` of the edited instance must fail as bad input naming `expected`, writing nothing.
    static func expectSolveRejects(
        _ edit: (String) -> String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("bad.json", edit(valid))
        let plan = dir.path("plan.json")
        let (result, _) = try run(["solve", instance, "-o", plan])
        expectBadInput(result, "\(instance): \(expected)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: plan), sourceLocation: sourceLocation)
    }

    // MARK: 3. endless, enormous or binary input

    @Test(arguments: ["/dev/zero", "/dev/urandom"])
    func endlessDevicesAreRefusedAtOnce(_ device: String) throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ok.json", Self.valid)
        let plan = try dir.write("plan.json", try Self.solvedPlan(instance))
        let commands: [[String]] = [
            ["solve", device],
            ["solve", instance, "--policy", device],
            ["validate", instance, device],
            ["score", instance, plan, "--previous", device],
            ["compare", instance, plan, device],
            ["import-solution", instance, device],
            ["regress", "--baseline", device],
        ]
        for command in commands {
            let (result, seconds) = try Self.run(command)
            Self.expectBadInput(result, "\(device): expected")
            #expect(seconds < 5, "\(command): \(seconds) s")
        }
    }

    @Test func binaryFileIsNotJSON() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("zeros.json")
        try Data(count: 100).write(to: URL(fileURLWithPath: path))
        let (result, _) = try Self.run(["solve", path])
        Self.expectBadInput(
            result, "\(path): expected a JSON document starting with '{' or '[', got byte 0x00 at line 1, column 1")
    }

    @Test func fifoOfEndlessSpacesStopsAtTheLimit() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.path("endless.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "exec yes ' ' > \"$0\"", fifo]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer {
            writer.terminate()
            writer.waitUntilExit()
        }
        let (result, seconds) = try Self.run(["solve", fifo], environment: ["ROTA_MAX_INPUT_BYTES": "1000"])
        Self.expectBadInput(
            result, "\(fifo): larger than the input limit of 1000 bytes; set ROTA_MAX_INPUT_BYTES to read larger files")
        #expect(seconds < 5)
    }

    @Test func fileOverTheLimitIsRefusedAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("big.json", Self.valid)
        let plan = dir.path("plan.json")
        let limit = ["ROTA_MAX_INPUT_BYTES": "1000"]
        let (result, _) = try Self.run(["solve", instance, "-o", plan], environment: limit)
        Self.expectBadInput(result, "\(instance): larger than the input limit of 1000 bytes; set ROTA_MAX_INPUT_BYTES")
        #expect(!FileManager.default.fileExists(atPath: plan))
        // At the exact size the file is read.
        let size = Self.valid.utf8.count
        let (exact, _) = try Self.run(["solve", instance, "-o", plan], environment: ["ROTA_MAX_INPUT_BYTES": "\(size)"])
        #expect(exact.status == 0, "\(exact.stderr)")
        // Standard input too.
        let (piped, _) = try Self.run(["validate", instance, "-"], environment: ["ROTA_MAX_INPUT_BYTES": "\(size)"])
        #expect(piped.status != 3)
    }

    @Test(arguments: ["", "abc", "0", "-5", "1e3", " 100", "99999999999999999999"])
    func badLimitIsAClearError(_ value: String) throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ok.json", Self.valid)
        let (result, _) = try Self.run(["solve", instance], environment: ["ROTA_MAX_INPUT_BYTES": value])
        Self.expectBadInput(result, "ROTA_MAX_INPUT_BYTES: expected a whole number of bytes from 1 to")
    }

    @Test func solutionFileMustBeText() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ok.json", Self.valid)
        let solution = dir.path("solution.txt")
        try Data([0x72, 0x6F, 0x74, 0x61, 0x0A, 0x01, 0x02]).write(to: URL(fileURLWithPath: solution))
        let (result, _) = try Self.run(["import-solution", instance, solution])
        Self.expectBadInput(result, "\(solution): expected text, got the control byte 0x01 at line 2, column 1")
    }

    // MARK: 4. dates past 9999-12-31

    @Test func horizonPast9999IsRejected() throws {
        try Self.expectSolveRejects(
            {
                $0.replacingOccurrences(of: "\"start\": \"2026-12-01\"", with: "\"start\": \"9999-12-31\"")
                    .replacingOccurrences(of: "\"horizonDays\": 30", with: "\"horizonDays\": 365")
            },
            "horizonDays: the horizon must end by 9999-12-31: starting 9999-12-31, it is at most 1 day, got 365")
    }

    @Test func horizonEndingOn9999IsPlannedAndValid() throws {
        let dir = try TemporaryDirectory()
        let text = Self.valid.replacingOccurrences(of: "\"2026-12-01\"", with: "\"9999-12-20\"")
            .replacingOccurrences(of: "\"horizonDays\": 30", with: "\"horizonDays\": 12")
            .replacingOccurrences(of: "2026-11-28", with: "9999-12-15")
            .replacingOccurrences(of: "2026-11-30", with: "9999-12-18")
            .replacingOccurrences(of: "\"slaTierDays\": { \"high\": 3 }", with: "\"slaTierDays\": { \"high\": 1000000 }")
        let instance = try dir.write("late.json", text)
        let plan = dir.path("plan.json")
        let (solved, _) = try Self.run(["solve", instance, "-o", plan, "--quiet"])
        #expect(solved.status == 0, "\(solved.stderr)")
        let written = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(!written.contains("10000-"))
        let (validated, _) = try Self.run(["validate", instance, plan])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let (scored, _) = try Self.run(["score", instance, plan, "--json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(!scored.stdout.contains("10000-"))
    }

    // MARK: 6. weights that overflow

    @Test func hugeWeightsAreRejected() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"weights\": { \"sla\": 0.5", with: "\"weights\": { \"sla\": 1e308") },
            "policy.weights.sla: must be at most 1000000, got 1e+308")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"indices\": { \"sla\": 1", with: "\"indices\": { \"sla\": 1e300") },
            "orders[0].indices.sla: must be at most 1000000, got 1e+300")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"id\": \"ord-2\",", with: "\"id\": \"ord-2\", \"weight\": 2e6,") },
            "orders[1].weight: must be at most 1000000, got 2000000.0")
    }

    @Test func hugePolicyFileWeightsAreRejected() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ok.json", Self.valid)
        let policy = try dir.write("policy.json", #"{"weights": {"sla": 1e308, "value": 1e308}}"#)
        let (result, _) = try Self.run(["solve", instance, "--policy", policy])
        #expect(result.status == 2)
        // A policy file's weights are from 0 to 1 (docs/POLICY.md).
        #expect(result.stderr.contains("\(policy): weights.sla: expected a weight from 0 to 1, got 1e+308"))
        #expect(result.stdout.isEmpty)
    }

    @Test func compareNeverDecidesOnInfinity() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ok.json", Self.valid)
        let a = try dir.write("a.json", try Self.solvedPlan(instance))
        let (greedy, _) = try Self.run(["solve", instance, "--solver", "seed-greedy", "--quiet"])
        let b = try dir.write("b.json", greedy.stdout)
        for (first, second) in [(a, b), (b, a)] {
            let (result, _) = try Self.run([
                "compare", instance, first, second, "--objective", "weighted:makespan=1e308,unscheduled=1e308",
                "--fail-if-worse",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let verdict = result.stdout.split(separator: "\n").first ?? ""
            #expect(verdict.hasPrefix("No verdict: the weighted objective"), "\(verdict)")
            #expect(verdict.contains("is not a finite number (A inf, B inf)"), "\(verdict)")
        }
        let (json, _) = try Self.run([
            "compare", instance, a, b, "--objective", "weighted:makespan=1e308", "--format", "json",
        ])
        #expect(json.stdout.contains("\"kind\": \"notFinite\""), "\(json.stdout)")
    }

    // MARK: 7. inconsistent history and references

    @Test func completedReviewWithoutCompletedPurchase() throws {
        try Self.expectSolveRejects(
            {
                $0.replacingOccurrences(of: "\"date\": \"2026-11-28\", \"status\": \"completed\"", with: "\"date\": \"2026-11-28\", \"status\": \"missed\"")
                    .replacingOccurrences(of: ", \"after\": \"P:ord-1/1\"", with: "")
            },
            "existing[1]: a completed review of line \"ord-1/1\" needs a completed purchase of that line in existing")
    }

    @Test func afterNamingItselfOrNothing() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"after\": \"P:ord-1/1\"", with: "\"after\": \"R:ord-1/1\"") },
            "existing[1].after: names the review itself; expected the id of the completed purchase of line \"ord-1/1\"")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"after\": \"P:ord-1/1\"", with: "\"after\": \"P:nowhere\"") },
            "existing[1].after: names no task of existing (\"P:nowhere\")")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"after\": \"P:ord-1/1\"", with: "\"after\": \"\"") },
            "existing[1].after: expected a non-empty id")
    }

    @Test func completedTaskAfterTheHorizon() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"date\": \"2026-11-30\", \"status\": \"completed\"", with: "\"date\": \"2099-01-01\", \"status\": \"completed\"") },
            "existing[1].date: a completed task is history: expected a date before the horizon's end 2026-12-31 (start + horizonDays), got 2099-01-01")
    }

    @Test func emptyIds() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "{ \"id\": \"acct-2\"", with: "{ \"id\": \"\"") },
            "accounts[1].id: expected a non-empty id")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "{ \"id\": \"ord-2/1\", \"item\": \"book-a\" }", with: "{ \"id\": \"ord-2/1\", \"item\": \"\" }") },
            "orders[1].lines[0].item: expected a non-empty id")
    }

    @Test func negativeIndex() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"sla\": 1, \"value\": 0.5 }", with: "\"sla\": 1, \"value\": -119 }") },
            "orders[0].indices.value: must not be negative, got -119.0")
    }

    // MARK: 8. control characters

    @Test func controlCharacterInNameIsRejectedBeforeExport() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("ctl.json", Self.valid.replacingOccurrences(of: "\"hardening\"", with: "\"hard\\nening\""))
        for format in ["lp", "mps"] {
            let out = dir.path("model.\(format)")
            let (result, _) = try Self.run(["export", instance, "--format", format, "-o", out])
            Self.expectBadInput(
                result,
                "\(instance): name: expected a name without control characters (U+0000–U+001F, U+007F), got \"hard\\nening\"")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func controlCharacterInIds() throws {
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"acct-2\"", with: "\"acct\\u007f2\"") },
            "accounts[1].id: expected an id without control characters")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"book-b\"", with: "\"book\\tb\"") },
            "orders[0].lines[1].item: expected an id without control characters")
        try Self.expectSolveRejects(
            { $0.replacingOccurrences(of: "\"high\": 3", with: "\"hi\\u0000gh\": 3") },
            "policy.slaTierDays[\"hi\\u0000gh\"]: expected a name without control characters")
    }

    // MARK: 11. echoed values are cut

    @Test func longValuesAreCutInMessages() throws {
        let long = String(repeating: "9", count: 1 << 20)
        let dir = try TemporaryDirectory()
        let instance = try dir.write("long.json", Self.valid.replacingOccurrences(of: "\"2026-12-01\"", with: "\"\(long)\""))
        let (result, _) = try Self.run(["solve", instance])
        Self.expectBadInput(result, "start: expected a date YYYY-MM-DD, got \"\(String(repeating: "9", count: 100))…\" (1048576 characters)")
        #expect(result.stderr.utf8.count < 300)
        let key = try dir.write(
            "key.json", Self.valid.replacingOccurrences(of: "\"sla\": 1, \"value\": 0.5 }", with: "\"\(long)\": -1 }"))
        let (keyed, _) = try Self.run(["solve", key])
        Self.expectBadInput(keyed, "orders[0].indices[\"\(String(repeating: "9", count: 100))…\" (1048576 characters)]")
        #expect(keyed.stderr.utf8.count < 300)
    }

    /// A plan of the instance at `path`, made by `rota solve`.
    static func solvedPlan(_ path: String) throws -> String {
        let (result, _) = try run(["solve", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    private var collected = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            collected = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once it closed.
    func data() -> Data {
        done.wait()
        return collected
    }
}
