import Foundation
import Testing

/// The lateness bound end to end: `solve` writes it and its gap in the plan's solver block,
/// `score` prints them (text and JSON), and they agree with the plan's own lateness.
@Suite struct CLILatenessBoundTests {
    @Test(arguments: ["seed.json", "edge-existing.json", "edge-infeasible.json"])
    func solveWritesItAndScoreShowsIt(_ name: String) throws {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json")
        let instance = CLICommandTests.instance(name)
        let solve = try CLIHarness.run(["solve", instance, "-o", plan, "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any]
        let solver = try #require(written?["solver"] as? [String: Any])
        let bound = try #require(solver["latenessBound"] as? Double, "\(solver)")
        let gap = try #require(solver["latenessGap"] as? Double)
        #expect(gap >= 0 && gap <= 1)

        let json = try CLIHarness.run(["score", instance, plan, "--json"])
        #expect(json.status == 0)
        let score = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let lateness = try #require((score?["metrics"] as? [String: Any])?["weightedLateness"] as? Double)
        let scored = try #require(score?["latenessBound"] as? [String: Any])
        #expect(scored["value"] as? Double == bound)
        #expect(score?["latenessGap"] as? Double == gap)
        #expect(bound <= lateness + 1e-6 * max(1, lateness))

        let text = try CLIHarness.run(["score", instance, plan])
        #expect(text.stdout.contains("lateness bound"))
        #expect(text.stdout.contains("lateness gap"))
    }
}
