import Foundation
import Testing

/// `rota sweep` end to end through the command line: a small real sweep (3 tiny instances ×
/// 3 vectors), determinism, --jobs 2 = --jobs 1, shards merged = the whole sweep, resume
/// after a torn line, grid errors, summary, and the GNU parallel path of docs/SWEEPS.md.
@Suite(.serialized) struct CLISweepTests {
    static let grid = #"[{"sla":0.35,"value":0.2,"readiness":0.2,"customer":0.15,"risk":0.1},{"sla":0.9,"value":0.05,"readiness":0.05},{"sla":0.05,"value":0.9,"customer":0.05}]"#

    /// A folder with three generated tiny instances and the grid.
    static func setUp() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("instances"), withIntermediateDirectories: true)
        for seed in 1...3 {
            let result = try CLIHarness.run(
                ["generate", "--family", "tiny", "--seed", "\(seed)", "-o", dir.path("instances/tiny-\(seed).json"), "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        _ = try dir.write("grid.json", grid)
        return dir
    }

    static func sweep(_ dir: TemporaryDirectory, _ output: String, _ extra: [String] = []) throws -> CLIHarness.Output {
        try CLIHarness.run(["sweep", "--instances", dir.path("instances"), "--grid", dir.path("grid.json"), "-o", output] + extra)
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The lines without their timing (`"seconds":…`), which is all two runs may differ in.
    static func untimed(_ path: String) throws -> [String] {
        try lines(path).map { $0.replacingOccurrences(of: #""seconds":[-0-9.eE+]+,"#, with: "", options: .regularExpression) }
    }

    @Test func smallSweepEndToEnd() throws {
        let dir = try Self.setUp()
        let result = try Self.sweep(dir, dir.path("sweep.jsonl"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Not a terminal: no progress bar, only the closing note.
        #expect(result.stderr == "\(dir.path("sweep.jsonl")): 9 runs (3 vectors × 3 instances, shard 0/1)\n")
        let lines = try Self.lines(dir.path("sweep.jsonl"))
        #expect(lines.count == 10)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["format"] as? String == "rota-sweep/1")
        #expect(header["vectors"] as? Int == 3 && header["instanceCount"] as? Int == 3)
        for (index, line) in lines.dropFirst().enumerated() {
            let run = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(run["run"] as? Int == index)
            #expect(run["vector"] as? Int == index / 3)
            #expect(run["instance"] as? String == "tiny-\(index % 3 + 1).json")
            #expect((run["digest"] as? String)?.count == 64)
            #expect(run["status"] as? String == "optimal")
            #expect(run["feasible"] as? Bool == true)
            for kpi in ["makespan", "weightedLateness", "unscheduled", "lateLines", "largestLoad", "spread", "softOverruns",
                "lowerBound.makespan", "gap", "seconds"]
            {
                #expect(run[kpi] is NSNumber, "\(kpi) in \(line)")
            }
            #expect((run["weights"] as? [String: Any])?.isEmpty == false)
        }
        // The digest is the file's SHA-256.
        let sha = try CLIHarness.run(["sweep", "summary", dir.path("sweep.jsonl")])
        #expect(sha.status == 0, "\(sha.stderr)")
        #expect(sha.stdout.contains("vector 0: sla 0.350, value 0.200, readiness 0.200, customer 0.150, risk 0.100  (3 runs)"))
        #expect(sha.stdout.contains("makespan ↓"))
        #expect(sha.stdout.contains("Pareto front over (critical SLA adherence ↑, weighted lateness ↓, makespan ↓)"))
        let json = try CLIHarness.run(["sweep", "summary", dir.path("sweep.jsonl"), "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((summary["vectors"] as? [Any])?.count == 3)
        #expect((summary["paretoFront"] as? [Int])?.isEmpty == false)
    }

    @Test func deterministicAndJobsDoNotChangeTheFile() throws {
        let dir = try Self.setUp()
        #expect(try Self.sweep(dir, dir.path("a.jsonl"), ["--quiet"]).status == 0)
        #expect(try Self.sweep(dir, dir.path("b.jsonl"), ["--quiet"]).status == 0)
        let jobs = try Self.sweep(dir, dir.path("c.jsonl"), ["--quiet", "--jobs", "2"])
        #expect(jobs.status == 0, "\(jobs.stderr)")
        #expect(jobs.stderr.isEmpty)
        let a = try Self.untimed(dir.path("a.jsonl"))
        #expect(a.count == 10)
        #expect(try Self.untimed(dir.path("b.jsonl")) == a)
        #expect(try Self.untimed(dir.path("c.jsonl")) == a)
    }

    @Test func shardsMergeIntoTheWholeSweepAndResumeAfterATornLine() throws {
        let dir = try Self.setUp()
        #expect(try Self.sweep(dir, dir.path("whole.jsonl"), ["--quiet"]).status == 0)
        for k in 0..<2 {
            let shard = try Self.sweep(dir, dir.path("part-\(k).jsonl"), ["--shard", "\(k)/2", "--quiet"])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        #expect(try Self.lines(dir.path("part-0.jsonl")).count == 1 + 5)
        #expect(try Self.lines(dir.path("part-1.jsonl")).count == 1 + 4)
        // A crash mid-write in part-1: its last line torn.
        let part1 = try String(contentsOfFile: dir.path("part-1.jsonl"), encoding: .utf8)
        let cut = part1.dropLast(40)
        try Data(cut.utf8).write(to: URL(fileURLWithPath: dir.path("part-1.jsonl")))
        let refused = try CLIHarness.run(["sweep", "merge", dir.path("part-0.jsonl"), dir.path("part-1.jsonl"), "-o", dir.path("all.jsonl")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the last line is torn"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("all.jsonl")))
        let resumed = try Self.sweep(dir, dir.path("part-1.jsonl"), ["--shard", "1/2"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("a torn last line was dropped"))
        #expect(resumed.stderr.contains("3 of 4 runs already done; running the other 1"))
        let merged = try CLIHarness.run(["sweep", "merge", dir.path("part-1.jsonl"), dir.path("part-0.jsonl"), "-o", dir.path("all.jsonl")])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.untimed(dir.path("all.jsonl")) == (try Self.untimed(dir.path("whole.jsonl"))))
        // A rerun of a finished sweep does nothing and changes nothing.
        let before = try String(contentsOfFile: dir.path("whole.jsonl"), encoding: .utf8)
        let again = try Self.sweep(dir, dir.path("whole.jsonl"))
        #expect(again.status == 0)
        #expect(again.stderr.contains("9 of 9 runs already done; running the other 0"))
        #expect(try String(contentsOfFile: dir.path("whole.jsonl"), encoding: .utf8) == before)
        // Duplicates and other sweeps are refused.
        let twice = try CLIHarness.run(["sweep", "merge", dir.path("part-0.jsonl"), dir.path("part-0.jsonl"), "-o", dir.path("x.jsonl")])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("is in both"))
        _ = try dir.write("grid.json", #"[{"sla":1}]"#)
        let otherGrid = try Self.sweep(dir, dir.path("whole.jsonl"))
        #expect(otherGrid.status == 2)
        #expect(otherGrid.stderr.contains("holds another sweep (the grid differ)"))
    }

    @Test func yamlGridGivesTheSameSweep() throws {
        let dir = try Self.setUp()
        _ = try dir.write("grid.yaml", """
            - {sla: 0.35, value: 0.2, readiness: 0.2, customer: 0.15, risk: 0.1}
            - {sla: 0.9, value: 0.05, readiness: 0.05}
            - sla: 0.05
              value: 0.9
              customer: 0.05
            """)
        #expect(try Self.sweep(dir, dir.path("json.jsonl"), ["--quiet"]).status == 0)
        let yaml = try CLIHarness.run(
            ["sweep", "--instances", dir.path("instances"), "--grid", dir.path("grid.yaml"), "-o", dir.path("yaml.jsonl"), "--quiet"])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(try Self.untimed(dir.path("yaml.jsonl")) == (try Self.untimed(dir.path("json.jsonl"))))
    }

    @Test func badGridsAndArgumentsExit2WithNothingWritten() throws {
        let dir = try Self.setUp()
        _ = try dir.write("grid.json", #"{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": -1}}}"#)
        let bad = try Self.sweep(dir, dir.path("out.jsonl"))
        #expect(bad.status == 2)
        #expect(bad.stderr == "rota: error: \(dir.path("grid.json")): axes.sla.step: must be more than 0\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.jsonl")))
        _ = try dir.write("grid.yaml", "axes:\n  sla: [0.1, high]\n")
        let yaml = try CLIHarness.run(
            ["sweep", "--instances", dir.path("instances"), "--grid", dir.path("grid.yaml"), "-o", dir.path("out.jsonl")])
        #expect(yaml.status == 2)
        #expect(yaml.stderr == "rota: error: \(dir.path("grid.yaml")): axes.sla[1]: expected a number, got a string\n")
        for (arguments, message) in [
            (["--shard", "2/2"], "--shard expects K/N"), (["--jobs", "0"], "--jobs must be at least 1"),
            (["--solver", "nope"], "unknown solver 'nope'"),
        ] {
            _ = try dir.write("grid.json", Self.grid)
            let result = try Self.sweep(dir, dir.path("out.jsonl"), arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        // An output that is some other file is refused and left as it was.
        let other = try dir.write("notes.txt", "not a sweep")
        let refused = try Self.sweep(dir, other)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not a sweep file"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "not a sweep")
        let empty = try TemporaryDirectory()
        let none = try CLIHarness.run(["sweep", "--instances", empty.url.path, "--grid", dir.path("grid.json"), "-o", dir.path("out.jsonl")])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no instance files (*.json) in this folder"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.jsonl")))
    }

    /// docs/SWEEPS.md's GNU parallel line, for real. `make test` sets ROTA_REQUIRE_PARALLEL=1
    /// (and installs Debian's `parallel`), so there it fails rather than skips without it.
    @Test func gnuParallelShardsMergeIntoTheWholeSweep() throws {
        let parallel = ["/usr/bin/parallel", "/usr/local/bin/parallel"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let parallel else {
            #expect(ProcessInfo.processInfo.environment["ROTA_REQUIRE_PARALLEL"] != "1",
                "ROTA_REQUIRE_PARALLEL=1 but GNU parallel is not installed (make deps installs it)")
            return
        }
        let dir = try Self.setUp()
        #expect(try Self.sweep(dir, dir.path("whole.jsonl"), ["--quiet"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: parallel)
        process.arguments = [
            "--will-cite", "--halt", "now,fail=1", CLIHarness.executable.path, "sweep", "--instances", dir.path("instances"),
            "--grid", dir.path("grid.json"), "--shard", "{}/3", "-o", dir.path("part-{}.jsonl"), "--quiet", ":::", "0", "1", "2",
        ]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let merged = try CLIHarness.run(
            ["sweep", "merge"] + (0..<3).map { dir.path("part-\($0).jsonl") } + ["-o", dir.path("all.jsonl")])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.untimed(dir.path("all.jsonl")) == (try Self.untimed(dir.path("whole.jsonl"))))
    }
}
