import Foundation
import Testing

/// Overrides from the command line (#11): `rota solve` honours an instance's overrides and
/// refuses one that cannot hold (exit 2, the rule named, nothing written); `rota reschedule`
/// applies override events, carries them forward in `--instance-out` and audits them; `rota
/// score` reports the override rate.
@Suite struct CLIOverrideTests {
    /// The seed instance with `overrides` added.
    static func seed(with overrides: [[String: Any]], in dir: TemporaryDirectory) throws -> String {
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLIRescheduleTests.seed)))
                as? [String: Any])
        json["overrides"] = overrides
        let path = dir.path("seed-overrides.json")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["greedy", "flow", "auto"])
    func solveHonoursPinsAndForbids(solver: String) throws {
        let dir = try TemporaryDirectory()
        let instance = try Self.seed(with: [
            ["line": "ord-101/1", "reasonCode": "vip-customer", "pin": ["account": "reviewer-eli", "date": "2026-12-03"]],
            ["line": "ord-101/2", "reasonCode": "account-issue", "forbid": ["reviewer-ana", "reviewer-ben"]],
        ], in: dir)
        let run = try CLIHarness.run(["solve", instance, "--solver", solver, "-o", dir.path("plan.json"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let valid = try CLIHarness.run(["validate", instance, dir.path("plan.json")])
        #expect(valid.status == 0, "\(valid.stdout)")
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("plan.json")))) as? [String: Any])
        let tasks = plan["tasks"] as? [[String: Any]] ?? []
        let pinned = try #require(tasks.first { $0["line"] as? String == "ord-101/1" && $0["kind"] as? String == "purchase" })
        #expect(pinned["account"] as? String == "reviewer-eli")
        #expect(pinned["date"] as? String == "2026-12-03")
        for task in tasks where task["line"] as? String == "ord-101/2" {
            #expect(!["reviewer-ana", "reviewer-ben"].contains(task["account"] as? String ?? ""))
        }
        let score = try CLIHarness.run(["score", instance, dir.path("plan.json"), "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let rate = try #require((json["metrics"] as? [String: Any])?["overrides"] as? [String: Any])
        #expect(rate["overriddenLines"] as? Int == 2)
        #expect(rate["lines"] as? Int == 41)
        let text = try CLIHarness.run(["score", instance, dir.path("plan.json")])
        #expect(text.stdout.contains("2 of 41 lines (4.9%)"), "\(text.stdout)")
    }

    /// An instance's policy may add reason codes (`policy.reasonCodes`): its overrides may use
    /// them, a KPI target can gate the override rate, and without the code the file is refused.
    @Test func policyReasonCodesAndTheOverrideRateGate() throws {
        let dir = try TemporaryDirectory()
        let override: [String: Any] = ["line": "ord-101/1", "reasonCode": "vendor-delay", "weight": 3]
        let refused = try Self.seed(with: [override], in: dir)
        let bad = try CLIHarness.run(["solve", refused, "-o", dir.path("bad.json")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown reason code \"vendor-delay\""), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("bad.json")))

        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: refused))) as? [String: Any])
        var policy = json["policy"] as? [String: Any] ?? [:]
        policy["reasonCodes"] = ["vendor-delay"]
        json["policy"] = policy
        let instance = dir.path("seed-codes.json")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: instance))
        let run = try CLIHarness.run(["solve", instance, "-o", dir.path("plan.json"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let met = try CLIHarness.run(["score", instance, dir.path("plan.json"), "--require", "overrides.rate<0.05"])
        #expect(met.status == 0, "\(met.stderr)")
        let missed = try CLIHarness.run(["score", instance, dir.path("plan.json"), "--require", "overrides.overriddenLines==0"])
        #expect(missed.status == 1)
        #expect(missed.stderr.contains("overrides.overriddenLines = 1"), "\(missed.stderr)")

        // The instance's codes hold for reschedule's events too, and --instance-out keeps them.
        let events = dir.path("events.jsonl")
        try Data(
            (#"{"event":"override","at":"2026-12-02T09:00:00Z","actor":"lee","line":"ord-101/2","reasonCode":"vendor-delay","weight":2}"#
                + "\n").utf8
        ).write(to: URL(fileURLWithPath: events))
        let rescheduled = try CLIHarness.run([
            "reschedule", instance, dir.path("plan.json"), "--events", events, "--today", "2026-12-02",
            "-o", dir.path("new.json"), "--instance-out", dir.path("inst.json"), "--quiet",
        ])
        #expect(rescheduled.status == 0, "\(rescheduled.stderr)")
        let out = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("inst.json")))) as? [String: Any])
        #expect((out["policy"] as? [String: Any])?["reasonCodes"] as? [String] == ["vendor-delay"])
        let unknownCode = try CLIHarness.run([
            "reschedule", CLIRescheduleTests.seed, dir.path("plan.json"), "--events", events, "--today", "2026-12-02",
            "-o", dir.path("new2.json"), "--instance-out", dir.path("inst2.json"),
        ])
        #expect(unknownCode.status == 2)
        #expect(unknownCode.stderr.contains("unknown reason code \"vendor-delay\""), "\(unknownCode.stderr)")
    }

    @Test func anImpossiblePinIsRefusedWithItsRule() throws {
        let dir = try TemporaryDirectory()
        // reviewer-ben is off on 2026-12-05 and 06.
        let instance = try Self.seed(with: [
            ["line": "ord-101/1", "reasonCode": "expedite", "weight": 4],
            ["line": "ord-101/3", "reasonCode": "vip-customer", "pin": ["account": "reviewer-ben", "date": "2026-12-06"]],
        ], in: dir)
        let run = try CLIHarness.run(["solve", instance, "-o", dir.path("plan.json")])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(
                "seed-overrides.json: overrides[1]: the override of line ord-101/3 breaks rule 3 (no work on unavailable days): line ord-101/3 is pinned to reviewer-ben on 2026-12-06: reviewer-ben is unavailable on 2026-12-06"),
            "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("plan.json")))
        // A bad override is an input error with its path.
        let unknown = try Self.seed(with: [["line": "ord-101/1", "reasonCode": "because", "forbid": "reviewer-zed"]], in: dir)
        let bad = try CLIHarness.run(["solve", unknown, "-o", dir.path("plan.json")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(#"overrides[0].reasonCode: unknown reason code "because""#), "\(bad.stderr)")
        #expect(bad.stderr.contains(#"overrides[0].forbid[0]: unknown account "reviewer-zed""#), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("plan.json")))
    }

    @Test func rescheduleAppliesOverrideEventsAndCarriesThemForward() throws {
        let (dir, plan, _) = try CLIRescheduleTests.planned()
        try CLIRescheduleTests.write([
            #"{"event":"override","at":"2026-12-02T09:00:00Z","actor":"lee","line":"ord-112/1","reasonCode":"vip-customer","pin":{"account":"reviewer-dev","date":"2026-12-03"}}"#,
            #"{"event":"override","at":"2026-12-02T09:01:00Z","actor":"lee","line":"ord-112/2","reasonCode":"capacity-conflict","forbid":"reviewer-ana"}"#,
            #"{"event":"override","at":"2026-12-02T09:02:00Z","actor":"kim","line":"ord-101/1","reasonCode":"expedite","weight":9}"#,
        ], to: dir.path("events.jsonl"))
        for solver in ["greedy", "auto"] {
            let run = try CLIHarness.run([
                "reschedule", CLIRescheduleTests.seed, plan, "--events", dir.path("events.jsonl"), "--today", "2026-12-02",
                "-o", dir.path("new-\(solver).json"), "--instance-out", dir.path("inst-\(solver).json"), "--audit",
                dir.path("audit-\(solver).jsonl"), "--solver", solver, "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let valid = try CLIHarness.run(["validate", dir.path("inst-\(solver).json"), dir.path("new-\(solver).json")])
            #expect(valid.status == 0, "\(valid.stdout)")
            let instance = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("inst-\(solver).json"))))
                    as? [String: Any])
            let overrides = instance["overrides"] as? [[String: Any]] ?? []
            #expect(overrides.count == 3)
            #expect(overrides.first?["actor"] as? String == "lee")
            #expect((overrides.first?["pin"] as? [String: Any])?["account"] as? String == "reviewer-dev")
            let newPlan = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("new-\(solver).json"))))
                    as? [String: Any])
            let tasks = newPlan["tasks"] as? [[String: Any]] ?? []
            let pinned = tasks.first { $0["line"] as? String == "ord-112/1" && $0["kind"] as? String == "purchase" }
            #expect(pinned?["account"] as? String == "reviewer-dev")
            #expect(pinned?["date"] as? String == "2026-12-03")
            let audit = try String(contentsOfFile: dir.path("audit-\(solver).jsonl"), encoding: .utf8)
            #expect(audit.contains(#""kind":"pinned""#), "\(audit)")
            #expect(audit.contains(#""reasonCode":"vip-customer""#))
            #expect(audit.contains(#""actor":"lee""#))
            #expect(try CLIHarness.run(["audit", "verify", dir.path("audit-\(solver).jsonl")]).status == 0)
        }
        // The next reschedule, from the instance written, keeps honouring the pin.
        try CLIRescheduleTests.write([], to: dir.path("none.jsonl"))
        let again = try CLIHarness.run([
            "reschedule", dir.path("inst-greedy.json"), dir.path("new-greedy.json"), "--events", dir.path("none.jsonl"),
            "--today", "2026-12-03", "-o", dir.path("new2.json"), "--instance-out", dir.path("inst2.json"), "--quiet",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try CLIHarness.run(["validate", dir.path("inst2.json"), dir.path("new2.json")]).status == 0)
    }
}
