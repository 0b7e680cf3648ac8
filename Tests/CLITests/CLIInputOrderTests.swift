import Foundation
import Testing

/// `rota validate` and `rota score` read the instance and the plan side by side, yet report
/// bad input as when read one after the other: the instance's (and the policy file's)
/// problems alone when there are any, the plan's only after them.
@Suite struct CLIInputOrderTests {
    static func files() throws -> (dir: TemporaryDirectory, instance: String, plan: String, policy: String) {
        let dir = try TemporaryDirectory()
        try #"{"format": "x"}"#.write(toFile: dir.path("bad-instance.json"), atomically: true, encoding: .utf8)
        try #"{"format": "fulfillment-plan/1", "tasks": [{}]}"#.write(toFile: dir.path("bad-plan.json"), atomically: true, encoding: .utf8)
        try "weights: {sla: 2}\n".write(toFile: dir.path("bad-policy.yaml"), atomically: true, encoding: .utf8)
        return (dir, dir.path("bad-instance.json"), dir.path("bad-plan.json"), dir.path("bad-policy.yaml"))
    }

    @Test(arguments: ["validate", "score"])
    func theInstancesProblemsComeAloneAndFirst(command: String) throws {
        let files = try Self.files()  // keeps the folder until the test ends
        let (instance, plan) = (files.instance, files.plan)
        let both = try CLIHarness.run([command, instance, plan])
        #expect(both.status == 2)
        #expect(both.stderr.contains("bad-instance.json: format: expected \"fulfillment-instance/1\""), "\(both.stderr)")
        #expect(!both.stderr.contains("bad-plan.json"), "\(both.stderr)")
        let planOnly = try CLIHarness.run([command, CLIRescheduleTests.seed, plan])
        #expect(planOnly.status == 2)
        #expect(planOnly.stderr.contains("bad-plan.json: tasks[0].id: missing"), "\(planOnly.stderr)")
    }

    @Test func scoreReportsTheBadPolicyBeforeTheBadPlan() throws {
        let files = try Self.files()
        let (plan, policy) = (files.plan, files.policy)
        let result = try CLIHarness.run(["score", CLIRescheduleTests.seed, plan, "--policy", policy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad-policy.yaml:1: weights.sla: expected a weight from 0 to 1, got 2"), "\(result.stderr)")
        #expect(!result.stderr.contains("bad-plan.json"), "\(result.stderr)")
    }

    /// `rota solve` builds a large instance's planning problem while the instance is checked
    /// (20,000 lines and more): its problems still come alone and first, the policy file's
    /// only after them, and nothing is written.
    @Test func solveReportsALargeInstancesProblemsBeforeThePolicyFiles() throws {
        let files = try Self.files()
        let good = files.dir.path("large.json")
        #expect(try CLIHarness.run(["generate", "--family", "large", "--seed", "1", "-o", good, "--quiet"]).status == 0)
        // The same instance with its second line's id made the first's: a duplicate, found by the check.
        var text = try String(contentsOfFile: good, encoding: .utf8)
        let second = try #require(text.range(of: #""id": "ord-1/2""#))
        text.replaceSubrange(second, with: #""id": "ord-1/1""#)
        let bad = files.dir.path("large-bad.json")
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let plan = files.dir.path("plan.json")

        let both = try CLIHarness.run(["solve", bad, "--policy", files.policy, "-o", plan, "--quiet"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("large-bad.json: orders[0].lines[1].id: duplicate line id \"ord-1/1\""), "\(both.stderr)")
        #expect(!both.stderr.contains("bad-policy.yaml"), "\(both.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan))

        let policyOnly = try CLIHarness.run(["solve", good, "--policy", files.policy, "-o", plan, "--quiet"])
        #expect(policyOnly.status == 2)
        #expect(policyOnly.stderr.contains("bad-policy.yaml:1: weights.sla"), "\(policyOnly.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan))
    }
}

