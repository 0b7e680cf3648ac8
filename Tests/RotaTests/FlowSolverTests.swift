import Testing

import RotaCore
import RotaSolvers

/// The flow solver on hand-made instances whose optimal makespans are known.
@Suite struct FlowSolverTests {
    typealias T = FlowTestInstances

    private func expectOptimal(_ instance: Instance, makespan: Int, unscheduled: Int = 0) throws {
        let result = try T.solveValid(instance)
        #expect(T.makespan(result.plan, instance) == makespan)
        #expect(result.plan.unscheduled.count == unscheduled)
        #expect(result.run.status == .optimal)
        #expect(result.run.lowerBound == makespan)
        #expect(result.run.gap == 0)
        #expect(result.run.name == "flow" && result.plan.solver?.name == "flow")
        let bound = try FlowBound.makespanBound(PlanningProblem(instance))
        #expect(bound.makespan == makespan && bound.unscheduled == unscheduled)
        #expect(FlowSolver().isExact(for: PlanningProblem(instance)))
    }

    @Test func oneAccountLimitOneThreeItemsLagFourTakesSevenDays() throws {
        // Purchases on days 0, 1, 2; reviews on 4, 5, 6.
        try expectOptimal(T.instance(accounts: [T.account(0, limit: 1)], items: ["x", "y", "z"]), makespan: 7)
    }

    @Test func anItemWantedMoreTimesThanAccountsWaitsForTheNextDay() throws {
        // Two accounts, one purchase of an item per account per day: five lines of x need days 0, 0, 1, 1, 2.
        let instance = T.instance(
            accounts: [T.account(0, limit: 3), T.account(1, limit: 3)], items: Array(repeating: "x", count: 5), lag: 2)
        try expectOptimal(instance, makespan: 5)
        // Two of x a day per account: days 0, 0, 0, 0, 1.
        try expectOptimal(
            T.instance(
                accounts: [T.account(0, limit: 3), T.account(1, limit: 3)], items: Array(repeating: "x", count: 5),
                lag: 2, sameItemPerDay: 2),
            makespan: 4)
    }

    @Test func daysOffDelayPurchasesAndReviews() throws {
        // Off on day 1: purchases on 0 and 2; the review of day 2's purchase falls on day 4, which is off too.
        let instance = T.instance(accounts: [T.account(0, limit: 1, off: [1, 4])], items: ["x", "y"], lag: 2)
        try expectOptimal(instance, makespan: 6)
        let result = try T.solveValid(instance)
        let reviews = result.plan.tasks.filter { $0.kind == .review }.map { $0.date - T.start }.sorted()
        #expect(reviews == [2, 5])
    }

    @Test func earliestDaysAndLineLagsAreKept() throws {
        // y may not be bought before day 3 and is reviewed 6 days later: day 9, makespan 10.
        let instance = T.instance(
            accounts: [T.account(0, limit: 2)], items: ["x", "y"], lag: 1, earliest: [1: 3], lineLag: [1: 6])
        try expectOptimal(instance, makespan: 10)
    }

    @Test func completedPurchasesNeedOnlyAReview() throws {
        // l0 was bought two days before the start: its review is due from day 2 (lag 4), on a0.
        // l1 is new: bought on day 0 by the single account (limit 1), reviewed on day 4.
        let existing = [T.task(.purchase, line: 0, item: "x", account: 0, day: -2, status: .completed)]
        let instance = T.instance(accounts: [T.account(0, limit: 1)], items: ["x", "y"], existing: existing)
        try expectOptimal(instance, makespan: 5)
        let result = try T.solveValid(instance)
        let review = result.plan.tasks.first { $0.line == "l0" && $0.kind == .review }
        #expect(review?.date == T.start + 2 && review?.after == "P:l0" && review?.account == "a0")
        #expect(!result.plan.tasks.contains { $0.line == "l0" && $0.kind == .purchase && $0.status == .pending })
    }

    @Test func completedPurchasesOnPlanDaysHoldCapacity() throws {
        // A completed purchase of x on day 0 fills a0's limit that day: the new lines start on day 1.
        let existing = [
            T.task(.purchase, line: 0, item: "x", account: 0, day: 0, status: .completed),
            T.task(.review, line: 0, item: "x", account: 0, day: 1, status: .completed),
        ]
        let instance = T.instance(
            accounts: [T.account(0, limit: 1)], items: ["x", "y", "z"], lag: 1, existing: existing)
        try expectOptimal(instance, makespan: 4)
    }

