import Foundation
import Testing

import Rota
import RotaBench
import RotaCore
import RotaEvaluation
@testable import RotaFormat
import RotaSolvers

/// A plan's `lines` section (each line's priority, due date and tier): computed by hand on
/// the seed instance, round-trips through both layouts and both read paths, is optional for
/// older plans, and is no business of the validator. And the baseline's per-tier SLA
/// adherence, which older baselines lack.
@Suite struct PlanLinesTests {
    static func seed() throws -> Instance {
        try RotaJSON.loadInstance(from: FormatSupport.repositoryRoot.appendingPathComponent("instances/seed.json").path)
    }

    @Test func prioritiesAndDueDatesByHand() throws {
        let lines = try Self.seed().lineAnnotations
        #expect(lines.count == 41)
        // ord-101: critical, created 2026-11-28, 6 tier days; indices 1.0, 0.6, 1.0, 0.8, 0.2.
        let first = try #require(lines.first)
        #expect(first.line == LineID("ord-101/1"))
        #expect(first.due == Day(iso: "2026-12-04"))
        #expect(first.tier == "critical")
        #expect(abs(first.priority - (0.35 * 1.0 + 0.20 * 0.6 + 0.20 * 1.0 + 0.15 * 0.8 + 0.10 * 0.2)) < 1e-12)
        // ord-103: an explicit due date and no indices: the order's weight, 1.
        let third = try #require(lines.first { $0.line == LineID("ord-103/1") })
        #expect(third.due == Day(iso: "2026-12-14"))
        #expect(third.priority == 1)
    }

