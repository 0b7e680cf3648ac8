import RotaCore
import RotaEvaluation

/// A small instance and hand-made plans of it for the comparator tests.
///
/// start 2026-12-01 (offset 0), horizon 30 days, lag 2 days. Accounts a1 (2 a day, rolling
/// 3 days soft 1), a2 and a3 (2 a day). Order o1: due offset 4, critical, weight 2, lines l1
/// (item x) and l2 (item y). Order o2: due offset 8, standard, lines l3 (item x), l4 (item z).
enum ComparisonFixture {
    typealias S = ScoringSupport

    static let instance = Instance(
        name: "comparison", start: S.start, horizonDays: 30, rules: Rules(reviewLagDays: 2),
        accounts: [
            Account(id: "a1", dailyLimit: 2, rolling: RollingCap(days: 3, soft: 1)),
            Account(id: "a2", dailyLimit: 2),
            Account(id: "a3", dailyLimit: 2),
        ],
        orders: [
            Order(
                id: "o1", dueDate: S.day(4), slaTier: "critical", weight: 2,
                lines: [Line(id: "l1", item: "x"), Line(id: "l2", item: "y")]),
            Order(
                id: "o2", dueDate: S.day(8), slaTier: "standard",
                lines: [Line(id: "l3", item: "x"), Line(id: "l4", item: "z")]),
        ])

    /// Where a line is planned: its account, purchase day and review day (offsets from start).
    typealias Placement = (line: String, account: String, purchase: Int, review: Int)

    static let orderAndItem: [String: (order: String, item: String)] = [
        "l1": ("o1", "x"), "l2": ("o1", "y"), "l3": ("o2", "x"), "l4": ("o2", "z"),
    ]

    /// A plan with each placement's purchase and review, and the lines left out.
    static func plan(_ placements: [Placement], leftOut: [String] = [], solver: String? = nil) -> Plan {
        var tasks: [PlanTask] = []
        for p in placements {
            let (order, item) = Self.orderAndItem[p.line] ?? ("o?", "?")
            tasks.append(S.task(.purchase, p.line, order: order, item: item, account: p.account, on: p.purchase))
            tasks.append(S.task(.review, p.line, order: order, item: item, account: p.account, on: p.review))
        }
        return Plan(
            instance: "comparison", solver: solver.map { SolverRun(name: $0, status: .heuristic, seconds: 0) },
            tasks: tasks, unscheduled: leftOut.map { UnscheduledLine(line: LineID($0), reason: "left out by hand") })
    }

    /// The baseline: a1 buys l1 and l2 on day 0 (3 soft overruns), a2 buys l3 and l4 on day 1;
    /// makespan 7 (last review day 6), loads 2/2/0 (spread 2), nothing late.
    static let baseline = plan(
        [("l1", "a1", 0, 2), ("l2", "a1", 0, 3), ("l3", "a2", 1, 5), ("l4", "a2", 1, 6)], solver: "hand")

    /// Shorter: makespan 4, loads 1/1/2 (spread 1), no overrun; l1 stays, the other six tasks move.
    static let shorter = plan([("l1", "a1", 0, 2), ("l2", "a2", 0, 2), ("l3", "a3", 0, 2), ("l4", "a3", 1, 3)])

    /// The baseline with l1 reviewed on day 6, two days after its due date: lateness 2 × 2 = 4,
    /// critical SLA 1 of 2; makespan still 7.
    static let late = plan([("l1", "a1", 0, 6), ("l2", "a1", 0, 3), ("l3", "a2", 1, 5), ("l4", "a2", 1, 6)])

    /// `shorter` with l4 reviewed on its purchase day: breaks rule 6 once, makespan 3.
    static let tooSoon = plan([("l1", "a1", 0, 2), ("l2", "a2", 0, 2), ("l3", "a3", 0, 2), ("l4", "a3", 1, 1)])

    /// `baseline` with l4 left out: makespan 6, one unscheduled line.
    static let partial = plan(
        [("l1", "a1", 0, 2), ("l2", "a1", 0, 3), ("l3", "a2", 1, 5)], leftOut: ["l4"])

    static func compare(_ a: Plan, _ b: Plan, objective: Objective = .default) -> PlanComparison {
        Comparator().compare(a, b, for: instance, objective: objective)
    }
}
