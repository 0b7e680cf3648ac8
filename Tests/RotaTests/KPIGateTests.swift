import Testing

import RotaCore
import RotaEvaluation

/// KPI expressions and the gate that checks them against a plan's metrics.
@Suite struct KPIGateTests {
    static let metrics = PlanMetrics(
        unscheduled: 1, makespan: 12, weightedLateness: 3.5, lateLines: 2,
        slaAdherence: [TierAdherence(tier: "critical", lines: 20, onTime: 19), TierAdherence(tier: "high", lines: 4, onTime: 4)],
        largestLoad: 9, spread: 3, softOverruns: 0, purchases: 40, reviews: 40, accountLoads: [], dayLoads: [])

    /// (expression, holds on `metrics`; nil: unknown metric)
    static let cases: [(String, Bool?)] = [
        ("sla.critical>=0.95", true),
        ("sla.critical >= 0.96", false),
        ("sla.critical > 0.95", false),
        ("sla.critical.onTime == 19", true),
        ("sla.critical.lines != 20", false),
        ("sla.high >= 1", true),
        ("sla.deferred >= 1", true),  // a tier of the policy without lines: share 1
        ("sla.gold >= 0.5", nil),
        ("makespan<=12", true),
        ("makespan < 12", false),
        ("weightedLateness <= 3.5", true),
        ("softOverruns == 0", true),
        ("softOverruns = 0", true),
        ("unscheduled == 0", false),
        ("lateLines <= 2", true),
        ("largestLoad <= 8", false),
        ("spread < 4", true),
        ("purchases >= 40", true),
        ("reviews > 40", false),
        ("changes == 0", nil),  // no previous plan
        ("accountLoads == 0", nil),
    ]

    @Test(arguments: cases)
    func checks(_ expression: String, _ expected: Bool?) throws {
        let requirement = try KPIRequirement(parsing: expression)
        let check = KPIGate([requirement]).check(Self.metrics, tiers: ["critical", "deferred"])[0]
        if let expected {
            #expect(check.value != nil)
            #expect(check.holds == expected, "\(check.summary)")
        } else {
            #expect(check.value == nil)
            #expect(!check.holds)
        }
    }

    @Test func aMissNamesTheValueAndTheTarget() throws {
        let check = KPIGate([try KPIRequirement(parsing: "sla.critical>=0.96")]).check(Self.metrics)[0]
        #expect(check.summary == "sla.critical = 0.95, target >= 0.96")
    }

    static let malformed: [(String, KPIParseError)] = [
        ("makespan", .noComparison("makespan")),
        (">= 3", .noMetric(">= 3")),
        ("makespan <= ", .badNumber("makespan <= ", "")),
        ("makespan <= many", .badNumber("makespan <= many", "many")),
        ("makespan <= inf", .badNumber("makespan <= inf", "inf")),
        ("sla.critical>>0.95", .badComparison("sla.critical>>0.95")),
        ("makespan => 3", .badComparison("makespan => 3")),
    ]

    @Test(arguments: malformed)
    func malformedExpressions(_ text: String, _ expected: KPIParseError) {
        #expect(throws: expected) { try KPIRequirement(parsing: text) }
    }

    @Test func namesFollowScoreJSON() {
        let names = KPIGate.named(Self.metrics).map(\.name)
        #expect(names == [
            "unscheduled", "makespan", "weightedLateness", "lateLines", "sla.critical", "sla.critical.lines",
            "sla.critical.onTime", "sla.high", "sla.high.lines", "sla.high.onTime", "largestLoad", "spread",
            "softOverruns", "purchases", "reviews",
        ])
        #expect(KPIRequirement.tier(of: "sla.critical.onTime") == "critical")
        #expect(KPIRequirement.tier(of: "makespan") == nil)
    }
}
