import Foundation
import Testing

/// `rota reschedule`, `rota audit` and `rota explain` through the command line.
@Suite struct CLIRescheduleTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("instances/seed.json").path

    /// The seed's greedy plan in a fresh folder, and its first two purchases.
    static func planned() throws -> (dir: TemporaryDirectory, plan: String, purchases: [[String: Any]]) {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json")
        let solved = try CLIHarness.run(["solve", seed, "--solver", "greedy", "-o", plan, "--quiet"])
        #expect(solved.status == 0, "\(solved.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any]
        let tasks = (json?["tasks"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "purchase" }
        return (dir, plan, tasks)
    }

    static func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func reschedulesValidlyWithAnIntactAuditLog() throws {
        let (dir, plan, purchases) = try Self.planned()
        let first = try #require(purchases.first)
        let second = purchases[1]
        try Self.write([
            #"{"event":"completed","at":"2026-12-02T09:00:00Z","actor":"bot","task":"\#(first["id"]!)","date":"\#(first["date"]!)"}"#,
            #"{"event":"missed","at":"2026-12-02T09:01:00Z","actor":"bot","task":"\#(second["id"]!)"}"#,
        ], to: dir.path("events.jsonl"))
        let run = try CLIHarness.run([
            "reschedule", Self.seed, plan, "--events", dir.path("events.jsonl"), "--today", "2026-12-02", "-o",
            dir.path("new.json"), "--instance-out", dir.path("inst.json"), "--audit", dir.path("audit.jsonl"), "--actor", "ana",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let valid = try CLIHarness.run(["validate", dir.path("inst.json"), dir.path("new.json")])
        #expect(valid.status == 0, "\(valid.stdout)")
        let verify = try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl"), "--plan", dir.path("new.json")])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let shown = try CLIHarness.run(["audit", dir.path("audit.jsonl"), "--line", "\(second["line"]!)"])
        #expect(shown.stdout.contains("missed"), "\(shown.stdout)")
        // The next reschedule starts from what this one wrote.
        try Self.write([], to: dir.path("none.jsonl"))
        let again = try CLIHarness.run([
            "reschedule", dir.path("inst.json"), dir.path("new.json"), "--events", dir.path("none.jsonl"), "--today",
            "2026-12-03", "-o", dir.path("new2.json"), "--instance-out", dir.path("inst2.json"), "--audit",
            dir.path("audit.jsonl"), "--quiet",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl"), "--plan", dir.path("new2.json")]).status == 0)
    }

    /// The new plan's lines section speaks of the new instance: a cancelled line is gone from
    /// it; `--no-line-annotations` leaves the section out.
    @Test func theNewPlanAnnotatesTheNewInstancesLines() throws {
        let (dir, plan, purchases) = try Self.planned()
        let cancelled = try #require(purchases.last?["line"] as? String)
        try Self.write([
            #"{"event":"line-cancelled","at":"2026-12-01T08:00:00Z","actor":"ana","line":"\#(cancelled)"}"#
        ], to: dir.path("events.jsonl"))
        for (flag, output) in [(nil, "new.json"), ("--no-line-annotations", "bare.json")] {
            let run = try CLIHarness.run(
                ["reschedule", Self.seed, plan, "--events", dir.path("events.jsonl"), "--today", "2026-12-01", "-o",
                 dir.path(output), "--instance-out", dir.path("inst.json"), "--quiet"] + (flag.map { [$0] } ?? []))
            #expect(run.status == 0, "\(run.stderr)")
        }
        func lines(_ file: String) throws -> [String]? {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path(file)))) as? [String: Any]
            return (json?["lines"] as? [[String: Any]])?.compactMap { $0["line"] as? String }
        }
        let annotated = try #require(try lines("new.json"))
        #expect(!annotated.contains(cancelled))
        #expect(annotated.count == 40, "the seed's 41 lines, one cancelled")
        #expect(try lines("bare.json") == nil)
    }

    @Test func noEventsOnTheStartMoveNothing() throws {
        let (dir, plan, _) = try Self.planned()
        try Self.write([], to: dir.path("none.jsonl"))
        let run = try CLIHarness.run([
            "reschedule", Self.seed, plan, "--events", dir.path("none.jsonl"), "--today", "2026-12-01", "-o",
            dir.path("new.json"), "--instance-out", dir.path("inst.json"), "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let score = try CLIHarness.run(["score", Self.seed, dir.path("new.json"), "--previous", plan])
        #expect(score.stdout.contains("0 moved, 0 added, 0 removed"), "\(score.stdout)")
    }

    @Test func aBadEventNamesItsLineAndWritesNothing() throws {
        let (dir, plan, _) = try Self.planned()
        try Self.write([
            #"{"event":"missed","at":"2026-12-02T09:00:00Z","actor":"bot","task":"no-such-task"}"#,
            #"{"event":"override","at":"2026-12-02T09:00:00Z","actor":"lee","line":"ord-101/1","forbid":"reviewer-ana"}"#,
        ], to: dir.path("events.jsonl"))
        let run = try CLIHarness.run([
            "reschedule", Self.seed, plan, "--events", dir.path("events.jsonl"), "--today", "2026-12-02", "-o",
            dir.path("new.json"), "--instance-out", dir.path("inst.json"), "--audit", dir.path("audit.jsonl"),
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("events.jsonl:2: reasonCode: missing"), "\(run.stderr)")
        for file in ["new.json", "inst.json", "audit.jsonl"] {
            #expect(!FileManager.default.fileExists(atPath: dir.path(file)), "\(file) was written")
        }
        try Self.write([#"{"event":"missed","at":"2026-12-02T09:00:00Z","actor":"bot","task":"no-such-task"}"#], to: dir.path("e2.jsonl"))
        let unknown = try CLIHarness.run([
            "reschedule", Self.seed, plan, "--events", dir.path("e2.jsonl"), "--today", "2026-12-02", "-o",
            dir.path("new.json"), "--instance-out", dir.path("inst.json"),
        ])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("e2.jsonl:1: task: unknown task \"no-such-task\""), "\(unknown.stderr)")
    }

    @Test func explainNamesTheBlockingRule() throws {
        let (dir, plan, _) = try Self.planned()
        defer { withExtendedLifetime(dir) {} }
        let run = try CLIHarness.run(["explain", Self.seed, plan, "ord-112/2", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(json.first?["line"] as? String == "ord-112/2")
        let unknown = try CLIHarness.run(["explain", Self.seed, plan, "nope"])
        #expect(unknown.status == 2)
    }
}

/// Every error message of `reschedule` and `audit` that the tests above do not show.
@Suite struct CLIRescheduleErrorTests {
    @Test func usageErrorsAreExplained() throws {
        let (dir, plan, _) = try CLIRescheduleTests.planned()
        try CLIRescheduleTests.write([], to: dir.path("none.jsonl"))
        let base = ["reschedule", CLIRescheduleTests.seed, plan, "--events", dir.path("none.jsonl")]
        let badDay = try CLIHarness.run(base + ["--today", "05/12", "-o", dir.path("a.json"), "--instance-out", dir.path("b.json")])
        #expect(badDay.status == 2)
        #expect(badDay.stderr.contains("--today expects a date YYYY-MM-DD, got 05/12"), "\(badDay.stderr)")
        let same = try CLIHarness.run(base + ["--today", "2026-12-01", "-o", dir.path("a.json"), "--instance-out", dir.path("a.json")])
        #expect(same.status == 2)
        #expect(same.stderr.contains("-o and --instance-out must be different files"), "\(same.stderr)")
        let outside = try CLIHarness.run(base + ["--today", "2020-01-01", "-o", dir.path("a.json"), "--instance-out", dir.path("b.json")])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("--today 2020-01-01 is outside the instance's days"), "\(outside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("a.json")))
    }

    @Test func aPlanForAnotherInstanceAndAnImpossiblePinAreRefused() throws {
        let (dir, plan, _) = try CLIRescheduleTests.planned()
        try CLIRescheduleTests.write([], to: dir.path("none.jsonl"))
        let other = dir.path("other.json")
        #expect(try CLIHarness.run(["generate", "--family", "tiny", "--seed", "1", "-o", other, "--quiet"]).status == 0)
        let wrong = try CLIHarness.run([
            "reschedule", other, plan, "--events", dir.path("none.jsonl"), "--today", "2026-12-01", "-o",
            dir.path("a.json"), "--instance-out", dir.path("b.json"),
        ])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("the plan does not fit"), "\(wrong.stderr)")
        // reviewer-ben is off on 2026-12-05: a pin there breaks rule 3, and nothing is written.
        try CLIRescheduleTests.write([
            #"{"event":"override","at":"2026-12-02T09:00:00Z","actor":"lee","line":"ord-101/1","reasonCode":"expedite","weight":3}"#,
            #"{"event":"override","at":"2026-12-02T09:01:00Z","actor":"lee","line":"ord-101/2","reasonCode":"vip-customer","pin":{"account":"reviewer-ben","date":"2026-12-05"}}"#,
        ], to: dir.path("override.jsonl"))
        let override = try CLIHarness.run([
            "reschedule", CLIRescheduleTests.seed, plan, "--events", dir.path("override.jsonl"), "--today", "2026-12-01",
            "-o", dir.path("a.json"), "--instance-out", dir.path("b.json"), "--audit", dir.path("audit.jsonl"),
        ])
        #expect(override.status == 2)
        #expect(override.stderr.contains("override.jsonl:2: the override of line ord-101/2 breaks rule 3 (no work on unavailable days): line ord-101/2 is pinned to reviewer-ben on 2026-12-05: reviewer-ben is unavailable on 2026-12-05"), "\(override.stderr)")
        for file in ["a.json", "b.json", "audit.jsonl"] { #expect(!FileManager.default.fileExists(atPath: dir.path(file))) }
    }

    @Test func auditErrorsAreExplained() throws {
        let dir = try TemporaryDirectory()
        let missing = try CLIHarness.run(["audit", "verify", dir.path("none.jsonl")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.jsonl: cannot read: no such file"), "\(missing.stderr)")
        #expect(try CLIHarness.run(["audit", dir.path("none.jsonl")]).status == 2)
        try #"{"seq":1}"#.appending("\n").write(toFile: dir.path("bad.jsonl"), atomically: true, encoding: .utf8)
        let bad = try CLIHarness.run(["audit", dir.path("bad.jsonl")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.jsonl:1: kind: missing"), "\(bad.stderr)")
        let broken = try CLIHarness.run(["audit", "verify", dir.path("bad.jsonl")])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken: 1 problem(s) in 1 records"), "\(broken.stdout)")
        let since = try CLIHarness.run(["audit", dir.path("bad.jsonl"), "--since", "yesterday"])
        #expect(since.status == 2)
        #expect(since.stderr.contains("--since expects a date YYYY-MM-DD, got yesterday"), "\(since.stderr)")
    }
}
