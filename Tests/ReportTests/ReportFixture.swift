import Rota
import RotaAudit
import RotaReport

/// A small instance and hand-made plans for the report tests. Ids carry `&`, `<`, `>` and
/// quotes on purpose: the report must stay well-formed whatever the inputs name.
///
/// start 2026-12-01, lag 2 days. Accounts `a&1` (2 a day, rolling 3 days soft 1), `a<2>`
/// (2 a day, off on day 3) and `a"3"` (no limit). Order o1 (critical, due day 3): l1, l2;
/// order o2 (standard, due day 8): l3, l4; order o3 (no tier): l5, which the plans leave out.
enum ReportFixture {
    static let start = Day(iso: "2026-12-01")!
    static func day(_ offset: Int) -> Day { start + offset }

    static let instance = Instance(
        name: "report <fixture>", start: start, horizonDays: 30, rules: Rules(reviewLagDays: 2),
        accounts: [
            Account(id: "a&1", dailyLimit: 2, rolling: RollingCap(days: 3, soft: 1)),
            Account(id: "a<2>", dailyLimit: 2, unavailable: [day(3)]),
            Account(id: "a\"3\"", dailyLimit: nil),
        ],
        orders: [
            Order(id: "o1", dueDate: day(3), slaTier: "critical", weight: 2,
                  lines: [Line(id: "l1&x", item: "x"), Line(id: "l2", item: "y")]),
            Order(id: "o2", dueDate: day(8), slaTier: "standard", lines: [Line(id: "l3", item: "x"), Line(id: "l4", item: "z")]),
            Order(id: "o3", lines: [Line(id: "l5", item: "w")]),
        ])

    static let lines: [String: (order: String, item: String)] = [
        "l1&x": ("o1", "x"), "l2": ("o1", "y"), "l3": ("o2", "x"), "l4": ("o2", "z"), "l5": ("o3", "w"),
    ]

    /// A plan with each line's account, purchase day and review day; l5 is left out.
    static func plan(_ placements: [(line: String, account: String, purchase: Int, review: Int)]) -> Plan {
        var tasks: [PlanTask] = []
        for p in placements {
            let (order, item) = lines[p.line]!
            tasks.append(PlanTask(id: TaskID("P:" + p.line), kind: .purchase, line: LineID(p.line), order: OrderID(order),
                                  item: ItemID(item), account: AccountID(p.account), date: day(p.purchase)))
            tasks.append(PlanTask(id: TaskID("R:" + p.line), kind: .review, line: LineID(p.line), order: OrderID(order),
                                  item: ItemID(item), account: AccountID(p.account), date: day(p.review),
                                  after: TaskID("P:" + p.line)))
        }
        return Plan(instance: instance.name, solver: SolverRun(name: "hand", status: .heuristic, seconds: 0.5), tasks: tasks,
                    unscheduled: [UnscheduledLine(line: "l5", reason: "left out by <hand> & on purpose")])
    }

    /// l1 is reviewed on day 4, a day late; a&1 buys two items on day 0 (soft overruns).
    static let baseline = plan([
        ("l1&x", "a&1", 0, 4), ("l2", "a&1", 0, 2), ("l3", "a<2>", 1, 4), ("l4", "a\"3\"", 1, 5),
    ])

    /// The baseline with l4's review one day earlier (day 4) and l2 bought by a<2>.
    static let candidate = plan([
        ("l1&x", "a&1", 0, 4), ("l2", "a<2>", 0, 2), ("l3", "a<2>", 1, 4), ("l4", "a\"3\"", 1, 4),
    ])

    static func render(_ plan: Plan = baseline, other: Plan? = nil, audit: [AuditRecord]? = nil,
                       limits: ReportLimits = .standard) throws -> XHTMLNode {
        let html = PlanReport(ReportInput(
            instance: instance, plan: plan, planLabel: "a.json", other: other, otherLabel: other == nil ? nil : "b.json",
            audit: audit, auditLabel: audit == nil ? nil : "audit.jsonl", limits: limits)).render()
        return try XHTMLNode.parse(html)
    }
}
