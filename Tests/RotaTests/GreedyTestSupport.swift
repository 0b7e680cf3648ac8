import RotaCore

/// Small builders and helpers shared by the greedy tests.
enum GreedyTestSupport {
    static let start = Day(ordinal: 20_788)  // 2026-12-01

    static func day(_ offset: Int) -> Day { start + offset }

    /// One order per line, lines `L1`, `L2`, ... buying the given items.
    static func instance(
        accounts: [Account], items: [String], lag: Int = 4, horizon: Int = 30, rules: (inout Rules) -> Void = { _ in },
        lines: (inout [Line]) -> Void = { _ in }, existing: [PlanTask] = []
    ) -> Instance {
        var rule = Rules(reviewLagDays: lag)
        rules(&rule)
        var made = items.enumerated().map { Line(id: LineID("L\($0.offset + 1)"), item: ItemID($0.element)) }
        lines(&made)
        let orders = made.enumerated().map { Order(id: OrderID("O\($0.offset + 1)"), lines: [$0.element]) }
        return Instance(
            name: "test", start: start, horizonDays: horizon, rules: rule, accounts: accounts, orders: orders,
            existing: existing)
    }

    static func account(_ id: String, limit: Int? = 1, unavailable: [Int] = [], rolling: RollingCap? = nil) -> Account {
        Account(id: AccountID(id), dailyLimit: limit, unavailable: unavailable.map(day), rolling: rolling)
    }

    static func solve(_ solver: some Solver, _ instance: Instance, options: SolveOptions = SolveOptions()) throws -> Plan {
        try solver.solve(PlanningProblem(instance), options: options).plan
    }

    /// Makespan as the format defines it: start to the last non-missed review, both ends counted.
    static func makespan(_ plan: Plan, start: Day = start) -> Int {
        let last = plan.tasks.filter { $0.kind == .review && $0.status != .missed }.map { $0.date - start }.max()
        return last.map { max(0, $0 + 1) } ?? 0
    }

    static func task(_ plan: Plan, _ kind: TaskKind, _ line: String) -> PlanTask? {
        plan.tasks.first { $0.kind == kind && $0.line == LineID(line) && $0.status != .missed }
    }
}
