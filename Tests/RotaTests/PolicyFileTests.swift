import Foundation
import Testing

import RotaCore
import RotaEvaluation
import RotaFormat
import RotaYAML

/// Policy files (docs/POLICY.md): JSON and YAML give the same policy, every error names its
/// path (and its line in YAML), the weight sum warns, defaults fill what a file leaves out,
/// and `rota policy show`'s YAML reads back to the same document.
@Suite struct PolicyFileTests {
    static let yaml = """
        # comment
        weights:
          sla: 0.35
          value: 0.20
          readiness: 0.20
          customer: 0.15
          risk: 0.10
        slaTierDays: {critical: 6, high: 8, standard: 12, deferred: 21}
        objective: [unscheduled, makespan, lateness]
        defaultRolling: {days: 7, soft: 8, hard: null}
        reasonCodes: [vendor-delay, quality-hold]
        kpiTargets:
          - sla.critical >= 0.95
          - softOverruns == 0
        """

    static let json = """
        {"weights": {"sla": 0.35, "value": 0.20, "readiness": 0.20, "customer": 0.15, "risk": 0.10},
         "slaTierDays": {"critical": 6, "high": 8, "standard": 12, "deferred": 21},
         "objective": "unscheduled,makespan,lateness",
         "defaultRolling": {"days": 7, "soft": 8, "hard": null},
         "reasonCodes": ["vendor-delay", "quality-hold"],
         "kpiTargets": {"sla.critical": ">= 0.95", "softOverruns": "== 0"}}
        """

    static func decode(_ text: String, yaml: Bool) throws(InputErrors) -> PolicyFile {
        try PolicyFileLoader.decode(Array(text.utf8), file: yaml ? "p.yaml" : "p.json", yaml: yaml)
    }

    static func errors(_ text: String, yaml: Bool) -> [String] {
        do {
            _ = try decode(text, yaml: yaml)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func yamlAndJSONGiveTheSamePolicy() throws {
        let fromYAML = try Self.decode(Self.yaml, yaml: true)
        let fromJSON = try Self.decode(Self.json, yaml: false)
        #expect(fromYAML.policy == fromJSON.policy)
        #expect(fromYAML.warnings.isEmpty && fromJSON.warnings.isEmpty)
        let policy = fromYAML.policy
        #expect(policy.weights == Policy.defaultWeights)
        #expect(policy.slaTierDays == Policy.defaultSLATierDays)
        #expect(policy.objective == .lexicographic([.unscheduled, .makespan, .weightedLateness]))
        #expect(policy.defaultRolling == RollingCap(days: 7, soft: 8, hard: nil))
        #expect(policy.reasonCodes == ["vendor-delay", "quality-hold"])
        #expect(policy.kpiTargets == [
            KPIRequirement(metric: "sla.critical", comparison: .atLeast, target: 0.95),
            KPIRequirement(metric: "softOverruns", comparison: .equal, target: 0),
        ])
        #expect(policy.overrideReasonCodes == Override.standardReasonCodes + ["vendor-delay", "quality-hold"])
    }

    @Test func aWeightedObjectiveAndAWrappedPolicy() throws {
        let yaml = "policy:\n  objective: {makespan: 1, lateness: 0.1}\n"
        let policy = try Self.decode(yaml, yaml: true).policy
        #expect(policy.objective == .weighted([.makespan: 1, .weightedLateness: 0.1]))
        let json = #"{"policy": {"objective": "weighted:makespan=1,lateness=0.1"}}"#
        #expect(try Self.decode(json, yaml: false).policy == policy)
    }

