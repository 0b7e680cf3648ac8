import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import Rota

/// `RollingCounts` against a brute-force count of every window, history included.
@Suite struct GreedyRollingTests {
    typealias S = GreedyTestSupport

    /// Brute force: would one more purchase on `day` put some window holding it over `hard`?
    static func bruteRoom(days: [Int], on day: Int, window: Int, hard: Int) -> Bool {
        let all = days + [day]
        for s in (day - window + 1)...day where all.filter({ $0 >= s && $0 < s + window }).count > hard { return false }
        return true
    }

    @Test func matchesBruteForce() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<300 {
            let horizon = rng.int(in: 1...20)
            let window = rng.int(in: 1...30)
            let hard = rng.int(in: 0...4)
            let historyDays = (0..<rng.int(in: 0...6)).map { _ in rng.int(in: -40...(-1)) }
            let history = historyDays.enumerated().map { k, d in
                PlanTask(
                    id: TaskID("H\(k)"), kind: .purchase, line: LineID("L\(k + 1)"), order: OrderID("O\(k + 1)"),
                    item: "x", account: "a", date: S.day(d), status: .completed)
            }
            let instance = S.instance(
                accounts: [S.account("a", limit: nil, rolling: RollingCap(days: window, hard: hard))],
                items: Array(repeating: "x", count: max(1, historyDays.count)), horizon: horizon,
                rules: { $0.sameItemPerAccountPerDay = nil }, existing: history)
            let problem = PlanningProblem(instance)
            var counts = RollingCounts(problem: problem)
            var days = historyDays
            for d in historyDays { counts.record(account: 0, day: d) }
            for _ in 0..<rng.int(in: 0...12) {
                let d = rng.int(in: 0...(horizon - 1))
                #expect(
                    counts.hasRoom(account: 0, day: d) == Self.bruteRoom(days: days, on: d, window: window, hard: hard),
                    "window \(window) hard \(hard) days \(days) + \(d)")
                if counts.hasRoom(account: 0, day: d) {
                    counts.record(account: 0, day: d)
                    days.append(d)
                }
            }
        }
    }

    @Test func hugeWindowsStayExactAndSmall() {
        // A window of a billion days over a 10-day horizon: every purchase shares one window.
        let history = [
            PlanTask(id: "H", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-400), status: .completed)
        ]
        let instance = S.instance(
            accounts: [S.account("a", limit: nil, rolling: RollingCap(days: 1_000_000_000, hard: 3))],
            items: ["x", "y", "z", "w"], horizon: 10, rules: { $0.sameItemPerAccountPerDay = nil }, existing: history)
        var ledger = CapacityLedger(problem: PlanningProblem(instance))
        ledger.recordPurchase(account: 0, item: 1, day: 0)
        #expect(ledger.query.canOpen(account: 0, day: 9))
        ledger.recordPurchase(account: 0, item: 2, day: 9)
        #expect(!ledger.query.canOpen(account: 0, day: 5))
    }

    @Test func ancientHistoryUnderAHugeWindowIsHandledConservatively() {
        let history = [
            PlanTask(id: "H", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: Day(ordinal: -700_000), status: .completed)
        ]
        let instance = S.instance(
            accounts: [S.account("a", limit: nil, rolling: RollingCap(days: Int.max, hard: 2))],
            items: ["x", "y", "z"], horizon: 10, rules: { $0.sameItemPerAccountPerDay = nil }, existing: history)
        var ledger = CapacityLedger(problem: PlanningProblem(instance))
        #expect(ledger.query.canOpen(account: 0, day: 3))
        ledger.recordPurchase(account: 0, item: 1, day: 3)
        #expect(!ledger.query.canOpen(account: 0, day: 4))
    }

    @Test(arguments: [SeedGreedySolver() as any Solver, GreedySolver()])
    func absurdNumbersDoNotTrap(_ solver: any Solver) throws {
        var instance = S.instance(
            accounts: [
                S.account("a", limit: -1), S.account("b", limit: 2, rolling: RollingCap(days: Int.max, soft: -3, hard: Int.max)),
                S.account("c", limit: nil, rolling: RollingCap(days: -5, hard: -1)),
            ],
            items: ["x", "y", "z", "x"], lag: 2, horizon: 12,
            rules: { $0.sameItemPerAccount = -2; $0.reviewsPerAccountPerDay = Int.max },
            lines: { $0[1].reviewLagDays = Int.max; $0[2].reviewLagDays = -4 })
        instance.rules.sameItemPerAccount = 5
        instance.existing = [
            PlanTask(id: "P", kind: .purchase, line: "L4", order: "O4", item: "x", account: "b", date: Day(ordinal: -700_000), status: .completed)
        ]
        let plan = try S.solve(solver, instance)
        #expect(Validator().validate(plan, against: instance).violations == [])
        #expect(plan.unscheduled.map(\.line) == ["L2"])
    }
}
