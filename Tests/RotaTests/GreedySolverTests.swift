import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

@Suite struct GreedySolverTests {
    typealias S = GreedyTestSupport
    static let solvers: [any Solver] = [SeedGreedySolver(), GreedySolver()]

    func check(_ instance: Instance, _ plan: Plan) {
        let report = Validator().validate(plan, against: instance)
        #expect(report.isFeasible, "\(report.violations)")
    }

    @Test(arguments: solvers)
    func oneAccountThreeItemsLagFour(_ solver: any Solver) throws {
        let instance = S.instance(accounts: [S.account("a")], items: ["x", "y", "z"], lag: 4)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        #expect(S.makespan(plan) == 7)
        let purchaseDays = plan.tasks.filter { $0.kind == .purchase }.map { $0.date - S.start }.sorted()
        #expect(purchaseDays == [0, 1, 2])
    }

    @Test(arguments: solvers)
    func itemOrderedMoreTimesThanAccounts(_ solver: any Solver) throws {
        let instance = S.instance(
            accounts: [S.account("a"), S.account("b")], items: ["x", "x", "x"], lag: 2,
            rules: { $0.sameItemPerAccount = 1 })
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.count == 1)
        #expect(plan.unscheduled.first?.reason == "every account has reached its limit for item x (1 per account)")
        #expect(S.makespan(plan) == 3)
    }

    @Test(arguments: solvers)
    func sameItemSpreadsOverDays(_ solver: any Solver) throws {
        // One purchase of an item per account per day: the third x waits for day 1.
        let instance = S.instance(
            accounts: [S.account("a", limit: 5), S.account("b", limit: 5)], items: ["x", "x", "x"], lag: 1)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        #expect(S.makespan(plan) == 3)
    }

    @Test(arguments: solvers)
    func lineThatCannotBeReviewedInTime(_ solver: any Solver) throws {
        let instance = S.instance(
            accounts: [S.account("a")], items: ["x", "y"], lag: 14, horizon: 30,
            lines: { $0[1].earliest = S.day(20) })
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(
            plan.unscheduled == [
                UnscheduledLine(
                    line: "L2", reason: "no account can review it before the horizon ends (earliest purchase 2026-12-21, lag 14)")
            ])
    }

    @Test(arguments: solvers)
    func reviewsPerDayPushReviewsLater(_ solver: any Solver) throws {
        let instance = S.instance(
            accounts: [S.account("a", limit: 3)], items: ["x", "y", "z"], lag: 0,
            rules: { $0.reviewsPerAccountPerDay = 1 })
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        let reviewDays = plan.tasks.filter { $0.kind == .review }.map { $0.date - S.start }.sorted()
        #expect(reviewDays == [0, 1, 2])
    }

    @Test(arguments: solvers)
    func unavailableDaysBlockPurchasesAndReviews(_ solver: any Solver) throws {
        // Days 1 and 5 are off: bought on 0, reviewed on 4 (lag 4) ; bought on 2, review 6 ; bought 3, review 7.
        let instance = S.instance(accounts: [S.account("a", unavailable: [1, 4])], items: ["x", "y", "z"], lag: 4)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        let purchaseDays = plan.tasks.filter { $0.kind == .purchase }.map { $0.date - S.start }.sorted()
        let reviewDays = plan.tasks.filter { $0.kind == .review }.map { $0.date - S.start }.sorted()
        #expect(purchaseDays == [0, 2, 3])
        #expect(reviewDays == [5, 6, 7])
    }

    @Test(arguments: solvers)
    func rollingHardCapCountsHistory(_ solver: any Solver) throws {
        // Two completed purchases just before start fill a 3-day window with hard cap 2.
        let history = [
            PlanTask(id: "H1", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-2), status: .completed),
            PlanTask(id: "H2", kind: .review, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-1), status: .completed, after: "H1"),
            PlanTask(id: "H3", kind: .purchase, line: "L2", order: "O2", item: "y", account: "a", date: S.day(-1), status: .completed),
        ]
        let instance = S.instance(
            accounts: [S.account("a", limit: 5, rolling: RollingCap(days: 3, hard: 2))], items: ["x", "y", "z"], lag: 0,
            existing: history)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        // L2 needs only its review (by a, from day 0); L3 can be bought on day 1 at the earliest.
        #expect(S.task(plan, .purchase, "L2")?.id == "H3")
        #expect(S.task(plan, .review, "L2").map { $0.date - S.start } == 0)
        #expect(S.task(plan, .purchase, "L3").map { $0.date - S.start } == 1)
        #expect(plan.tasks.prefix(3) == history[...])
    }

    @Test(arguments: solvers)
    func missedPurchaseIsReplannedWithFreshIDs(_ solver: any Solver) throws {
        let history = [
            PlanTask(id: "P:L1", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-3), status: .missed),
            PlanTask(id: "P:L2", kind: .purchase, line: "L2", order: "O2", item: "y", account: "b", date: S.day(-3), status: .completed),
            PlanTask(id: "R:L2", kind: .review, line: "L2", order: "O2", item: "y", account: "b", date: S.day(-1), status: .missed, after: "P:L2"),
        ]
        let instance = S.instance(
            accounts: [S.account("a"), S.account("b", unavailable: [0, 1, 2])], items: ["x", "y"], lag: 2,
            existing: history)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.isEmpty)
        #expect(S.task(plan, .purchase, "L1")?.id == "P:L1#2")
        // L2's review must be by b, whose first available day is 3.
        #expect(S.task(plan, .review, "L2")?.account == "b")
        #expect(S.task(plan, .review, "L2").map { $0.date - S.start } == 3)
    }

    @Test(arguments: solvers)
    func completedPurchaseWhoseAccountCannotReview(_ solver: any Solver) throws {
        let history = [
            PlanTask(id: "P:L1", kind: .purchase, line: "L1", order: "O1", item: "x", account: "b", date: S.day(-1), status: .completed)
        ]
        let instance = S.instance(
            accounts: [S.account("a"), S.account("b", unavailable: Array(0..<10))], items: ["x"], lag: 1, horizon: 10,
            existing: history)
        let plan = try S.solve(solver, instance)
        check(instance, plan)
        #expect(plan.unscheduled.count == 1)
        #expect(plan.unscheduled.first?.reason.hasPrefix("account b, which made the purchase on 2026-11-30") == true)
    }

    @Test(arguments: solvers)
    func noAccounts(_ solver: any Solver) throws {
        let instance = S.instance(accounts: [], items: ["x"])
        let plan = try S.solve(solver, instance)
        #expect(plan.unscheduled == [UnscheduledLine(line: "L1", reason: "the instance has no accounts")])
        #expect(plan.tasks.isEmpty)
    }

    @Test(arguments: solvers)
    func emptyHorizon(_ solver: any Solver) throws {
        let instance = S.instance(accounts: [S.account("a")], items: ["x"], horizon: 0)
        let plan = try S.solve(solver, instance)
        #expect(plan.unscheduled.map(\.reason) == ["the horizon is empty (horizonDays is 0)"])
    }

    @Test func seedTakesAccountsInInputOrder() throws {
        let instance = S.instance(accounts: [S.account("a", limit: 2), S.account("b", limit: 2)], items: ["x", "y"], lag: 1)
        let plan = try S.solve(SeedGreedySolver(), instance)
        #expect(plan.tasks.map(\.account) == ["a", "a", "a", "a"])
        #expect(plan.solver?.name == "seed-greedy")
        #expect(plan.solver?.status == .heuristic)
    }

    @Test func greedyBalancesLoad() throws {
        let instance = S.instance(accounts: [S.account("a", limit: 2), S.account("b", limit: 2)], items: ["x", "y"], lag: 1)
        let plan = try S.solve(GreedySolver(), instance)
        check(instance, plan)
        #expect(Set(plan.tasks.filter { $0.kind == .purchase }.map(\.account)) == ["a", "b"])
        #expect(plan.solver?.name == "greedy")
    }

    @Test func greedyBuysLongLagsFirst() throws {
        // Input order puts the lag-10 line last: seed buys it on day 2 (makespan 13), greedy on day 0.
        let instance = S.instance(
            accounts: [S.account("a")], items: ["x", "y", "z"], lag: 1, lines: { $0[2].reviewLagDays = 10 })
        let seed = try S.solve(SeedGreedySolver(), instance)
        let greedy = try S.solve(GreedySolver(), instance)
        check(instance, greedy)
        #expect(S.makespan(seed) == 13)
        #expect(S.makespan(greedy) == 11)
    }

    @Test func greedyServesEarlyDueDatesFirst() throws {
        // Same lag everywhere; the last order is due soonest and should be bought first.
        var instance = S.instance(accounts: [S.account("a")], items: ["x", "y", "z"], lag: 2)
        instance.orders[2].dueDate = S.day(2)
        instance.orders[0].dueDate = S.day(10)
        let plan = try S.solve(GreedySolver(), instance)
        check(instance, plan)
        #expect(S.task(plan, .purchase, "L3").map { $0.date - S.start } == 0)
        #expect(S.makespan(plan) == 5)
    }

    @Test func greedyHonoursAZeroTimeLimit() throws {
        let instance = S.instance(accounts: [S.account("a"), S.account("b")], items: ["x", "y", "z", "x"], lag: 3)
        let result = try GreedySolver().solve(PlanningProblem(instance), options: SolveOptions(timeLimit: 0))
        check(instance, result.plan)
        #expect(result.run.status == .timeLimit)
        #expect(result.plan.unscheduled.isEmpty)
        #expect(result.run.settings["time-limit"] == "0.0")
    }

    @Test func greedyReportsProgress() throws {
        let instance = S.instance(accounts: [S.account("a")], items: ["x", "y"], lag: 3)
        let counter = ProgressCounter()
        _ = try GreedySolver().solve(PlanningProblem(instance), options: SolveOptions(progress: { counter.add($0) }))
        #expect(counter.count > 1)
    }

    @Test(arguments: solvers)
    func deterministic(_ solver: any Solver) throws {
        let instance = InstanceGenerator(shape: .init(accounts: 4, lines: 40, items: 8, itemSkew: 1)).generate(seed: 7)
        var first = try S.solve(solver, instance)
        var second = try S.solve(solver, instance)
        first.solver = nil
        second.solver = nil
        #expect(first == second)
    }
}

/// Counts progress reports from a solver (thread-safe enough for a synchronous solver).
final class ProgressCounter: @unchecked Sendable {
    private(set) var count = 0
    func add(_: SolveProgress) { count += 1 }
}
