import Foundation
import Testing

/// The commands on the bundled instances: plans are written, valid, scored; exit statuses hold.
@Suite struct CLICommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func instance(_ name: String) -> String { root.appendingPathComponent("instances/\(name)").path }

    @Test(arguments: ["seed.json", "edge-unavailable.json", "edge-rolling.json", "edge-existing.json", "edge-infeasible.json"])
    func solveValidateScore(_ name: String) throws {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json")
        let solve = try CLIHarness.run(["solve", Self.instance(name), "-o", plan])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stdout.isEmpty)
        #expect(solve.stderr.contains("unscheduled, makespan"), "summary line: \(solve.stderr)")
        #expect(FileManager.default.fileExists(atPath: plan))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(leftovers == ["plan.json"], "no temporary files left: \(leftovers)")

        let validate = try CLIHarness.run(["validate", Self.instance(name), plan])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.contains("feasible"))

        let score = try CLIHarness.run(["score", Self.instance(name), plan, "--json"])
        #expect(score.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any]
        #expect(json?["feasible"] as? Bool == true)
        #expect((json?["metrics"] as? [String: Any])?["makespan"] != nil)
    }

    @Test func seedPlanMeetsTheLowerBound() throws {
        let result = try CLIHarness.run(["solve", Self.instance("seed.json")])
        #expect(result.status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let solver = plan?["solver"] as? [String: Any]
        #expect(solver?["gap"] as? Double == 0)
        #expect(result.stderr.contains("gap 0.0%"))
        // The default solver is auto, and it proves the makespan here.
        #expect(solver?["name"] as? String == "auto")
        #expect(solver?["status"] as? String == "optimal")
        #expect((solver?["versions"] as? [String: Any])?["glpk"] != nil)
        #expect(result.stderr.contains("auto optimal"))
    }

    @Test func quietPrintsNothingOnStandardError() throws {
        let result = try CLIHarness.run(["solve", Self.instance("seed.json"), "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test func sameInputSamePlan() throws {
        let a = try CLIHarness.run(["solve", Self.instance("seed.json"), "--quiet"])
        let b = try CLIHarness.run(["solve", Self.instance("seed.json"), "--quiet"])
        func tasks(_ s: String) throws -> NSArray? {
            (try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])?["tasks"] as? NSArray
        }
        #expect(try tasks(a.stdout) == tasks(b.stdout))
    }

    @Test func validateReportsABrokenPlan() throws {
        let dir = try TemporaryDirectory()
        let solve = try CLIHarness.run(["solve", Self.instance("seed.json"), "--quiet"])
        // Move every review onto its purchase day: rule 6 (lag) breaks for each line.
        var plan = try #require(try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as? [String: Any])
        var tasks = try #require(plan["tasks"] as? [[String: Any]])
        var purchaseDay: [String: Any] = [:]
        for task in tasks where task["kind"] as? String == "purchase" { purchaseDay[task["line"] as! String] = task["date"] }
        for i in tasks.indices where tasks[i]["kind"] as? String == "review" {
            tasks[i]["date"] = purchaseDay[tasks[i]["line"] as! String]
        }
        plan["tasks"] = tasks
        let path = try dir.write("broken.json", String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))

        let text = try CLIHarness.run(["validate", Self.instance("seed.json"), path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("infeasible"))
        #expect(text.stdout.contains("rule 6"))

        let json = try CLIHarness.run(["validate", Self.instance("seed.json"), path, "--json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["feasible"] as? Bool == false)
        let violations = report?["violations"] as? [[String: Any]] ?? []
        #expect(!violations.isEmpty)
        #expect(violations.allSatisfy { $0["rule"] as? Int == 6 })

        let score = try CLIHarness.run(["score", Self.instance("seed.json"), path])
        #expect(score.status == 1)
    }

    @Test func scoreAgainstPrevious() throws {
        let dir = try TemporaryDirectory()
        let a = dir.path("a.json"), b = dir.path("b.json")
        _ = try CLIHarness.run(["solve", Self.instance("seed.json"), "-o", a, "--quiet"])
        _ = try CLIHarness.run(["solve", Self.instance("seed.json"), "--solver", "seed-greedy", "-o", b, "--quiet"])
        let score = try CLIHarness.run(["score", Self.instance("seed.json"), b, "--previous", a])
        #expect(score.status == 0)
        #expect(score.stdout.contains("changes"))
    }

    @Test func solversAreListed() throws {
        let result = try CLIHarness.run(["solvers"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("greedy"))
        #expect(result.stdout.contains("seed-greedy"))
        let auto = result.stdout.split(separator: "\n").first { $0.hasPrefix("auto") }
        #expect(auto?.hasSuffix("(default)") == true)
    }
}
