import PropertyBased
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaEvaluation

private typealias F = ValidationFixture

/// A validator's limit: at most that many violations listed per rule, the first in report
/// order, with exact counts, whatever order the violations are found in.
@Suite struct ValidationCapTests {
    /// `count` bogus purchases on the fixture instance, by acct-1 on 2026-12-05 (a day it is
    /// away) for lines it does not have: rules 1 and 3 break once per task, rules 4, 5 and 7
    /// once each.
    static func bogusPlan(count: Int) -> Plan {
        var plan = F.plan
        plan.tasks += (0..<count).map { n in
            PlanTask(
                id: TaskID("P:x\(n)"), kind: .purchase, line: LineID("x/\(n)"), order: "ord-x", item: "item-A",
                account: "acct-1", date: F.day("2026-12-05"))
        }
        return plan
    }

    @Test(arguments: [0, 1, 7, 100])
    func limitedReportIsThePrefixOfTheFullOne(limit: Int) {
        let plan = Self.bogusPlan(count: 300)
        let full = Validator().validate(plan, against: F.instance)
        let limited = Validator(limit: limit).validate(plan, against: F.instance)
        #expect(full.counts[1] == 300 && full.counts[3] == 300)
        #expect(limited.counts == full.counts)
        #expect(limited.violationCount == full.violations.count)
        #expect(limited.brokenRules == full.brokenRules)
        #expect(!limited.isFeasible)
        for rule in 1...9 {
            let all = full.violations(ofRule: rule)
            #expect(limited.violations(ofRule: rule) == Array(all.prefix(limit)), "rule \(rule)")
            #expect(limited.omitted[rule] == max(all.count - limit, 0), "rule \(rule)")
        }
        #expect(full.omitted.values.allSatisfy { $0 == 0 })
    }

    @Test func limitDoesNotDependOnTheOrderOfTheTasks() {
        let plan = Self.bogusPlan(count: 500)
        var reversed = plan
        reversed.tasks.reverse()
        let validator = Validator(limit: 10)
        #expect(validator.validate(reversed, against: F.instance) == validator.validate(plan, against: F.instance))
    }

    @Test func aFeasiblePlanStaysFeasibleWithAnyLimit() {
        for limit in [nil, 0, 5] {
            let report = Validator(limit: limit).validate(F.plan, against: F.instance)
            #expect(report.isFeasible)
            #expect(report.violationCount == 0)
            #expect(report.omitted == Dictionary(uniqueKeysWithValues: (1...9).map { ($0, 0) }))
        }
    }

    /// Random streams of violations: the collector keeps exactly the first `limit` per rule of
    /// the sorted stream, and never holds much more than the limit.
    @Test func collectorKeepsTheFirstInReportOrder() async {
        let stream = zip(Gen.int(in: 1...3), Gen.int(in: 0...40)).array(of: 0...600)
        await propertyCheck(count: 200, input: stream, Gen.int(in: 0...12)) { stream, limit in
            let violations = stream.map { rule, day in
                Violation(rule: rule, tasks: [TaskID("T\(day)")], day: Day(ordinal: 20_000 + day), message: "day \(day)")
            }
            var collector = ViolationCollector(limit: limit)
            var largest = 0
            for violation in violations {
                collector.append(violation)
                largest = max(largest, collector.heldCount)
            }
            let sorted = violations.sorted(by: Violation.precedes)
            let expected = (1...3).flatMap { rule in sorted.filter { $0.rule == rule }.prefix(limit) }
            #expect(collector.kept == expected)
            #expect(collector.counts == Dictionary(grouping: violations, by: \.rule).mapValues(\.count))
            #expect(largest <= 3 * (2 * limit + 64))
        }
    }

    @Test func memoryDoesNotGrowWithTheViolations() {
        var collector = ViolationCollector(limit: 100)
        var largest = 0
        // Later violations come first in report order, so that each one is a candidate.
        for n in stride(from: 200_000, to: 0, by: -1) {
            collector.append(Violation(rule: 2, day: Day(ordinal: n), message: "day \(n)"))
            largest = max(largest, collector.heldCount)
        }
        #expect(largest < 2 * 100 + 64)
        #expect(collector.counts == [2: 200_000])
        #expect(collector.kept.map(\.day) == (1...100).map { Day(ordinal: $0) })
    }

    @Test func aLargeBogusPlanIsCountedExactly() {
        let report = Validator(limit: 100).validate(Self.bogusPlan(count: 100_000), against: F.instance)
        #expect(report.counts[1] == 100_000)
        #expect(report.counts[3] == 100_000)
        #expect(report.omitted[1] == 99_900 && report.omitted[3] == 99_900)
        #expect(report.violations.count <= 9 * 100)
        // One daily-limit breach holds every purchase of the day.
        #expect(report.violations(ofRule: 4).map(\.tasks.count) == [100_000])
    }

    @Test func reportFromAListKeepsEveryViolation() {
        let violations = [Violation(rule: 4, message: "b"), Violation(rule: 2, message: "a")]
        let report = ValidationReport(violations: violations, rules: [2, 4, 6])
        #expect(report.violations.map(\.rule) == [2, 4])
        #expect(report.counts == [2: 1, 4: 1, 6: 0])
        #expect(report.omitted == [2: 0, 4: 0, 6: 0])
        #expect(report.violationCount == 2)
    }
}
