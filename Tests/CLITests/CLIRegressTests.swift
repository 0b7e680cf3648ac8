import Foundation
import Testing

/// `rota regress` through the command line: a fresh baseline passes, a deliberately worsened
/// baseline fails with the comparison printed, bad input exits 2; and `rota bench` writes its
/// figures for a small suite with a process per run.
@Suite struct CLIRegressTests {
    /// A folder with two committed-style instances and a fresh baseline made from them.
    struct Gate {
        let dir: TemporaryDirectory
        var instances: String { dir.path("instances") }
        var baseline: String { dir.path("results/baseline.json") }

        init() throws {
            dir = try TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: dir.path("instances"), withIntermediateDirectories: true)
            let made = try CLIHarness.run(["generate", "--family", "tiny", "--seed", "1", "-o", dir.path("instances/tiny-1.json"), "--quiet"])
            #expect(made.status == 0, "\(made.stderr)")
            // The committed tight-1 (the compact shape from before issue 10): its MIP fits a test.
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            try FileManager.default.copyItem(
                atPath: repository.appendingPathComponent("instances/bench/tight-1.json").path, toPath: dir.path("instances/tight-1.json"))
            let update = try CLIHarness.run(["regress", "--update", "--baseline", dir.path("results/baseline.json"), "--instances", dir.path("instances"), "--node-limit", "100"])
            #expect(update.status == 0, "\(update.stderr)")
            #expect(update.stdout.contains("wrote \(dir.path("results/baseline.json"))"))
        }

        /// The baseline with `edit` applied to the JSON of the entry for (instance, solver).
        func edited(_ instance: String, _ solver: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: baseline))
            var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var entries = try #require(json["entries"] as? [[String: Any]])
            let k = try #require(entries.firstIndex { $0["instance"] as? String == instance && $0["solver"] as? String == solver })
            var metrics = try #require(entries[k]["metrics"] as? [String: Any])
            edit(&metrics)
            entries[k]["metrics"] = metrics
            json["entries"] = entries
            return try dir.write("edited.json", String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
        }
    }

    @Test func equalBaselinePasses() throws {
        let gate = try Gate()
        let result = try CLIHarness.run(["regress", "--baseline", gate.baseline])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("tight-1.json"))
        #expect(result.stdout.contains("greedy"))
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("PASSED: ") == true)
        #expect(!result.stdout.contains("WORSE"))
    }

    @Test func worsenedBaselineFailsAndPrintsTheComparison() throws {
        let gate = try Gate()
        // The baseline now claims a plan one day shorter than greedy makes: greedy looks worse.
        let worse = try gate.edited("tight-1.json", "greedy") { metrics in
            metrics["makespan"] = (metrics["makespan"] as? Int ?? 1) - 1
        }
        let result = try CLIHarness.run(["regress", "--baseline", worse])
        #expect(result.status == 1)
        #expect(result.stdout.contains("WORSE tight-1.json / greedy: worse: makespan "))
        #expect(result.stdout.contains("in the baseline"))
        #expect(result.stdout.contains("  makespan "), "the metric table is printed")
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("FAILED: ") == true)
        let markdown = try CLIHarness.run(["regress", "--baseline", worse, "--format", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.hasPrefix("**rota regress: FAILED: "))
        #expect(markdown.stdout.contains("| metric | baseline | now | change |"))
        // A baseline that is worse than the new plan passes (the plan got better).
        let better = try gate.edited("tight-1.json", "greedy") { metrics in
            metrics["makespan"] = (metrics["makespan"] as? Int ?? 1) + 1
        }
        let passing = try CLIHarness.run(["regress", "--baseline", better])
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("better: makespan"))
    }

    @Test func changedInstanceFails() throws {
        let gate = try Gate()
        let path = gate.dir.path("instances/tiny-1.json")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"horizonDays\": ", with: "\"horizonDays\": 1")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLIHarness.run(["regress", "--baseline", gate.baseline])
        #expect(result.status == 1)
        #expect(result.stdout.contains("the instance changed since the baseline was made"))
        // --update on purpose makes it pass again.
        let update = try CLIHarness.run(["regress", "--update", "--baseline", gate.baseline])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(try CLIHarness.run(["regress", "--baseline", gate.baseline]).status == 0)
    }

    @Test func badInputExitsTwo() throws {
        let missing = try CLIHarness.run(["regress", "--baseline", "/nonexistent/baseline.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/baseline.json"))
        #expect(missing.stderr.contains("rota regress --update"))
        let dir = try TemporaryDirectory()
        let malformed = try dir.write("b.json", #"{"format": "rota-baseline/1", "nodeLimit": "many"}"#)
        let bad = try CLIHarness.run(["regress", "--baseline", malformed])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(malformed): nodeLimit: "))
        let empty = try CLIHarness.run(["regress", "--update", "--baseline", dir.path("b2.json"), "--instances", dir.path("none")])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no instance files"))
        let misuse = try CLIHarness.run(["regress", "--node-limit", "5"])
        #expect(misuse.status != 0)
        #expect(misuse.stderr.contains("--update only"))
    }

    @Test func helpTeaches() throws {
        let result = try CLIHarness.run(["help", "regress"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--update"))
        #expect(result.stdout.contains("GITHUB_STEP_SUMMARY"))
    }

    /// `rota bench` on a folder of two tiny instances (plus medium-1 of the quick suite),
    /// greedy only: every run in its own process, figures in JSON lines and Markdown.
    @Test func benchWritesFigures() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("instances"), withIntermediateDirectories: true)
        for seed in ["1", "2"] {
            _ = try CLIHarness.run(["generate", "--family", "tiny", "--seed", seed, "-o", dir.path("instances/tiny-\(seed).json"), "--quiet"])
        }
        let result = try CLIHarness.run([
            "bench", "--instances", dir.path("instances"), "--results", dir.path("results"), "--solver", "greedy",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("tiny-1  greedy  heuristic  makespan "))
        let lines = try String(contentsOfFile: dir.path("results/bench-quick.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4, "a header and three runs")
        let runs = try lines.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(runs.map { $0["instance"] as? String } == ["tiny-1", "tiny-2", "medium-1"])
        #expect(runs.allSatisfy { $0["feasible"] as? Bool == true && $0["isolated"] as? Bool == true })
        #expect(runs.allSatisfy { ($0["peakBytes"] as? Int ?? 0) > 0 })
        // Each run is timed again as users run it: `rota solve` as a process of its own.
        #expect(runs.allSatisfy { ($0["endToEndSeconds"] as? Double ?? 0) > 0 && ($0["endToEndPeakBytes"] as? Int ?? 0) > 0 })
        let markdown = try String(contentsOfFile: dir.path("results/bench-quick.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# rota benchmark: quick suite"))
        #expect(markdown.contains("| medium-1 | "))
        #expect(markdown.contains("| end-to-end s | end-to-end MiB |"))
        let unknown = try CLIHarness.run(["bench", "--suite", "gigantic"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown suite 'gigantic'"))
    }
}
