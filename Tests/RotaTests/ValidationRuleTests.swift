import Testing
import RotaCore

/// Rules 2–8, one failing plan per clause, each breaking only its rule.
@Suite struct ValidationRuleTests {
    typealias F = ValidationFixture

    @Test func fixturePlanIsFeasible() {
        let report = F.validate(F.plan)
        #expect(report.isFeasible, "\(report.violations)")
        #expect(report.violations.isEmpty)
        #expect(report.counts == Dictionary(uniqueKeysWithValues: (1...9).map { ($0, 0) }))
    }

    // MARK: Rule 2

    @Test func beforeStart() {
        let violations = F.expectOnly(
            rule: 2, count: 1, F.plan.changing("P:ord-2/1") { $0.date = F.day("2026-11-30") })
        #expect(violations.first?.message.contains("before the start 2026-12-01") == true)
        #expect(violations.first?.day == F.day("2026-11-30"))
    }

    @Test func beforeEarliest() {
        let violations = F.expectOnly(
            rule: 2, count: 1, F.plan.changing("P:ord-1/1") { $0.date = F.day("2026-12-01") })
        #expect(violations.first?.message.contains("earliest day 2026-12-02") == true)
    }

    @Test func afterHorizon() {
        let violations = F.expectOnly(
            rule: 2, count: 1, F.plan.changing("R:ord-2/2") { $0.date = F.day("2026-12-31") })
        #expect(violations.first?.message.contains("last day 2026-12-30") == true)
    }

    @Test func lastDayOfHorizonIsFine() {
        #expect(F.validate(F.plan.changing("R:ord-2/2") { $0.date = F.day("2026-12-30") }).isFeasible)
    }

    // MARK: Rule 3

    @Test func unavailableDay() {
        let violations = F.expectOnly(
            rule: 3, count: 1, F.plan.changing("R:ord-1/2") { $0.date = F.day("2026-12-05") })
        #expect(violations.first?.account == "acct-1")
        #expect(violations.first?.tasks == ["R:ord-1/2"])
    }

    // MARK: Rule 4

