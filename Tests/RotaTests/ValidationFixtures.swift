import Testing
import RotaCore
import RotaEvaluation

/// A small instance and a plan for it that satisfies every rule, for the validator tests.
///
/// start 2026-12-01, horizon 30 days (last day 2026-12-30); lag 3 days; one purchase of an
/// item per account per day, two per account over the plan; two reviews per account per day.
/// acct-1: 2 purchases a day, away on 2026-12-05, at most 4 purchases in any 3 days.
/// acct-2: 3 purchases a day.
enum ValidationFixture {
    static let start = day("2026-12-01")

    static func day(_ text: String) -> Day {
        guard let day = Day(iso: text) else {
            Issue.record("bad fixture date \(text)")
            return Day(ordinal: 0)
        }
        return day
    }

    /// Lines by id: (order, item).
    static let lines: [(line: LineID, order: OrderID, item: ItemID)] = [
        ("ord-1/1", "ord-1", "item-A"), ("ord-1/2", "ord-1", "item-B"),
        ("ord-2/1", "ord-2", "item-A"), ("ord-2/2", "ord-2", "item-C"),
        ("ord-3/1", "ord-3", "item-A"), ("ord-3/2", "ord-3", "item-D"),
    ]

    static var instance: Instance {
        Instance(
            name: "validation-fixture", start: start, horizonDays: 30,
            rules: Rules(
                reviewLagDays: 3, sameItemPerAccountPerDay: 1, sameItemPerAccount: 2, reviewsPerAccountPerDay: 2),
            accounts: [
                Account(
                    id: "acct-1", dailyLimit: 2, unavailable: [day("2026-12-05")],
                    rolling: RollingCap(days: 3, soft: 3, hard: 4)),
                Account(id: "acct-2", dailyLimit: 3),
            ],
            orders: [
                Order(
                    id: "ord-1", dueDate: day("2026-12-12"),
                    lines: [
                        Line(id: "ord-1/1", item: "item-A", earliest: day("2026-12-02"), reviewLagDays: 5),
                        Line(id: "ord-1/2", item: "item-B"),
                    ]),
                Order(id: "ord-2", lines: [Line(id: "ord-2/1", item: "item-A"), Line(id: "ord-2/2", item: "item-C")]),
                Order(id: "ord-3", lines: [Line(id: "ord-3/1", item: "item-A"), Line(id: "ord-3/2", item: "item-D")]),
            ])
    }

    /// A plan that breaks no rule.
    static var plan: Plan {
        Plan(
            instance: "validation-fixture",
            tasks: [
                purchase("ord-1/1", "acct-1", "2026-12-02"), review("ord-1/1", "acct-1", "2026-12-07"),
                purchase("ord-1/2", "acct-1", "2026-12-02"), review("ord-1/2", "acct-1", "2026-12-06"),
                purchase("ord-2/1", "acct-2", "2026-12-01"), review("ord-2/1", "acct-2", "2026-12-04"),
                purchase("ord-2/2", "acct-2", "2026-12-01"), review("ord-2/2", "acct-2", "2026-12-04"),
                purchase("ord-3/1", "acct-1", "2026-12-03"), review("ord-3/1", "acct-1", "2026-12-08"),
                purchase("ord-3/2", "acct-2", "2026-12-01"), review("ord-3/2", "acct-2", "2026-12-06"),
            ])
    }

    /// The purchase `P:<line>` of a fixture line.
    static func purchase(
        _ line: LineID, _ account: AccountID, _ date: String, status: TaskStatus = .pending, id: TaskID? = nil
    ) -> PlanTask {
        let (order, item) = orderAndItem(of: line)
        return PlanTask(
            id: id ?? TaskID("P:\(line)"), kind: .purchase, line: line, order: order, item: item, account: account,
            date: day(date), status: status)
    }

    /// The review `R:<line>` of a fixture line, after `P:<line>`.
    static func review(
        _ line: LineID, _ account: AccountID, _ date: String, status: TaskStatus = .pending, id: TaskID? = nil,
        after: TaskID? = nil
    ) -> PlanTask {
        let (order, item) = orderAndItem(of: line)
        return PlanTask(
            id: id ?? TaskID("R:\(line)"), kind: .review, line: line, order: order, item: item, account: account,
            date: day(date), status: status, after: after ?? TaskID("P:\(line)"))
    }

    private static func orderAndItem(of line: LineID) -> (OrderID, ItemID) {
        guard let entry = lines.first(where: { $0.line == line }) else { return ("ord-unknown", "item-unknown") }
        return (entry.order, entry.item)
    }

    /// Validates with every rule.
    static func validate(_ plan: Plan, _ instance: Instance = instance) -> ValidationReport {
        Validator().validate(plan, against: instance)
    }

    /// Expects the plan to break exactly `rule` (and no other), `count` times when given.
    @discardableResult
    static func expectOnly(
        rule: Int, count: Int? = nil, _ plan: Plan, _ instance: Instance = instance,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Violation] {
        let report = validate(plan, instance)
        #expect(!report.isFeasible, sourceLocation: sourceLocation)
        #expect(report.brokenRules == [rule], "\(report.violations)", sourceLocation: sourceLocation)
        if let count {
            #expect(report.violations.count == count, "\(report.violations)", sourceLocation: sourceLocation)
        }
        return report.violations
    }
}

extension Plan {
    /// This plan with the task `id` changed.
    func changing(_ id: TaskID, _ change: (inout PlanTask) -> Void) -> Plan {
        var plan = self
        for index in plan.tasks.indices where plan.tasks[index].id == id { change(&plan.tasks[index]) }
        return plan
    }

    /// This plan without the tasks `ids`.
    func removing(_ ids: TaskID...) -> Plan {
        var plan = self
        plan.tasks.removeAll { ids.contains($0.id) }
        return plan
    }

    /// This plan with `tasks` added at the end.
    func adding(_ tasks: PlanTask...) -> Plan {
        var plan = self
        plan.tasks += tasks
        return plan
    }

    /// This plan with `line` listed as unscheduled.
    func leavingOut(_ line: LineID, reason: String = "no account can take it") -> Plan {
        var plan = self
        plan.unscheduled.append(UnscheduledLine(line: line, reason: reason))
        return plan
    }
}
