import Foundation
import Testing

@testable import Rota

/// `PlanExplainer` against the independent validator: moving a line's purchase to a day the
/// explanation says is blocked breaks exactly the rule it names; a day it says had room on
/// the line's account gives a valid plan.
@Suite struct PlanExplainerTests {
    static func moved(_ plan: Plan, line: LineID, purchaseTo day: Day, reviewTo review: Day) -> Plan {
        var plan = plan
        for i in plan.tasks.indices where plan.tasks[i].line == line && plan.tasks[i].status == .pending {
            plan.tasks[i].date = plan.tasks[i].kind == .purchase ? day : review
        }
        return plan
    }

    @Test(arguments: 1...8) func blockersAgreeWithTheValidator(seed: UInt64) throws {
        let instance = (seed % 2 == 0 ? InstanceFamily.small : .tight).generate(seed: seed)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        let explainer = PlanExplainer(instance: instance, plan: plan)
        var checked = 0
        for line in instance.orders.flatMap(\.lines).prefix(60) {
            let explanation = try #require(explainer.explain(line.id))
            guard case .planned(_, let review) = explanation.standing else { continue }
            let lag = line.reviewLagDays ?? instance.rules.reviewLagDays
            for day in explanation.purchaseDays {
                // Keep the review where it is when the lag allows, so only the purchase moves.
                let reviewDay = max(review.date, day.date + lag)
                let changed = Self.moved(plan, line: line.id, purchaseTo: day.date, reviewTo: reviewDay)
                let report = Validator().validate(changed, against: instance)
                if let blocker = day.onAccount, blocker.kind != .noReviewBefore {
                    #expect(
                        report.violations.contains { $0.rule == blocker.kind.rule },
                        "\(line.id) on \(day.date): said \(blocker.text), validator: \(report.violations.prefix(2))")
                } else if day.onAccount == nil {
                    #expect(report.isFeasible, "\(line.id) on \(day.date) said free: \(report.violations.prefix(2))")
                }
                checked += 1
            }
        }
        #expect(checked > 0 || seed % 2 == 0)
    }

    /// A line pinned to an account: every earlier day on another account is ruled out by the
    /// override (rule 10, with its reason code); the validator agrees when the purchase moves
    /// to such an account.
    @Test func anOverrideIsAReason() throws {
        var instance = InstanceFamily.small.generate(seed: 2)
        let free = try Planner().plan(instance, with: GreedySolver()).plan
        let purchase = try #require(free.tasks.first { $0.kind == .purchase && $0.status == .pending })
        instance.overrides = [
            LineOverride(line: purchase.line, reasonCode: "vip-customer", pin: LineOverride.Pin(account: purchase.account, date: nil))
        ]
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        let explanation = try #require(PlanExplainer(instance: instance, plan: plan).explain(purchase.line))
        guard case .planned(let placed, _) = explanation.standing else {
            Issue.record("the pinned line is not planned: \(explanation.standing)")
            return
        }
        #expect(placed.account == purchase.account)
        for day in explanation.purchaseDays {
            #expect(day.freeAccount == nil, "\(day.date): \(String(describing: day.freeAccount)) said free")
            let others = day.others.values.reduce(0, +)
            #expect(others == instance.accounts.count - 1)
            #expect(day.others[.override] == others)
        }
        let other = try #require(instance.accounts.first { $0.id != purchase.account })
        let blocker = try #require(
            PlanExplainer(instance: instance, plan: plan).blocker(
                line: purchase.line, kind: .purchase, account: other.id, date: placed.date))
        #expect(blocker.kind == .override && blocker.kind.rule == 10)
        #expect(blocker.text.contains("vip-customer"), "\(blocker.text)")
    }

    @Test func completedAndUnknownLines() throws {
        let instance = InstanceFamily.resched.generate(seed: 3)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        let explainer = PlanExplainer(instance: instance, plan: plan)
        #expect(explainer.explain("no-such-line") == nil)
        let done = instance.existing.filter { $0.status == .completed && $0.kind == .review }.map(\.line)
        if let line = done.first {
            #expect(explainer.explain(line)?.standing == .completed)
        }
    }
}