    @Test(arguments: [false, true])
    func roundTripsInBothLayouts(_ pretty: Bool) throws {
        let instance = try Self.seed()
        var plan = try Planner().plan(instance, with: GreedySolver()).plan
        plan.lines = instance.lineAnnotations
        let bytes = RotaJSON.encode(plan, pretty: pretty)
        // The streamed read (rota's layout) and the tree read agree.
        let decoded = try RotaJSON.decodePlan(bytes)
        #expect(decoded.lines == plan.lines)
        #expect(decoded == plan)
        let tree = try RotaJSON.decodePlan(RotaJSON.parse(bytes))
        #expect(tree == plan)
        // The tree encoder writes the same document.
        if pretty { #expect(JSONWriter.write(RotaJSON.jsonValue(plan)) == bytes) }
    }

    @Test func olderPlansHaveNoLinesAndTheValidatorIgnoresThem() throws {
        let instance = try Self.seed()
        var plan = try Planner().plan(instance, with: GreedySolver()).plan
        #expect(try RotaJSON.decodePlan(RotaJSON.encode(plan)).lines == nil)
        let before = Validator().validate(plan, against: instance)
        // Even annotations that match nothing (an unknown line, a wrong due date) change no verdict.
        plan.lines = [LineAnnotation(line: LineID("nowhere"), priority: 99, due: Day(iso: "2020-01-01"), tier: "x")]
        let decoded = try RotaJSON.decodePlan(RotaJSON.encode(plan))
        #expect(decoded.lines?.count == 1)
        let after = Validator().validate(decoded, against: instance)
        #expect(before.isFeasible && after.isFeasible)
        #expect(before.violations == after.violations)
    }

    @Test(.enabled(if: FormatSchemaScript.available, "needs python3 with jsonschema"))
    func thePlanSchemaTakesLines() throws {
        let instance = try Self.seed()
        var plan = try Planner().plan(instance, with: GreedySolver()).plan
        plan.lines = instance.lineAnnotations
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rota-lines-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AtomicFile.write(RotaJSON.encode(plan), to: path)
        let script = FormatSupport.repositoryRoot.appendingPathComponent("docs/schema/validate.py").path
        let result = try FormatSchemaScript.run([script, "plan", path])
        #expect(result.status == 0, "\(result.output)")
    }

    /// The streamed reader takes the lines section in rota's layout (any number, with and
    /// without due date and tier, escaped tier names) with the values the checked reader
    /// gets, and leaves everything else to it.
    @Test func linesAreStreamedWithTheCheckedValues() throws {
        let lines = [
            LineAnnotation(line: LineID("a/1"), priority: 1.81, due: Day(iso: "2026-12-07"), tier: "high"),
            LineAnnotation(line: LineID("a/2"), priority: 0.30000000000000004, due: nil, tier: nil),
            LineAnnotation(line: LineID("a/3"), priority: 1e-7, due: nil, tier: "crit\u{e9}\"x"),
            LineAnnotation(line: LineID("a/4"), priority: 12, due: Day(iso: "2026-01-31"), tier: nil),
            LineAnnotation(line: LineID("a/5"), priority: -2.5e300, due: nil, tier: ""),
        ]
        var plan = Plan(tasks: [])
        plan.lines = lines
        for pretty in [false, true] {
            let bytes = RotaJSON.encode(plan, pretty: pretty)
            let streamed = try #require(PlanDecoder.streamed(bytes))
            #expect(streamed.lines == lines)
            #expect(try RotaJSON.decodePlan(RotaJSON.parse(bytes)) == streamed)
        }
        // Written by someone else: other key orders, integers written with exponents, extra
        // keys. The streamed reader gives up; the checked one reads or reports them.
        let other = #"{"format":"fulfillment-plan/1","tasks":[],"lines":[{"priority":1E2,"line":"a/1"}]}"#
        #expect(PlanDecoder.streamed(Array(other.utf8)) == nil)
        #expect(try RotaJSON.decodePlan(Array(other.utf8)).lines == [LineAnnotation(line: LineID("a/1"), priority: 100, due: nil, tier: nil)])
        let extra = #"{"format":"fulfillment-plan/1","tasks":[],"lines":[{"line":"a/1","priority":1,"note":"x"}]}"#
        #expect(PlanDecoder.streamed(Array(extra.utf8)) == nil)
        // Absent, empty and twice.
        #expect(PlanDecoder.streamed(Array(#"{"format":"fulfillment-plan/1","tasks":[]}"#.utf8))?.lines == nil)
        #expect(PlanDecoder.streamed(Array(#"{"format":"fulfillment-plan/1","tasks":[],"lines":[]}"#.utf8))?.lines == [])
        let twice = #"{"format":"fulfillment-plan/1","tasks":[],"lines":[],"lines":[{"line":"a/1","priority":1}]}"#
        #expect(PlanDecoder.streamed(Array(twice.utf8)) == nil)
    }

    @Test func malformedLinesArePathPreciseErrors() {
        let text = """
            {"format": "fulfillment-plan/1", "tasks": [], "lines": [{"line": "a/1", "priority": "high", "due": "2026-02-30"}]}
            """
        #expect(FormatSupport.planErrors(text) == [
            "lines[0].priority: expected a number, got a string",
            "lines[0].due: expected a date YYYY-MM-DD, got \"2026-02-30\"",
        ])
    }

    @Test func baselinesKeepSLATiersAndOldOnesStillLoad() throws {
        let metrics = BaselineMetrics(
            unscheduled: 0, makespan: 7, weightedLateness: 1.5, lateLines: 1, largestLoad: 3, spread: 1,
            softOverruns: 0, purchases: 10, reviews: 10)
        var withTiers = metrics
        withTiers.slaAdherence = [TierAdherence(tier: "critical", lines: 4, onTime: 3)]
        let baseline = Baseline(
            nodeLimit: 200, searchMaxLines: 60, instances: "instances/bench",
            entries: [
                BaselineEntry(instance: "a.json", digest: "0", solver: "greedy", status: "heuristic", metrics: withTiers)
            ])
        let text = String(decoding: baseline.encoded, as: UTF8.self)
        #expect(text.contains("\"slaAdherence\""))
        #expect(try Baseline.decode(baseline.encoded) == baseline)
        #expect(try Baseline.decode(baseline.encoded).entries[0].metrics.planMetrics.slaAdherence.first?.share == 0.75)
        // The committed baseline has no tiers: it still loads, with none.
        let committed = try Baseline.load(from: FormatSupport.repositoryRoot.appendingPathComponent("results/baseline.json").path)
        #expect(!committed.entries.isEmpty)
        let old = text.replacingOccurrences(
            of: #"(?s),\s*"slaAdherence": \[.*?\]"#, with: "", options: .regularExpression)
        #expect(!old.contains("slaAdherence"))
        var expected = baseline
        expected.entries[0].metrics.slaAdherence = nil
        #expect(try Baseline.decode(Array(old.utf8)) == expected)
    }
}
