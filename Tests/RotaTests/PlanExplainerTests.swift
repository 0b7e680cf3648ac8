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
