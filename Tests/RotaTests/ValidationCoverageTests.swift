import Testing
import RotaCore

/// Rule 1: coverage of lines and consistency of the tasks' references.
@Suite struct ValidationCoverageTests {
    typealias F = ValidationFixture

    @Test func missingReview() {
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.removing("R:ord-1/1"))
        #expect(violations.first?.lines == ["ord-1/1"])
        #expect(violations.first?.message.contains("no review") == true)
    }

    @Test func missingPurchase() {
        let violations = F.expectOnly(rule: 1, F.plan.removing("P:ord-2/2"))
        #expect(violations.contains { $0.message.contains("no purchase") && $0.lines == ["ord-2/2"] })
    }

    @Test func duplicatePurchase() {
        let plan = F.plan.adding(F.purchase("ord-1/1", "acct-2", "2026-12-03", id: "P2:ord-1/1"))
        let violations = F.expectOnly(rule: 1, count: 1, plan)
        #expect(violations.first?.tasks == ["P2:ord-1/1", "P:ord-1/1"])
        #expect(violations.first?.message.contains("2 purchases") == true)
    }

    @Test func duplicateReview() {
        let plan = F.plan.adding(F.review("ord-2/1", "acct-2", "2026-12-05", id: "R2:ord-2/1"))
        F.expectOnly(rule: 1, count: 1, plan)
    }

    @Test func unknownAccount() {
        let plan = F.plan.changing("P:ord-1/1") { $0.account = "ghost" }.changing("R:ord-1/1") { $0.account = "ghost" }
        let violations = F.expectOnly(rule: 1, count: 2, plan)
        #expect(violations.allSatisfy { $0.account == "ghost" && $0.message.contains("ghost") })
    }

    @Test func wrongItem() {
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.changing("P:ord-1/1") { $0.item = "item-C" })
        #expect(violations.first?.tasks == ["P:ord-1/1"])
        #expect(violations.first?.message.contains("asks for item item-A") == true)
    }

    @Test func unknownItem() {
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-1/2") { $0.item = "item-Z" })
        #expect(violations.first?.message.contains("no line of the instance asks for") == true)
    }

    @Test func wrongOrder() {
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-3/2") { $0.order = "ord-2" })
        #expect(violations.first?.message.contains("belongs to order ord-3") == true)
    }

    @Test func unknownLine() {
        let stray = PlanTask(
            id: "P:ord-9/9", kind: .purchase, line: "ord-9/9", order: "ord-9", item: "item-D", account: "acct-2",
            date: F.day("2026-12-02"))
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.adding(stray))
        #expect(violations.first?.lines == ["ord-9/9"])
    }

    @Test func duplicateTaskID() {
        let plan = F.plan.changing("R:ord-1/2") { $0.id = "R:ord-1/1" }
        let violations = F.expectOnly(rule: 1, count: 1, plan)
        #expect(violations.first?.tasks == ["R:ord-1/1"])
        #expect(violations.first?.message.contains("used by 2 tasks") == true)
    }

    @Test func reviewFollowingAnotherLinesPurchase() {
        F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-1/1") { $0.after = "P:ord-1/2" })
    }

    @Test func reviewFollowingNothing() {
        F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-1/1") { $0.after = nil })
        F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-1/1") { $0.after = "P:nowhere" })
        F.expectOnly(rule: 1, count: 1, F.plan.changing("R:ord-1/1") { $0.after = "R:ord-1/2" })
    }

    @Test func unscheduledLineIsFine() {
        let plan = F.plan.removing("P:ord-1/1", "R:ord-1/1").leavingOut("ord-1/1")
        #expect(F.validate(plan).isFeasible)
    }

    @Test func unscheduledWithPendingTasks() {
        let violations = F.expectOnly(rule: 1, count: 1, F.plan.leavingOut("ord-1/1"))
        #expect(violations.first?.tasks == ["P:ord-1/1", "R:ord-1/1"])
        #expect(violations.first?.message.contains("2 pending tasks") == true)
    }

    @Test(arguments: ["", "   "])
    func unscheduledWithoutReason(_ reason: String) {
        let plan = F.plan.removing("P:ord-1/1", "R:ord-1/1").leavingOut("ord-1/1", reason: reason)
        let violations = F.expectOnly(rule: 1, count: 1, plan)
        #expect(violations.first?.message.contains("no reason") == true)
    }

    @Test func unscheduledTwice() {
        let plan = F.plan.removing("P:ord-1/1", "R:ord-1/1").leavingOut("ord-1/1").leavingOut("ord-1/1")
        let violations = F.expectOnly(rule: 1, count: 1, plan)
        #expect(violations.first?.message.contains("listed 2 times") == true)
    }

    @Test func unscheduledUnknownLine() {
        F.expectOnly(rule: 1, count: 1, F.plan.leavingOut("ord-9/9"))
    }

    @Test func unscheduledLineKeepsCompletedTasks() {
        var instance = F.instance
        let done = F.purchase("ord-1/2", "acct-1", "2026-11-28", status: .completed)
        instance.existing = [done]
        let plan = F.plan.removing("P:ord-1/2", "R:ord-1/2").adding(done).leavingOut("ord-1/2")
        #expect(F.validate(plan, instance).isFeasible)
    }
}
