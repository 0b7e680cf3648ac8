import Testing
import RotaCore

/// Rule 9 and the history exception: completed tasks count toward caps, but a breach made of
/// completed tasks alone is not the plan's fault.
@Suite struct ValidationHistoryTests {
    typealias F = ValidationFixture

    /// Line ord-1/1 was purchased (completed) before the start and its review was missed;
    /// the plan keeps both and schedules a new review.
    static var replanned: (instance: Instance, plan: Plan) {
        let bought = F.purchase("ord-1/1", "acct-1", "2026-11-26", status: .completed)
        let missed = F.review("ord-1/1", "acct-1", "2026-11-30", status: .missed)
        var instance = F.instance
        instance.existing = [bought, missed, F.purchase("ord-1/2", "acct-1", "2026-12-09")]
        let plan = F.plan.removing("P:ord-1/1", "R:ord-1/1")
            .adding(bought, missed, F.review("ord-1/1", "acct-1", "2026-12-02", id: "R2:ord-1/1"))
        return (instance, plan)
    }

    @Test func keptHistoryIsFeasible() {
        let (instance, plan) = Self.replanned
        let report = F.validate(plan, instance)
        #expect(report.isFeasible, "\(report.violations)")
    }

    @Test func missedTaskDropped() {
        let (instance, plan) = Self.replanned
        let violations = F.expectOnly(rule: 9, count: 1, plan.removing("R:ord-1/1"), instance)
        #expect(violations.first?.message.contains("missed review R:ord-1/1 of the existing plan is missing") == true)
    }

    @Test func completedTaskMoved() {
        let (instance, plan) = Self.replanned
        let moved = plan.changing("P:ord-1/1") { $0.date = F.day("2026-11-25") }
        let violations = F.expectOnly(rule: 9, count: 1, moved, instance)
        #expect(violations.first?.message.contains("date 2026-11-26 → 2026-11-25") == true)
    }

    @Test func completedTaskReassigned() {
        let (instance, plan) = Self.replanned
        let moved = plan.changing("P:ord-1/1") { $0.account = "acct-2" }.changing("R2:ord-1/1") { $0.account = "acct-2" }
        let violations = F.expectOnly(rule: 9, count: 1, moved, instance)
        #expect(violations.first?.message.contains("account acct-1 → acct-2") == true)
    }

    @Test func inventedHistory() {
        let (instance, plan) = Self.replanned
        // P:ord-1/2 is pending in `existing`: the plan may not call it completed.
        let invented = plan.changing("P:ord-1/2") { $0.status = .completed }
        let violations = F.expectOnly(rule: 9, count: 1, invented, instance)
        #expect(violations.first?.tasks == ["P:ord-1/2"])
    }

    @Test func historyCopiedTwice() {
        var (instance, plan) = Self.replanned
        instance.rules.sameItemPerAccount = nil  // the copy would also count as a third item-A purchase
        let bought = F.purchase("ord-1/1", "acct-1", "2026-11-26", status: .completed)
        F.expectOnly(rule: 9, count: 1, plan.adding(bought), instance)
    }

    /// acct-1 bought five items in the three days before the start, three on one day: over its
    /// daily limit and its rolling hard cap, but that is history.
    static var heavyHistory: (instance: Instance, plan: Plan) {
        let done = [
            F.purchase("ord-2/1", "acct-1", "2026-11-29", status: .completed),
            F.purchase("ord-3/2", "acct-1", "2026-11-29", status: .completed),
            F.purchase("ord-1/2", "acct-1", "2026-11-30", status: .completed),
            F.purchase("ord-2/2", "acct-1", "2026-11-30", status: .completed),
            F.purchase("ord-3/1", "acct-1", "2026-11-30", status: .completed),
        ]
        var instance = F.instance
        instance.existing = done
        let plan = Plan(
            tasks: done + [
                F.review("ord-2/1", "acct-1", "2026-12-02"), F.review("ord-3/2", "acct-1", "2026-12-02"),
                F.review("ord-1/2", "acct-1", "2026-12-03"), F.review("ord-2/2", "acct-1", "2026-12-03"),
                F.review("ord-3/1", "acct-1", "2026-12-04"),
                F.purchase("ord-1/1", "acct-2", "2026-12-02"), F.review("ord-1/1", "acct-2", "2026-12-07"),
            ])
        return (instance, plan)
    }

    @Test func breachMadeOfHistoryAloneIsNotReported() {
        let (instance, plan) = Self.heavyHistory
        let report = F.validate(plan, instance)
        #expect(report.isFeasible, "\(report.violations)")
    }

    @Test func historyCountsTowardCaps() {
        let (instance, plan) = Self.heavyHistory
        // acct-1 already bought item-A twice: a third purchase breaks the whole-plan cap.
        let third = plan.changing("P:ord-1/1") { $0.account = "acct-1" }.changing("R:ord-1/1") { $0.account = "acct-1" }
        let violations = F.expectOnly(rule: 5, count: 1, third, instance)
        #expect(violations.first?.tasks == ["P:ord-1/1", "P:ord-2/1", "P:ord-3/1"])
    }

    @Test func historyCountsTowardRollingCap() {
        var (instance, plan) = Self.heavyHistory
        instance.accounts[0].rolling = RollingCap(days: 4, hard: 5)
        instance.rules.sameItemPerAccount = nil
        // Five purchases on 11-29 and 11-30, and one more on 12-02: six in the four days from 11-29.
        let sixth = plan.changing("P:ord-1/1") { $0.account = "acct-1" }.changing("R:ord-1/1") { $0.account = "acct-1" }
        let violations = F.expectOnly(rule: 7, count: 1, sixth, instance)
        #expect(violations.first?.day == F.day("2026-11-29"))
        #expect(violations.first?.tasks.count == 6)
    }

    @Test func completedTasksBeforeStartAreFine() {
        let (instance, plan) = Self.heavyHistory
        // Completed purchases are before the start; rule 2 only asks it of pending tasks.
        #expect(F.validate(plan, instance).violations(ofRule: 2).isEmpty)
    }
}
