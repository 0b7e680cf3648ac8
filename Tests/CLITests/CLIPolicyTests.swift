import Foundation
import Testing

/// Policy files and KPI gates through the command line: YAML and JSON policies make the same
/// plan, every policy error is a path-precise message and exit 2 with nothing written, the
/// weight sum warns, `rota policy show` fills in defaults, and the KPI gates of score,
/// compare and regress pass, fail (exit 1, naming the KPI, output still written) and refuse
/// unknown metrics (exit 2 with the valid names).
@Suite struct CLIPolicyTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var seed: String { repository.appendingPathComponent("instances/seed.json").path }

    static let yaml = """
        weights: {sla: 0.5, value: 0.2, readiness: 0.1, customer: 0.1, risk: 0.1}
        slaTierDays:
          critical: 9
          high: 10
          standard: 12
          deferred: 21
        kpiTargets:
          - sla.critical >= 0.2
          - softOverruns == 0
        """

    static let json = """
        {"weights": {"sla": 0.5, "value": 0.2, "readiness": 0.1, "customer": 0.1, "risk": 0.1},
         "slaTierDays": {"critical": 9, "high": 10, "standard": 12, "deferred": 21},
         "kpiTargets": {"sla.critical": ">= 0.2", "softOverruns": "== 0"}}
        """

    @Test func yamlAndJSONPoliciesMakeTheSamePlan() throws {
        let dir = try TemporaryDirectory()
        let yaml = try dir.write("p.yaml", Self.yaml)
        let json = try dir.write("p.json", Self.json)
        var plans: [String] = []
        for policy in [yaml, json] {
            let result = try CLIHarness.run(["solve", Self.seed, "--policy", policy, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            plans.append(result.stdout.replacingOccurrences(of: #""seconds": [0-9.e-]+"#, with: "", options: .regularExpression))
        }
        #expect(plans[0] == plans[1])
        // The plan's lines carry the policy's priorities and due dates (ord-101: critical, created 2026-11-28).
        #expect(plans[0].contains(#""due": "2026-12-07""#))
        let plain = try CLIHarness.run(["solve", Self.seed, "--quiet"])
        #expect(plain.stdout.contains(#""due": "2026-12-04""#))
        let bare = try CLIHarness.run(["solve", Self.seed, "--quiet", "--no-line-annotations"])
        #expect(!bare.stdout.contains(#""lines""#))
    }

    static let errorCases: [(String, String, String)] = [
        ("unknown.yaml", "weights: {sla: 1}\nobjectiv: [makespan]\n",
         "unknown.yaml:2: objectiv: unknown key; a policy has weights, slaTierDays, objective, defaultRolling, reasonCodes, kpiTargets"),
        ("weight.json", #"{"weights": {"sla": 1.5}}"#, "weight.json: weights.sla: expected a weight from 0 to 1, got 1.5"),
        ("tier.yaml", "slaTierDays: {critical: 3}\nkpiTargets: {sla.gold: '>= 0.9'}\n",
         "tier.yaml:2: kpiTargets[\"sla.gold\"]: unknown tier \"gold\" in \"sla.gold\"; slaTierDays has critical"),
        ("level.yaml", "objective:\n  - makespan\n  - speed\n",
         "level.yaml:3: objective[1]: unknown objective level \"speed\""),
        ("syntax.yaml", "weights:\n  sla: [0.5\n  value: 0.3\n", "syntax.yaml:3: malformed YAML at line 3, column 8"),
    ]

    @Test(arguments: errorCases)
    func policyErrorsExit2WithNothingWritten(_ name: String, _ text: String, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let policy = try dir.write(name, text)
        let output = dir.path("plan.json")
        let solve = try CLIHarness.run(["solve", Self.seed, "--policy", policy, "-o", output])
        #expect(solve.status == 2)
        #expect(solve.stderr.contains("rota: error: \(dir.path(message))"), "\(solve.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let show = try CLIHarness.run(["policy", "show", policy])
        #expect(show.status == 2)
        #expect(show.stdout.isEmpty)
        #expect(show.stderr.contains(message), "\(show.stderr)")
    }

    @Test func weightsThatDoNotSumToOneWarn() throws {
        let dir = try TemporaryDirectory()
        let policy = try dir.write("p.yaml", "weights: {sla: 0.5, value: 0.4}\n")
        let result = try CLIHarness.run(["solve", Self.seed, "--policy", policy, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr == "rota: warning: \(policy):1: weights: the weights sum to 0.9, not 1 (priorities are still their weighted sums)\n")
    }

    @Test func policyShowFillsInTheDefaults() throws {
        let defaults = try CLIHarness.run(["policy", "show"])
        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect(defaults.stdout.hasPrefix("weights:\n  customer: 0.15\n  readiness: 0.2\n  risk: 0.1\n  sla: 0.35\n  value: 0.2\n"))
        #expect(defaults.stdout.contains("slaTierDays:\n  critical: 6\n  high: 8\n  standard: 12\n  deferred: 21\n"))
        #expect(defaults.stdout.contains("objective:\n  - unscheduled\n  - makespan\n  - lateness\n  - load\n  - spread\n"))
        #expect(defaults.stdout.contains("defaultRolling: null\nreasonCodes: []\nkpiTargets: []\n"))
        let dir = try TemporaryDirectory()
        let policy = try dir.write("p.yaml", "kpiTargets: [sla.critical >= 0.95]\nreasonCodes: [vendor-delay]\n")
        let json = try CLIHarness.run(["policy", "show", policy, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["kpiTargets"] as? [String] == ["sla.critical >= 0.95"])
        #expect(document["reasonCodes"] as? [String] == ["vendor-delay"])
        #expect((document["weights"] as? [String: Double])?["sla"] == 0.35)
        #expect((document["standardReasonCodes"] as? [String])?.contains("expedite") == true)
    }

    /// The seed's plan: critical share 2/9, makespan 14, no soft overruns.
    struct Plans {
        let dir: TemporaryDirectory
        let plan: String
        let other: String

        init() throws {
            dir = try TemporaryDirectory()
            plan = dir.path("plan.json")
            other = dir.path("naive.json")
            #expect(try CLIHarness.run(["solve", CLIPolicyTests.seed, "-o", plan, "--quiet"]).status == 0)
            #expect(try CLIHarness.run(["solve", CLIPolicyTests.seed, "--solver", "seed-greedy", "-o", other, "--quiet"]).status == 0)
        }
    }

    @Test func scoreGates() throws {
        let plans = try Plans()
        let pass = try CLIHarness.run(["score", Self.seed, plans.plan, "--require", "sla.critical>=0.2", "--require", "makespan <= 14"])
        #expect(pass.status == 0, "\(pass.stderr)")
        let fail = try CLIHarness.run(["score", Self.seed, plans.plan, "--json", "--require", "sla.critical>=0.95", "--require", "softOverruns==0"])
        #expect(fail.status == 1)
        #expect(fail.stderr == "rota score: KPI missed: sla.critical = 0.2222222222222222, target >= 0.95\n")
        #expect(fail.stdout.contains("\"slaAdherence\""))  // the report is still printed
        let unknown = try CLIHarness.run(["score", Self.seed, plans.plan, "--require", "sla.gold>=0.9"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown KPI metric \"sla.gold\""))
        #expect(unknown.stderr.contains("valid names here: unscheduled, makespan, weightedLateness, lateLines, sla.critical, "))
        #expect(unknown.stdout.isEmpty)
        let malformed = try CLIHarness.run(["score", Self.seed, plans.plan, "--require", "makespan"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("--require: KPI target \"makespan\" has no comparison"))
        // The policy's kpiTargets gate too.
        let strict = try plans.dir.write("strict.yaml", "kpiTargets:\n  - sla.high >= 1\n  - makespan < 14\n")
        let policy = try CLIHarness.run(["score", Self.seed, plans.plan, "--policy", strict])
        #expect(policy.status == 1)
        #expect(policy.stderr == "rota score: KPI missed: makespan = 14, target < 14\n")
    }

    @Test func compareGatesPlanB() throws {
        let plans = try Plans()
        let pass = try CLIHarness.run(["compare", Self.seed, plans.other, plans.plan, "--require", "sla.high>=1"])
        #expect(pass.status == 0, "\(pass.stderr)")
        let fail = try CLIHarness.run(["compare", Self.seed, plans.other, plans.plan, "--require", "sla.critical>=0.5"])
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("rota compare: KPI missed: B: sla.critical = 0.2222222222222222, target >= 0.5"))
        #expect(fail.stdout.hasPrefix("B is "))
        let policy = try plans.dir.write("p.json", #"{"kpiTargets": ["largestLoad <= 1"]}"#)
        let byPolicy = try CLIHarness.run(["compare", Self.seed, plans.other, plans.plan, "--policy", policy])
        #expect(byPolicy.status == 1)
        #expect(byPolicy.stderr.contains("KPI missed: B: largestLoad = "))
        let unknown = try CLIHarness.run(["compare", Self.seed, plans.other, plans.plan, "--require", "loads>=1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown KPI metric \"loads\""))
    }

    @Test func regressGates() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("instances"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seed, toPath: dir.path("instances/seed.json"))
        let baseline = dir.path("baseline.json")
        let update = try CLIHarness.run([
            "regress", "--update", "--baseline", baseline, "--instances", dir.path("instances"), "--solver", "greedy",
        ])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(try String(contentsOfFile: baseline, encoding: .utf8).contains("\"slaAdherence\""))
        let pass = try CLIHarness.run(["regress", "--baseline", baseline, "--require", "sla.critical>=0.2"])
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(pass.stderr.contains("KPI targets met"))
        let policy = try dir.write("p.yaml", "kpiTargets: ['sla.critical >= 0.9']\n")
        let fail = try CLIHarness.run(["regress", "--baseline", baseline, "--policy", policy])
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("rota regress: KPI missed: seed.json / greedy: sla.critical = 0.2222222222222222, target >= 0.9"))
        #expect(fail.stdout.contains("PASSED"))  // no plan got worse; the KPI failed the run
        let unknown = try CLIHarness.run(["regress", "--baseline", baseline, "--require", "speed>=1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown KPI metric \"speed\""))
    }
}
