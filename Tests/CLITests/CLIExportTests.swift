import Foundation
import Testing

/// `rota export` and `rota import-solution`: files, summaries, round trips through glpsol
/// (skipped when it is not installed) and exit statuses on bad solutions.
@Suite struct CLIExportTests {
    static let seed = CLICommandTests.instance("seed.json")
    static let model = CLICommandTests.root.appendingPathComponent("models/rota.mod").path
    static let glpsol: String? = ["/usr/bin/glpsol", "/usr/local/bin/glpsol", "/opt/homebrew/bin/glpsol"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs glpsol; true when it found an optimal integer solution.
    static func runGlpsol(_ arguments: [String]) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol ?? "glpsol")
        process.arguments = arguments + ["--tmlim", "60"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 && log.contains("INTEGER OPTIMAL SOLUTION FOUND")
    }

    @Test(arguments: [
        ("mathprog", "41 lines in 20 classes (20 purchase, 0 review-only), 27 groups, 5 accounts, 60 days"),
        ("lp", "rows,"), ("mps", "non-zeros"),
    ])
    func exportWritesStandardOutputOrAFile(_ format: String, _ summary: String) throws {
        let dir = try TemporaryDirectory()
        let out = try CLIHarness.run(["export", Self.seed, "--format", format])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("seed: "), "\(out.stderr)")
        #expect(out.stderr.contains(summary), "\(out.stderr)")
        let file = dir.path("seed.\(format)")
        let written = try CLIHarness.run(["export", Self.seed, "--format", format, "-o", file, "--quiet"])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty && written.stderr.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == out.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["seed.\(format)"])
        switch format {
        case "mathprog": #expect(out.stdout.contains("data;") && out.stdout.hasSuffix("end;\n"))
        case "lp": #expect(out.stdout.contains("Subject To"))
        default: #expect(out.stdout.contains("COLUMNS"))
        }
    }

    @Test func exportRejectsBadInput() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.write("bad.json", #"{"format": "fulfillment-instance/1", "start": "2026-12-01", "rules": {"reviewLagDays": 1}, "orders": []}"#)
        let result = try CLIHarness.run(["export", bad, "--format", "lp"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json") && result.stderr.contains("accounts"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let format = try CLIHarness.run(["export", Self.seed, "--format", "xml"])
        #expect(format.status != 0)
        #expect(format.stderr.contains("mathprog"), "\(format.stderr)")
    }

    /// The README's route: export mathprog, glpsol, import-solution, validate.
    @Test(.enabled(if: CLIExportTests.glpsol != nil, "glpsol is not installed"))
    func mathprogRoundTripThroughGlpsol() throws {
        let dir = try TemporaryDirectory()
        let instance = dir.path("tiny.json")
        #expect(try CLIHarness.run(["generate", "--family", "tiny", "--seed", "4", "-o", instance]).status == 0)
        for (path, name) in [(Self.seed, "seed"), (instance, "tiny")] {
            let data = dir.path("\(name).dat"), solution = dir.path("\(name).sol"), plan = dir.path("\(name).plan.json")
            #expect(try CLIHarness.run(["export", path, "--format", "mathprog", "-o", data, "--quiet"]).status == 0)
            #expect(try Self.runGlpsol(["-m", Self.model, "-d", data, "-y", solution]))
            let imported = try CLIHarness.run(["import-solution", path, solution, "-o", plan])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.isEmpty)
            #expect(imported.stderr.contains("import:glpsol optimal"), "\(imported.stderr)")
            let validate = try CLIHarness.run(["validate", path, plan])
            #expect(validate.status == 0, "\(validate.stdout)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any]
            let solver = json?["solver"] as? [String: Any]
            #expect(solver?["name"] as? String == "import:glpsol")
            #expect(solver?["status"] as? String == "optimal")
            #expect(json?["lines"] is [[String: Any]], "the lines section, as rota solve writes it")
        }
    }

    @Test(.enabled(if: CLIExportTests.glpsol != nil, "glpsol is not installed"))
    func lpRoundTripThroughGlpsolColumns() throws {
        let dir = try TemporaryDirectory()
        let model = dir.path("seed.lp"), report = dir.path("seed.txt")
        #expect(try CLIHarness.run(["export", Self.seed, "--format", "lp", "-o", model, "--quiet"]).status == 0)
        #expect(try Self.runGlpsol(["--lp", model, "-o", report]))
        let imported = try CLIHarness.run(
            ["import-solution", Self.seed, report, "--format", "columns", "--solver-name", "glpsol-lp"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("0 unscheduled") && imported.stderr.contains("import:glpsol-lp"), "\(imported.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect((json?["tasks"] as? [Any])?.count == 82)
    }

    @Test(arguments: [
        ("", "mathprog", "no `rota …` line"),
        ("Optimal\nobjective 3\n", "columns", "no column of rota's model found"),
        ("rota x 99 0 0 1\n", "mathprog", "line 1: x[99,0,0]: class 99 does not exist"),
        ("x(0,0,0) 0.25\n", "columns", "line 1: x[0,0,0] = 0.25 is not a whole number"),
    ])
    func badSolutionsExitTwo(_ text: String, _ format: String, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let solution = try dir.write("solution.txt", text)
        let plan = dir.path("plan.json")
        let result = try CLIHarness.run(["import-solution", Self.seed, solution, "--format", format, "-o", plan])
        #expect(result.status == 2)
        #expect(result.stderr.contains("solution.txt: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan))
    }

    @Test func missingSolutionFileExitsTwo() throws {
        let result = try CLIHarness.run(["import-solution", Self.seed, "/nonexistent/solution.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/solution.txt"), "\(result.stderr)")
    }

    /// Three purchases of one item by one account on one day: rule 5 breaks, nothing is written.
    @Test func aSolutionBreakingTheRulesExitsThree() throws {
        let dir = try TemporaryDirectory()
        let solution = try dir.write("solution.txt", "rota x 0 0 0 3\n")
        let plan = dir.path("plan.json")
        let result = try CLIHarness.run(["import-solution", Self.seed, solution, "-o", plan])
        #expect(result.status == 3)
        #expect(result.stderr.contains("breaks the rules; nothing was written"), "\(result.stderr)")
        #expect(result.stderr.contains("rule 5:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: plan))
    }
}

extension CLIExportTests {
    @Test func makespanIsForLpAndMpsOnly() throws {
        let mathprog = try CLIHarness.run(["export", Self.seed, "--format", "mathprog", "--makespan", "14"])
        #expect(mathprog.status == 2)
        #expect(mathprog.stderr.contains("--makespan applies to lp and mps only"), "\(mathprog.stderr)")
        let lp = try CLIHarness.run(["export", Self.seed, "--format", "lp", "--makespan", "14"])
        #expect(lp.status == 0)
        #expect(lp.stderr.contains("non-zeros, makespan ≤ 14"), "\(lp.stderr)")
        // The default export is already cut to greedy's makespan (14 days): compare with every day.
        #expect(lp.stdout != (try CLIHarness.run(["export", Self.seed, "--format", "lp", "--quiet", "--full-horizon"])).stdout)
    }
}