    @Test func linesBeyondTheHorizonAreLeftOutWithAReason() throws {
        // Horizon 6, lag 4, one purchase a day: only days 0 and 1 leave room for the review.
        let instance = T.instance(accounts: [T.account(0, limit: 1)], items: ["x", "y", "z"], horizon: 6)
        try expectOptimal(instance, makespan: 6, unscheduled: 1)
        let result = try T.solveValid(instance)
        #expect(result.plan.unscheduled.allSatisfy { !$0.reason.isEmpty })
        // An earliest day past the horizon cannot be met at all.
        let late = T.instance(accounts: [T.account(0, limit: 1)], items: ["x"], horizon: 6, earliest: [0: 9])
        let lateResult = try T.solveValid(late)
        #expect(lateResult.plan.unscheduled.map(\.line) == ["l0"])
        #expect(lateResult.run.status == .infeasible)
    }

    @Test func wholePlanItemCapGoesThroughTheLayer() throws {
        // Four lines of x, two accounts, each may buy x once over the plan: two are left out.
        let instance = T.instance(
            accounts: [T.account(0, limit: 2), T.account(1, limit: 2)], items: ["x", "x", "x", "x", "y"],
            lag: 3, sameItemTotal: 1)
        try expectOptimal(instance, makespan: 4, unscheduled: 2)
    }

    @Test func latenessIsMinimisedAtTheOptimalMakespan() throws {
        // One account, one purchase a day, lag 1: three lines, makespan 4. The heavy line due on
        // day 1 must be bought first; the light one due on day 2 second.
        let instance = T.instance(
            accounts: [T.account(0, limit: 1)], items: ["x", "y", "z"], lag: 1, due: [0: 3, 1: 2, 2: 1],
            weight: [0: 1, 1: 1, 2: 5])
        try expectOptimal(instance, makespan: 4)
        let result = try T.solveValid(instance)
        let days = ["l2", "l1", "l0"].map { line in
            result.plan.tasks.first { $0.line == LineID(line) && $0.kind == .purchase }.map { $0.date - T.start }
        }
        #expect(days == [0, 1, 2])
    }

    @Test func purchasesSpreadOverEquivalentAccounts() throws {
        // Six accounts alike, six lines, limit 3: the flow pools them; each takes one purchase.
        let instance = T.instance(
            accounts: (0..<6).map { T.account($0, limit: 3) }, items: ["a", "b", "c", "d", "e", "f"])
        try expectOptimal(instance, makespan: 5)
        let result = try T.solveValid(instance)
        let accounts = Set(result.plan.tasks.filter { $0.kind == .purchase }.map(\.account))
        #expect(accounts.count == 6)
    }

    @Test func relaxedCapsStillGiveValidPlans() throws {
        // A hard rolling cap of 2 purchases in any 3 days: the flow alone would buy 3 on day 0.
        let capped = T.instance(
            accounts: [T.account(0, limit: 3, rolling: RollingCap(days: 3, hard: 2))], items: ["x", "y", "z"], lag: 1)
        #expect(!FlowSolver().isExact(for: PlanningProblem(capped)))
        let result = try T.solveValid(capped)
        #expect(result.plan.unscheduled.isEmpty)
        // Two on day 0, the third on day 3: reviewed on day 4.
        #expect(T.makespan(result.plan, capped) == 5)
        #expect(result.run.lowerBound == 2)
        #expect(result.run.status == .feasible)

        // One review a day: three purchases on day 0 need reviews on 1, 2 and 3.
        let reviews = T.instance(accounts: [T.account(0, limit: 3)], items: ["x", "y", "z"], lag: 1, reviewsPerDay: 1)
        #expect(!FlowSolver().isExact(for: PlanningProblem(reviews)))
        let reviewResult = try T.solveValid(reviews)
        #expect(T.makespan(reviewResult.plan, reviews) == 4)
    }

    @Test func looseCapsKeepTheFlowExact() throws {
        let instance = T.instance(
            accounts: [T.account(0, limit: 1, rolling: RollingCap(days: 3, soft: 1, hard: 3))], items: ["x", "y"],
            sameItemTotal: 5, reviewsPerDay: 2)
        try expectOptimal(instance, makespan: 6)
    }

    @Test func emptyInstancesAreOptimal() throws {
        let instance = T.instance(accounts: [T.account(0, limit: 1)], items: [])
        let result = try T.solveValid(instance)
        #expect(result.plan.tasks.isEmpty && result.run.status == .optimal && result.run.lowerBound == 0)
        let noAccounts = T.instance(accounts: [], items: ["x"])
        let left = try T.solveValid(noAccounts)
        #expect(left.plan.unscheduled.count == 1 && left.run.status == .infeasible)
    }
}