    @Test func dailyLimit() {
        let plan = F.plan
            .changing("P:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-02") }
            .changing("R:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-06") }
        let violations = F.expectOnly(rule: 4, count: 1, plan)
        #expect(violations.first?.message == "acct-1 makes 3 purchases on 2026-12-02, over its daily limit of 2")
        #expect(violations.first?.tasks == ["P:ord-1/1", "P:ord-1/2", "P:ord-2/2"])
    }

    @Test func unlimitedDailyLimit() {
        var instance = F.instance
        instance.accounts[0].dailyLimit = nil
        let plan = F.plan
            .changing("P:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-02") }
            .changing("R:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-06") }
        #expect(F.validate(plan, instance).isFeasible)
    }

    // MARK: Rule 5

    @Test func sameItemOnOneDay() {
        let plan = F.plan
            .changing("P:ord-1/1") { $0.account = "acct-2" }
            .changing("R:ord-1/1") { $0.account = "acct-2" }
            .changing("P:ord-2/1") { $0.date = F.day("2026-12-02") }
            .changing("R:ord-2/1") { $0.date = F.day("2026-12-05") }
        let violations = F.expectOnly(rule: 5, count: 1, plan)
        #expect(violations.first?.message.contains("item-A 2 times on 2026-12-02") == true)
        #expect(violations.first?.account == "acct-2")
    }

    @Test func sameItemOverThePlan() {
        let plan = F.plan
            .changing("P:ord-2/1") { $0.account = "acct-1" }
            .changing("R:ord-2/1") { $0.account = "acct-1" }
        let violations = F.expectOnly(rule: 5, count: 1, plan)
        #expect(violations.first?.tasks == ["P:ord-1/1", "P:ord-2/1", "P:ord-3/1"])
        #expect(violations.first?.day == F.day("2026-12-03"))
        #expect(violations.first?.message.contains("3 times over the plan, over the limit of 2") == true)
    }

    // MARK: Rule 6

    @Test func reviewTooEarly() {
        let violations = F.expectOnly(
            rule: 6, count: 1, F.plan.changing("R:ord-2/1") { $0.date = F.day("2026-12-03") })
        #expect(violations.first?.tasks == ["P:ord-2/1", "R:ord-2/1"])
        #expect(violations.first?.message.contains("lag of 3 days") == true)
    }

    @Test func lineLagOverridesRule() {
        // 4 days after the purchase satisfies the rule's lag of 3 but not the line's 5.
        let violations = F.expectOnly(
            rule: 6, count: 1, F.plan.changing("R:ord-1/1") { $0.date = F.day("2026-12-06") })
        #expect(violations.first?.message.contains("lag of 5 days (not before 2026-12-07)") == true)
    }

    @Test func reviewByAnotherAccount() {
        let violations = F.expectOnly(rule: 6, count: 1, F.plan.changing("R:ord-2/1") { $0.account = "acct-1" })
        #expect(violations.first?.message.contains("was by acct-2") == true)
    }

    // MARK: Rule 7

    @Test func rollingHardCap() {
        let plan = F.plan
            .changing("P:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-03") }
            .changing("R:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-09") }
            .changing("P:ord-3/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-04") }
            .changing("R:ord-3/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-10") }
        let violations = F.expectOnly(rule: 7, count: 1, plan)
        #expect(
            violations.first?.message
                == "acct-1 makes 5 purchases in the 3 days from 2026-12-02 to 2026-12-04, over its hard rolling cap of 4")
        #expect(violations.first?.day == F.day("2026-12-02"))
    }

    @Test func rollingSoftCapIsAllowed() {
        // Four purchases in three days: over soft (3), within hard (4).
        let plan = F.plan
            .changing("P:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-03") }
            .changing("R:ord-2/2") { $0.account = "acct-1"; $0.date = F.day("2026-12-09") }
        #expect(F.validate(plan).isFeasible)
    }

    // MARK: Rule 8

    @Test func reviewsPerDay() {
        let violations = F.expectOnly(
            rule: 8, count: 1, F.plan.changing("R:ord-3/2") { $0.date = F.day("2026-12-04") })
        #expect(violations.first?.message == "acct-2 makes 3 reviews on 2026-12-04, over the limit of 2 per day")
    }

    @Test func unlimitedReviewsPerDay() {
        var instance = F.instance
        instance.rules.reviewsPerAccountPerDay = nil
        #expect(F.validate(F.plan.changing("R:ord-3/2") { $0.date = F.day("2026-12-04") }, instance).isFeasible)
    }

    // MARK: Untrusted numbers

    @Test(arguments: [Int.max, Int.min, 0, -1])
    func extremeNumbersDoNotTrap(_ number: Int) {
        var instance = F.instance
        instance.horizonDays = number
        instance.rules.reviewLagDays = number
        instance.rules.sameItemPerAccount = number
        instance.rules.reviewsPerAccountPerDay = number
        instance.orders[0].lines[0].reviewLagDays = number
        instance.accounts[0].dailyLimit = number
        instance.accounts[0].rolling = RollingCap(days: number, soft: number, hard: number)
        instance.accounts[1].rolling = RollingCap(days: 2, hard: number)
        let report = F.validate(F.plan, instance)
        // Int.max leaves every cap open and only makes every review too early.
        if number == Int.max { #expect(report.brokenRules == [6]) }
        #expect(report.violations.allSatisfy { !$0.message.isEmpty })
    }

    // MARK: Report

    @Test func collectsEveryViolationSorted() {
        let plan = F.plan
            .changing("R:ord-3/2") { $0.date = F.day("2026-12-04") }  // rule 8
            .changing("R:ord-1/2") { $0.date = F.day("2026-12-05") }  // rule 3
            .changing("P:ord-2/1") { $0.date = F.day("2026-11-30") }  // rule 2
            .removing("R:ord-1/1")  // rule 1
        let report = F.validate(plan)
        #expect(report.brokenRules == [1, 2, 3, 8])
        #expect(report.violations.map(\.rule) == [1, 2, 3, 8])
        #expect(report.counts[1] == 1 && report.counts[5] == 0)
        #expect(report.violations(ofRule: 3).count == 1)
        // The order does not depend on the order of the tasks.
        var reversed = plan
        reversed.tasks.reverse()
        #expect(F.validate(reversed).violations == report.violations)
    }
}
