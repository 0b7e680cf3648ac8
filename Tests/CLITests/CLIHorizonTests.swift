import Foundation
import Testing

/// A horizon far beyond the days a plan uses (the seed with `horizonDays` 36600 and no
/// `earliest`: every plan ends within 7 days) costs no more than the days that matter.
@Suite struct CLIHorizonTests {
    /// instances/seed.json with `horizonDays` 36600 and its `earliest` fields removed.
    static func longSeed(in dir: TemporaryDirectory) throws -> String {
        let seed = try String(contentsOfFile: CLICommandTests.instance("seed.json"), encoding: .utf8)
        let long = seed.replacing(#/"horizonDays": 60/#, with: #""horizonDays": 36600"#)
            .replacing(#/, "earliest": "[0-9-]+"/#, with: "")
        #expect(long.contains(#""horizonDays": 36600"#) && !long.contains("earliest"))
        return try dir.write("seed-36600.json", long)
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    }

    @Test(arguments: ["lp", "mps", "mathprog"])
    func exportKeepsOnlyTheDaysBeforeGreedysMakespan(_ format: String) throws {
        let dir = try TemporaryDirectory()
        let seed = try Self.longSeed(in: dir)
        let file = dir.path("seed.\(format)")
        let out = try CLIHarness.run(["export", seed, "--format", format, "-o", file])
        #expect(out.status == 0, "\(out.stderr)")
        // The uncut LP was 289 MB (3,659,556 columns); cut to 7 days it is about 20 KB.
        #expect(try Self.fileSize(file) < 100_000)
        let note = format == "mathprog" ? "36600 days, cut to the first 7" : "cut to the first 7 of 36600 days"
        #expect(out.stderr.contains(note), "\(out.stderr)")
        if format == "mathprog" {
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains("param T := 7;"))
        }
    }

    @Test func makespanCutsFurtherAndFullHorizonKeepsEveryDay() throws {
        let dir = try TemporaryDirectory()
        let seed = try Self.longSeed(in: dir)
        let five = try CLIHarness.run(["export", seed, "--format", "lp", "--makespan", "5", "-o", dir.path("5.lp")])
        #expect(five.status == 0, "\(five.stderr)")
        #expect(five.stderr.contains("makespan ≤ 5, cut to the first 5 of 36600 days"), "\(five.stderr)")
        let later = try CLIHarness.run(["export", seed, "--format", "lp", "--makespan", "9", "-o", dir.path("9.lp")])
        #expect(later.stderr.contains("makespan ≤ 9, cut to the first 7 of 36600 days"), "\(later.stderr)")
        #expect(try Self.fileSize(dir.path("5.lp")) < Self.fileSize(dir.path("9.lp")))

        // On the bundled 60-day seed, --full-horizon writes every day; the default cuts at 14.
        let sixty = CLICommandTests.instance("seed.json")
        let full = try CLIHarness.run(["export", sixty, "--format", "lp", "--full-horizon", "-o", dir.path("full.lp")])
        let cut = try CLIHarness.run(["export", sixty, "--format", "lp", "-o", dir.path("cut.lp")])
        #expect(full.status == 0 && cut.status == 0)
        #expect(!full.stderr.contains("cut to"), "\(full.stderr)")
        #expect(cut.stderr.contains("cut to the first 14 of 60 days"), "\(cut.stderr)")
        #expect(try Self.fileSize(dir.path("cut.lp")) < Self.fileSize(dir.path("full.lp")))
    }

    @Test func cutExportSolvesToAnOptimalPlanOfTheWholeInstance() throws {
        guard let glpsol = CLIExportTests.glpsol else { return }
        let dir = try TemporaryDirectory()
        let seed = try Self.longSeed(in: dir)
        let model = dir.path("seed.lp")
        #expect(try CLIHarness.run(["export", seed, "--format", "lp", "-o", model, "--quiet"]).status == 0)
        #expect(try CLIExportTests.runGlpsol(["--lp", model, "-o", dir.path("seed.txt")]), "\(glpsol)")
        let imported = try CLIHarness.run([
            "import-solution", seed, dir.path("seed.txt"), "--format", "columns", "-o", dir.path("plan.json"),
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("0 unscheduled, makespan 7, lower bound 7"), "\(imported.stderr)")
        #expect(try CLIHarness.run(["validate", seed, dir.path("plan.json")]).status == 0)
    }

    @Test(arguments: ["flow", "auto", "greedy"])
    func solversPlanTheLongSeedAsTheShortOne(_ solver: String) throws {
        let dir = try TemporaryDirectory()
        let seed = try Self.longSeed(in: dir)
        // flow and auto took 15 s and 2.6 GB here (HorizonScalingTests checks the days they look at).
        let out = try CLIHarness.run(["solve", seed, "--solver", solver, "-o", dir.path("plan.json")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("0 unscheduled, makespan 7, lower bound 7"), "\(out.stderr)")
    }
}
