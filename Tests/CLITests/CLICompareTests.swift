import Foundation
import Testing

/// `rota compare` through the command line: every format, the gate's exit statuses, bad input.
@Suite struct CLICompareTests {
    /// Plans of the seed instance: greedy (A better balanced) and seed-greedy, in a fresh folder.
    struct Plans {
        let dir: TemporaryDirectory
        let instance = CLICommandTests.instance("seed.json")
        var greedy: String { dir.path("greedy.json") }
        var naive: String { dir.path("naive.json") }

        init() throws {
            dir = try TemporaryDirectory()
            let a = try CLIHarness.run(["solve", instance, "--solver", "greedy", "-o", dir.path("greedy.json"), "--quiet"])
            let b = try CLIHarness.run(["solve", instance, "--solver", "seed-greedy", "-o", dir.path("naive.json"), "--quiet"])
            #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        }

        /// The greedy plan with every review moved onto its purchase day (rule 6 broken).
        func broken() throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: greedy))
            var plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var tasks = try #require(plan["tasks"] as? [[String: Any]])
            var purchaseDay: [String: Any] = [:]
            for task in tasks where task["kind"] as? String == "purchase" {
                if let line = task["line"] as? String { purchaseDay[line] = task["date"] }
            }
            for i in tasks.indices where tasks[i]["kind"] as? String == "review" {
                if let line = tasks[i]["line"] as? String { tasks[i]["date"] = purchaseDay[line] }
            }
            plan["tasks"] = tasks
            return try dir.write("broken.json", String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
        }
    }

    @Test func textStartsWithTheVerdict() throws {
        let plans = try Plans()
        let result = try CLIHarness.run(["compare", plans.instance, plans.naive, plans.greedy])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "B is better: largest load 9 vs 14")
        #expect(lines.contains { $0.hasPrefix("metric ") && $0.hasSuffix("better") })
        #expect(lines.contains { $0.hasPrefix("makespan ") })
        #expect(lines.contains("Load per account"))
        #expect(lines.contains("Load per day"))
        #expect(lines.contains { $0.hasPrefix("Tasks that moved: ") })
        #expect(result.stdout.contains("\(plans.naive): seed-greedy, feasible"))
    }

    @Test func markdownHasTables() throws {
        let plans = try Plans()
        let result = try CLIHarness.run(["compare", plans.instance, plans.naive, plans.greedy, "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "**B is better: largest load 9 vs 14**")
        #expect(lines.contains("| metric | A | B | B − A | better |"))
        #expect(lines.contains("|:---|---:|---:|---:|:---|"))
        #expect(lines.contains { $0.hasPrefix("| largest load | 14 | 9 | -5 | B |") })
        #expect(lines.contains("<details><summary>Load per account (5 accounts)</summary>"))
    }

    @Test func jsonParses() throws {
        let plans = try Plans()
        let result = try CLIHarness.run(["compare", plans.instance, plans.naive, plans.greedy, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "B is better: largest load 9 vs 14")
        #expect(json["winner"] as? String == "B")
        #expect((json["a"] as? [String: Any])?["file"] as? String == plans.naive)
        #expect((json["metrics"] as? [[String: Any]])?.contains { $0["metric"] as? String == "makespan" } == true)
        #expect((json["changes"] as? [String: Any])?["count"] as? Int ?? 0 > 0)
        let text = try CLIHarness.run(["compare", plans.instance, plans.naive, plans.greedy])
        #expect(text.stdout.hasPrefix(json["verdict"] as? String ?? "?"), "the same verdict in every format")
    }

    @Test func failIfWorse() throws {
        let plans = try Plans()
        let better = try CLIHarness.run(["compare", plans.instance, plans.naive, plans.greedy, "--fail-if-worse"])
        #expect(better.status == 0)
        let equal = try CLIHarness.run(["compare", plans.instance, plans.greedy, plans.greedy, "--fail-if-worse"])
        #expect(equal.status == 0)
        #expect(equal.stdout.hasPrefix("Tie: "))
        let worse = try CLIHarness.run(["compare", plans.instance, plans.greedy, plans.naive, "--fail-if-worse"])
        #expect(worse.status == 1)
        #expect(worse.stdout.hasPrefix("A is better: "), "the report is printed all the same")
        #expect(worse.stderr.contains("B is worse than A"))
        let withoutGate = try CLIHarness.run(["compare", plans.instance, plans.greedy, plans.naive])
        #expect(withoutGate.status == 0, "exit 0 whatever the verdict")
    }

    @Test func infeasibleCandidateFailsTheGate() throws {
        let plans = try Plans()
        let broken = try plans.broken()
        let gated = try CLIHarness.run(["compare", plans.instance, plans.greedy, broken, "--fail-if-worse", "--format", "json"])
        #expect(gated.status == 1)
        #expect(gated.stderr.contains("B is infeasible"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(gated.stdout.utf8)) as? [String: Any])
        #expect((json["verdict"] as? String)?.hasPrefix("A is better: B is infeasible") == true)
        #expect((json["b"] as? [String: Any])?["feasible"] as? Bool == false)
        let plain = try CLIHarness.run(["compare", plans.instance, plans.greedy, broken])
        #expect(plain.status == 0)
        // An infeasible baseline does not fail the gate for a feasible candidate.
        let fixed = try CLIHarness.run(["compare", plans.instance, broken, plans.greedy, "--fail-if-worse"])
        #expect(fixed.status == 0)
        #expect(fixed.stdout.hasPrefix("B is better: A is infeasible"))
    }

    @Test func objectiveOption() throws {
        let plans = try Plans()
        let weighted = try CLIHarness.run([
            "compare", plans.instance, plans.naive, plans.greedy, "--objective", "weighted:makespan=1,spread=0.5",
        ])
        #expect(weighted.status == 0)
        // 14 + 0.5 × 1 = 14.5 against 14 + 0.5 × 8 = 18.
        #expect(weighted.stdout.hasPrefix("B is better: weighted objective 14.500 vs 18 (weighted:makespan=1.0,spread=0.5)"))
        let makespanOnly = try CLIHarness.run(["compare", plans.instance, plans.greedy, plans.naive, "--objective", "makespan", "--fail-if-worse"])
        #expect(makespanOnly.status == 0)
        #expect(makespanOnly.stdout.hasPrefix("Tie: A and B are equal on makespan"))
        let bad = try CLIHarness.run(["compare", plans.instance, plans.greedy, plans.naive, "--objective", "makespan,speed"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown objective term \"speed\""))
        #expect(bad.stdout.isEmpty)
    }

    @Test func badInputExitsTwo() throws {
        let plans = try Plans()
        let missing = try CLIHarness.run(["compare", plans.instance, plans.greedy, "/nonexistent/plan.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/plan.json"))
        #expect(missing.stdout.isEmpty)
        let planAsInstance = try CLIHarness.run(["compare", plans.greedy, plans.greedy, plans.naive])
        #expect(planAsInstance.status == 2)
        #expect(planAsInstance.stderr.contains("format: expected \"fulfillment-instance/1\""))
        let instanceAsPlan = try CLIHarness.run(["compare", plans.instance, plans.instance, plans.naive, "--fail-if-worse"])
        #expect(instanceAsPlan.status == 2)
        #expect(instanceAsPlan.stderr.contains("format: expected \"fulfillment-plan/1\""))
        let malformed = try plans.dir.write("bad.json", "{\"format\": ")
        let syntax = try CLIHarness.run(["compare", plans.instance, plans.greedy, malformed, "--format", "json"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("rota: error: \(malformed): "))
        #expect(syntax.stdout.isEmpty)
    }

    @Test func helpTeaches() throws {
        let result = try CLIHarness.run(["help", "compare"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--fail-if-worse"))
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("rota compare instances/seed.json old.json new.json"))
        let top = try CLIHarness.run(["--help"])
        #expect(top.stdout.contains("compare"))
    }
}
