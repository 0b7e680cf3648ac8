import Foundation
import Testing

/// A real `rota reschedule` process killed (SIGKILL) between the audit append and the renames
/// of its outputs, at the command's test-only pause point (`ROTA_TEST_PAUSE_AFTER_AUDIT`):
/// the log still verifies, the old plan and the files the command would have replaced are
/// byte for byte as they were, no temporary file is left, and a rerun succeeds, after which
/// `rota audit verify` notes the killed run as an orphan (docs/AUDIT.md, "Durability").
@Suite struct CLIRescheduleKillTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static func listing(_ dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    }

    @Test func killedAfterTheAuditAppendLeavesAValidLogAndTheOldPlan() throws {
        let (dir, plan, purchases) = try CLIRescheduleTests.planned()
        let first = try #require(purchases.first)
        try CLIRescheduleTests.write(
            [#"{"event":"missed","at":"2026-12-02T09:01:00Z","actor":"bot","task":"\#(first["id"]!)"}"#],
            to: dir.path("events.jsonl"))
        // A first reschedule that lands, so the log has a run before the killed one.
        try CLIRescheduleTests.write([], to: dir.path("none.jsonl"))
        let landed = try CLIHarness.run([
            "reschedule", CLIRescheduleTests.seed, plan, "--events", dir.path("none.jsonl"), "--today", "2026-12-01", "-o",
            dir.path("plan-2.json"), "--instance-out", dir.path("week-2.json"), "--audit", dir.path("audit.jsonl"), "--quiet",
        ])
        #expect(landed.status == 0, "\(landed.stderr)")
        // The outputs of the killed run exist already (last week's files, say): they must stay as they are.
        try Data("old plan-3\n".utf8).write(to: dir.url.appendingPathComponent("plan-3.json"))
        try Data("old week-3\n".utf8).write(to: dir.url.appendingPathComponent("week-3.json"))
        let before = try (
            plan: Self.bytes(dir.path("plan-2.json")), instance: Self.bytes(dir.path("week-2.json")),
            out: Self.bytes(dir.path("plan-3.json")), instanceOut: Self.bytes(dir.path("week-3.json")),
            log: Self.bytes(dir.path("audit.jsonl")), files: Self.listing(dir))

        let arguments = [
            "reschedule", dir.path("week-2.json"), dir.path("plan-2.json"), "--events", dir.path("events.jsonl"), "--today",
            "2026-12-02", "-o", dir.path("plan-3.json"), "--instance-out", dir.path("week-3.json"), "--audit",
            dir.path("audit.jsonl"), "--actor", "ana", "--quiet",
        ]
        let pauseMarker = dir.url.deletingLastPathComponent().appendingPathComponent("rota-pause-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pauseMarker) }
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["ROTA_TEST_PAUSE_AFTER_AUDIT": pauseMarker]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: pauseMarker) && process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        #expect(FileManager.default.fileExists(atPath: pauseMarker), "the reschedule never reached its pause point")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        // The log verifies and has grown by the killed run's records; everything else is untouched.
        let verify = try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl")])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let log = try Self.bytes(dir.path("audit.jsonl"))
        #expect(log.count > before.log.count && log.prefix(before.log.count) == before.log)
        #expect(try Self.bytes(dir.path("plan-2.json")) == before.plan)
        #expect(try Self.bytes(dir.path("week-2.json")) == before.instance)
        #expect(try Self.bytes(dir.path("plan-3.json")) == before.out)
        #expect(try Self.bytes(dir.path("week-3.json")) == before.instanceOut)
        #expect(try Self.listing(dir) == before.files, "a temporary or new file was left behind")
        // The killed run's plan never landed: the log's last run does not name the current plan.
        let current = try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl"), "--plan", dir.path("plan-2.json")])
        #expect(current.status == 1)
        #expect(current.stderr.contains("the last replanned record names"), "\(current.stderr)")

        // The same reschedule again: it lands, and verify notes the killed run as an orphan.
        let rerun = try CLIHarness.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let valid = try CLIHarness.run(["validate", dir.path("week-3.json"), dir.path("plan-3.json")])
        #expect(valid.status == 0, "\(valid.stdout)")
        let after = try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl"), "--plan", dir.path("plan-3.json")])
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stderr.contains("orphan run: its plan sha256:"), "\(after.stderr)")
        #expect(after.stderr.contains("was never installed"), "\(after.stderr)")
    }
}