    static let errorCases: [(String, Bool, [String])] = [
        ("weights: {sla: 0.5}\nobjectiv: [makespan]\n", true,
         ["p.yaml:2: objectiv: unknown key; a policy has weights, slaTierDays, objective, defaultRolling, reasonCodes, kpiTargets"]),
        (#"{"weights": {"sla": 1.5, "value": -0.5}}"#, false,
         ["p.json: weights.sla: expected a weight from 0 to 1, got 1.5",
          "p.json: weights.value: expected a weight from 0 to 1, got -0.5"]),
        ("weights:\n  sla: 1.5\n", true, ["p.yaml:2: weights.sla: expected a weight from 0 to 1, got 1.5"]),
        ("slaTierDays: {critical: 3}\nkpiTargets:\n  - sla.gold >= 0.9\n", true,
         ["p.yaml:3: kpiTargets[0]: unknown tier \"gold\" in \"sla.gold\"; slaTierDays has critical"]),
        ("objective: [makespan, speed]\n", true,
         ["p.yaml:1: objective[1]: unknown objective level \"speed\"; known levels: unscheduled, makespan, lateness, late, load, spread, overruns, changes"]),
        (#"{"objective": {"makespan": 1, "speed": 2}}"#, false,
         ["p.json: objective.speed: unknown objective level \"speed\"; known levels: unscheduled, makespan, lateness, late, load, spread, overruns, changes"]),
        ("weights:\n  sla: [0.5\n  value: 0.3\n", true,
         ["p.yaml:3: malformed YAML at line 3, column 8: while parsing a flow sequence: did not find expected ',' or ']'"]),
        (#"{"kpiTargets": {"overrideRate": "< 0.05"}}"#, false,
         ["p.json: kpiTargets.overrideRate: unknown metric \"overrideRate\"; metrics: unscheduled, makespan, weightedLateness, lateLines, largestLoad, spread, softOverruns, purchases, reviews, overrides.rate, overrides.overriddenLines, changes, sla.TIER, sla.TIER.lines, sla.TIER.onTime"]),
        ("kpiTargets: [makespan]\n", true,
         ["p.yaml:1: kpiTargets[0]: KPI target \"makespan\" has no comparison; write METRIC OP NUMBER with OP one of >= <= > < == !=, as in \"sla.critical>=0.95\""]),
        ("defaultRolling: {soft: 3, weeks: 2}\n", true,
         ["p.yaml:1: defaultRolling.weeks: unknown key; a rolling cap has days, soft, hard",
          "p.yaml:1: defaultRolling.days: missing"]),
        (#"{"format": "fulfillment-instance/1"}"#, false, ["p.json: policy: missing"]),
        ("- just\n- a list\n", true, ["p.yaml:1: expected an object, got an array"]),
    ]

    @Test(arguments: errorCases)
    func errorsNameThePathAndTheLine(_ text: String, _ yaml: Bool, _ expected: [String]) {
        #expect(Self.errors(text, yaml: yaml) == expected)
    }

    @Test func weightsThatDoNotSumToOneWarn() throws {
        let decoded = try Self.decode("weights:\n  sla: 0.5\n  value: 0.4\n", yaml: true)
        #expect(decoded.warnings.map(\.description) == ["p.yaml:1: weights: the weights sum to 0.9, not 1 (priorities are still their weighted sums)"])
        #expect(try Self.decode(Self.yaml, yaml: true).warnings.isEmpty)
    }

    @Test func defaultsFillWhatTheFileLeavesOut() throws {
        let written = try Self.decode("kpiTargets: ['makespan <= 20']\n", yaml: true).policy
        let filled = written.filled()
        #expect(filled.weights == Policy.defaultWeights)
        #expect(filled.slaTierDays == Policy.defaultSLATierDays)
        #expect(filled.objective == .default)
        #expect(filled.defaultRolling == nil)
        #expect(filled.reasonCodes == [])
        // The instance's own fields come before the defaults.
        let base = Policy(weights: ["sla": 1], slaTierDays: ["gold": 2])
        #expect(written.filled(from: base).weights == ["sla": 1])
        #expect(written.filled(from: base).slaTierDays == ["gold": 2])
    }

    @Test func theDefaultRollingCapGoesToAccountsWithout() throws {
        var policy = Policy()
        policy.defaultRolling = RollingCap(days: 7, soft: 8, hard: 10)
        let own = RollingCap(days: 3, soft: 1, hard: 2)
        let instance = Instance(
            start: Day(iso: "2026-12-01")!, rules: Rules(reviewLagDays: 2),
            accounts: [Account(id: "a", dailyLimit: 1), Account(id: "b", dailyLimit: 1, rolling: own)], orders: [])
        let applied = policy.applied(to: instance)
        #expect(applied.accounts.map(\.rolling) == [policy.defaultRolling, own])
        #expect(applied.policy?.weights == Policy.defaultWeights)
    }

    @Test func whatPolicyShowWritesReadsBack() throws {
        let policy = try Self.decode(Self.yaml, yaml: true).policy.filled()
        let document = RotaJSON.policyFileValue(policy)
        let yaml = YAMLWriter.write(document)
        #expect(try YAMLDocument.parse(yaml, file: nil).value == document)
        #expect(try Self.decode(yaml, yaml: true).policy == policy)
        let json = String(decoding: JSONWriter.write(document), as: UTF8.self)
        #expect(try Self.decode(json, yaml: false).policy == policy)
    }

    @Test func yamlScalarsFollowTheCoreSchema() throws {
        let parsed = try YAMLDocument.parse("a: 1\nb: 0.5\nc: null\nd: true\ne: '1'\nf: 1e3\ng: text\n", file: nil)
        #expect(parsed.value == .object([
            ("a", .integer(1)), ("b", .number(0.5)), ("c", .null), ("d", .bool(true)), ("e", .string("1")),
            ("f", .number(1000)), ("g", .string("text")),
        ]))
        #expect(parsed.lines["g"] == 7)
    }

    @Test func yamlIsChosenByNameOrFirstCharacter() {
        #expect(PolicyFileLoader.isYAML(path: "p.yml", bytes: Array("{}".utf8)))
        #expect(!PolicyFileLoader.isYAML(path: "p.json", bytes: Array("a: 1".utf8)))
        #expect(!PolicyFileLoader.isYAML(path: "policy", bytes: Array("  {\"weights\": {}}".utf8)))
        #expect(PolicyFileLoader.isYAML(path: "policy", bytes: Array("weights: {}".utf8)))
    }
}
