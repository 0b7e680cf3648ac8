import Foundation
import Rota
import Testing

/// `rota replay` against a real chain of `rota reschedule` runs: the first plan plus the chain's
/// events (each batch closed by its reschedule marker) give the chain's last plan, task for task.
@Suite struct CLIReplayTests {
    /// Runs a chain of `steps` reschedules of a generated `family` instance with `solver`
    /// (random events from `EventSampler`), writing the replay file as it goes; returns the
    /// folder, the chain's last plan and instance, and the replay file.
    static func chain(family: String, seed: UInt64, steps: Int, solver: String) throws
        -> (dir: TemporaryDirectory, last: String, lastInstance: String, chain: String)
    {
        let dir = try TemporaryDirectory()
        let generated = try CLIHarness.run(["generate", "--family", family, "--seed", "\(seed)", "-o", dir.path("i0.json")])
        #expect(generated.status == 0, "\(generated.stderr)")
        let solved = try CLIHarness.run(["solve", dir.path("i0.json"), "--solver", solver, "-o", dir.path("p0.json"), "--quiet"])
        #expect(solved.status == 0, "\(solved.stderr)")
        var rng = SplitMix64(seed: seed)
        var chainLines: [String] = []
        var today = try RotaJSON.loadInstance(from: dir.path("i0.json")).start
        for k in 1...steps {
            let instance = try RotaJSON.loadInstance(from: dir.path("i\(k - 1).json"))
            let plan = try RotaJSON.loadPlan(from: dir.path("p\(k - 1).json"))
            today = today + rng.int(in: 1...3)
            let events = EventSampler(instance: instance, plan: plan, today: today).events(count: rng.int(in: 2...6), rng: &rng)
            let lines = events.map(EventEncoder.line)
            try (lines.map { $0 + "\n" }.joined()).write(toFile: dir.path("e\(k).jsonl"), atomically: true, encoding: .utf8)
            let run = try CLIHarness.run([
                "reschedule", dir.path("i\(k - 1).json"), dir.path("p\(k - 1).json"), "--events", dir.path("e\(k).jsonl"),
                "--today", today.iso, "--solver", solver, "-o", dir.path("p\(k).json"), "--instance-out", dir.path("i\(k).json"),
                "--audit", dir.path("audit.jsonl"), "--quiet",
            ])
            #expect(run.status == 0, "step \(k): \(run.stderr)")
            // The odd batches name their solver in the marker; the even ones leave it to --solver.
            chainLines += lines + [EventEncoder.marker(today: today, solver: k % 2 == 1 ? solver : nil)]
        }
        try (chainLines.map { $0 + "\n" }.joined()).write(toFile: dir.path("chain.jsonl"), atomically: true, encoding: .utf8)
        return (dir, dir.path("p\(steps).json"), dir.path("i\(steps).json"), dir.path("chain.jsonl"))
    }

    @Test(arguments: [("greedy", 4 as UInt64), ("flow", 5), ("auto", 6)])
    func replayEqualsTheChain(solver: String, seed: UInt64) throws {
        let (dir, last, lastInstance, chain) = try Self.chain(family: "resched", seed: seed, steps: 4, solver: solver)
        let replay = try CLIHarness.run([
            "replay", dir.path("i0.json"), dir.path("p0.json"), "--events", chain, "--solver", solver, "-o",
            dir.path("replayed.json"), "--instance-out", dir.path("replayed-instance.json"),
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("reschedule 4 of 4"), "\(replay.stderr)")
        let chained = try RotaJSON.loadPlan(from: last)
        let replayed = try RotaJSON.loadPlan(from: dir.path("replayed.json"))
        #expect(replayed.tasks == chained.tasks)
        #expect(replayed.unscheduled == chained.unscheduled)
        #expect(try RotaJSON.loadInstance(from: dir.path("replayed-instance.json")) == RotaJSON.loadInstance(from: lastInstance))
        // The lines section is the final instance's, as the chain's last reschedule wrote it.
        #expect(replayed.lines == chained.lines)
        #expect(replayed.lines == (try RotaJSON.loadInstance(from: lastInstance)).lineAnnotations)
        let valid = try CLIHarness.run(["validate", lastInstance, dir.path("replayed.json")])
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(try CLIHarness.run(["audit", "verify", dir.path("audit.jsonl"), "--plan", last]).status == 0)
    }

    @Test func aBadChainNamesItsLineAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let solved = try CLIHarness.run(["solve", CLIRescheduleTests.seed, "--solver", "greedy", "-o", dir.path("p0.json"), "--quiet"])
        #expect(solved.status == 0)
        let events = try dir.write(
            "bad.jsonl",
            """
            {"event":"reschedule","today":"2026-12-03","solver":"magic"}
            {"event":"reschedule","today":"2026-12-02","extra":1}
            {"event":"line-cancelled","at":"2026-12-03T09:00:00Z","actor":"ana","line":"ord-101/1"}

            """)
        let run = try CLIHarness.run([
            "replay", CLIRescheduleTests.seed, dir.path("p0.json"), "--events", events, "-o", dir.path("out.json"),
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.jsonl:1: solver: unknown solver"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.jsonl:2: extra: unknown field for a reschedule marker"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.jsonl:2: today: 2026-12-02 is before the previous reschedule's day"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.jsonl:3: events after the last reschedule marker"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.json")))

        // An event that does not apply names the batch's marker and the event's line.
        let unknown = try dir.write(
            "unknown.jsonl",
            """
            {"event":"missed","at":"2026-12-03T09:00:00Z","actor":"ana","task":"P:nowhere/1"}
            {"event":"reschedule","today":"2026-12-03"}

            """)
        let failed = try CLIHarness.run([
            "replay", CLIRescheduleTests.seed, dir.path("p0.json"), "--events", unknown, "-o", dir.path("out.json"),
        ])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("unknown.jsonl:2, --today 2026-12-03): its events do not apply"), "\(failed.stderr)")
        #expect(failed.stderr.contains("unknown.jsonl:1: task: unknown task"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.json")))
    }

    /// An override in a batch is a hard constraint, as in `rota reschedule`: one that cannot
    /// be honoured stops the replay with its rule, and nothing is written.
    @Test func anImpossibleOverrideStopsTheReplay() throws {
        let dir = try TemporaryDirectory()
        let solved = try CLIHarness.run(["solve", CLIRescheduleTests.seed, "--solver", "greedy", "-o", dir.path("p0.json"), "--quiet"])
        #expect(solved.status == 0)
        // reviewer-ben is off on 2026-12-05 and 06.
        let events = try dir.write(
            "pin.jsonl",
            """
            {"event":"override","at":"2026-12-03T09:00:00Z","actor":"lee","line":"ord-101/3","reasonCode":"vip-customer","pin":{"account":"reviewer-ben","date":"2026-12-06"}}
            {"event":"reschedule","today":"2026-12-03"}

            """)
        let run = try CLIHarness.run([
            "replay", CLIRescheduleTests.seed, dir.path("p0.json"), "--events", events, "-o", dir.path("out.json"),
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pin.jsonl:2, --today 2026-12-03): an override cannot be honoured; nothing was written"), "\(run.stderr)")
        #expect(run.stderr.contains("breaks rule 3 (no work on unavailable days)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.json")))
    }

    @Test func helpHasAnExample() throws {
        let help = try CLIHarness.run(["help", "replay"])
        #expect(help.stdout.contains("rota replay w.json p.json --events chain.jsonl -o replayed.json"), "\(help.stdout)")
    }
}
