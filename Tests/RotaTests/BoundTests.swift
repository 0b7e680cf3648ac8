import Testing
import RotaCore
import RotaEvaluation

@Suite struct BoundTests {
    typealias S = ScoringSupport

    static func instance(
        horizon: Int = 30, lag: Int = 4, rules: Rules? = nil, accounts: [Account], lines: [Line],
        existing: [PlanTask] = []
    ) -> Instance {
        Instance(
            start: S.start, horizonDays: horizon, rules: rules ?? Rules(reviewLagDays: lag), accounts: accounts,
            orders: [Order(id: "o", lines: lines)], existing: existing)
    }

    static func bound(_ instance: Instance) -> MakespanBound { LowerBounds.compute(PlanningProblem(instance)) }

    static func lines(_ count: Int, item: (Int) -> String = { "i\($0)" }, earliest: Int? = nil) -> [Line] {
        (0..<count).map { Line(id: LineID("l\($0)"), item: ItemID(item($0)), earliest: earliest.map { S.day($0) }) }
    }

    @Test func oneAccountLimitOne() {
        // Purchases on days 0, 1, 2; the last review on day 6: makespan 7.
        let bound = Self.bound(Self.instance(accounts: [Account(id: "a", dailyLimit: 1)], lines: Self.lines(3)))
        #expect(bound.unscheduled == 0)
        #expect(bound.makespan == 7)
        #expect(bound.parts["makespan.line"] == 5)
        #expect(bound.parts["makespan.capacity"] == 7)
    }

    @Test func twoAccountsShareTheWork() {
        // Five lines, two accounts with limit 2: purchases on days 0, 0, 1, 1, 2 → makespan 7.
        let accounts = [Account(id: "a", dailyLimit: 2), Account(id: "b", dailyLimit: 2)]
        #expect(Self.bound(Self.instance(accounts: accounts, lines: Self.lines(9))).makespan == 7)
        #expect(Self.bound(Self.instance(accounts: accounts, lines: Self.lines(8))).makespan == 6)
    }

    @Test func unavailableDaysDelayTheEarliestReview() {
        // Buys from day 2, reviews from day 2 + 4 = 6 but day 6 is off: makespan 8.
        let account = Account(id: "a", dailyLimit: 5, unavailable: [S.day(0), S.day(1), S.day(6)])
        let bound = Self.bound(Self.instance(accounts: [account], lines: Self.lines(2)))
        #expect(bound.makespan == 8)
        #expect(bound.parts["makespan.line"] == 8)
    }

    @Test func linesThatCannotFitTheHorizonAreLeftOut() {
        // The horizon ends on day 9; a line released on day 6 with lag 4 cannot be reviewed.
        var lines = Self.lines(2)
        lines.append(Line(id: "late", item: "x", earliest: S.day(6)))
        let bound = Self.bound(Self.instance(horizon: 10, accounts: [Account(id: "a", dailyLimit: 1)], lines: lines))
        #expect(bound.unscheduled == 1)
        #expect(bound.parts["unscheduled.impossible"] == 1)
        #expect(bound.makespan == 6)
    }

    @Test func capacityOverTheHorizonForcesDrops() {
        // One purchase a day for 5 days, lag 1: only purchases on days 0…3 can be reviewed in time,
        // so 2 of 6 lines are left out; the 4 others end on day 4.
        let bound = Self.bound(Self.instance(horizon: 5, lag: 1, accounts: [Account(id: "a", dailyLimit: 1)], lines: Self.lines(6)))
        #expect(bound.unscheduled == 2)
        #expect(bound.parts["unscheduled.capacity"] == 2)
        #expect(bound.makespan == 5)
    }

    @Test func sameItemPerAccountWithHistory() {
        // Item x may be bought once per account; a has bought it already. Three lines of x:
        // only b can buy one, so two are left out.
        let rules = Rules(reviewLagDays: 1, sameItemPerAccount: 1)
        let history = [S.task(.purchase, "old", item: "x", account: "a", on: -5, status: .completed)]
        let lines = Self.lines(3, item: { _ in "x" }) + [Line(id: "old", item: "x")]
        let instance = Self.instance(
            rules: rules, accounts: [Account(id: "a", dailyLimit: 5), Account(id: "b", dailyLimit: 5)],
            lines: lines, existing: history)
        let bound = Self.bound(instance)
        #expect(bound.unscheduled == 2)
        #expect(bound.parts["unscheduled.item"] == 2)
        // The old line's review is due now (a, from day 0 since −5 + 1 < 0): makespan ≥ 1; the
        // one x line b buys on day 0 is reviewed on day 1 at the earliest.
        #expect(bound.makespan == 2)
    }

    @Test func sameItemPerDay() {
        // Four lines of one item, one account, limit 9 but one of an item per day: days 0…3, lag 2.
        let bound = Self.bound(Self.instance(lag: 2, accounts: [Account(id: "a", dailyLimit: 9)], lines: Self.lines(4, item: { _ in "x" })))
        #expect(bound.makespan == 6)
        #expect(bound.parts["makespan.item"] == 6)
    }

    @Test func reviewsPerDay() {
        // Purchases all on day 0, but one review a day: days 2, 3, 4 → makespan 5.
        let rules = Rules(reviewLagDays: 2, reviewsPerAccountPerDay: 1)
        let bound = Self.bound(Self.instance(rules: rules, accounts: [Account(id: "a", dailyLimit: 10)], lines: Self.lines(3)))
        #expect(bound.makespan == 5)
        #expect(bound.parts["makespan.review"] == 5)
    }

    @Test func releaseDaysAndDeadlines() {
        // Three lines released on day 5, one purchase a day, lag 1: days 5, 6, 7 → makespan 9.
        let bound = Self.bound(Self.instance(lag: 1, accounts: [Account(id: "a", dailyLimit: 1)], lines: Self.lines(3, earliest: 5)))
        #expect(bound.makespan == 9)
        #expect(bound.parts["makespan.window"] == 9)
        #expect(bound.parts["makespan.capacity"] == 7)
    }

    @Test func rollingHardCap() {
        // Two purchases per 7 days, lag 0: days 0, 0, 7, 7 → makespan 8.
        let account = Account(id: "a", dailyLimit: 10, rolling: RollingCap(days: 7, soft: 1, hard: 2))
        let rules = Rules(reviewLagDays: 0, sameItemPerAccountPerDay: nil)
        let bound = Self.bound(Self.instance(rules: rules, accounts: [account], lines: Self.lines(4)))
        #expect(bound.makespan == 8)
    }

    @Test func rollingHistoryBlocksEarlyDays() {
        // Two completed purchases on day -1 fill the 3-day window [-1, 1]: the next purchase is on day 2.
        let account = Account(id: "a", dailyLimit: 10, rolling: RollingCap(days: 3, hard: 2))
        let history = [
            S.task(.purchase, "h1", account: "a", on: -1, status: .completed),
            S.task(.review, "h1", account: "a", on: 0, status: .completed),
            S.task(.purchase, "h2", item: "y", account: "a", on: -1, status: .completed),
            S.task(.review, "h2", item: "y", account: "a", on: 0, status: .completed),
        ]
        let lines = [Line(id: "h1", item: "x"), Line(id: "h2", item: "y"), Line(id: "new", item: "z")]
        let bound = Self.bound(Self.instance(lag: 1, accounts: [account], lines: lines, existing: history))
        #expect(bound.makespan == 4)
        #expect(bound.parts["makespan.history"] == 1)
    }

    @Test func completedPurchaseIsReviewedByItsAccount() {
        // Bought by b on day -3 (lag 4 → day 1), but b is off on days 1 and 2; a is free.
        let history = [S.task(.purchase, "l0", item: "i0", account: "b", on: -3, status: .completed)]
        let accounts = [Account(id: "a", dailyLimit: 1), Account(id: "b", dailyLimit: 1, unavailable: [S.day(1), S.day(2)])]
        let bound = Self.bound(Self.instance(accounts: accounts, lines: Self.lines(1), existing: history))
        #expect(bound.makespan == 4)
        #expect(bound.unscheduled == 0)
    }

    @Test func completedReviewsSetAFloor() {
        let history = [
            S.task(.purchase, "l0", item: "i0", account: "a", on: 3, status: .completed),
            S.task(.review, "l0", item: "i0", account: "a", on: 9, status: .completed),
            S.task(.review, "l1", item: "i1", account: "a", on: 20, status: .missed),
        ]
        let bound = Self.bound(Self.instance(accounts: [Account(id: "a", dailyLimit: 1)], lines: Self.lines(1), existing: history))
        #expect(bound == MakespanBound(unscheduled: 0, makespan: 10, parts: bound.parts))
        #expect(bound.parts["makespan.history"] == 10)
    }

    @Test func degenerateInstancesDoNotTrap() {
        #expect(Self.bound(Self.instance(horizon: 0, accounts: [Account(id: "a", dailyLimit: 1)], lines: Self.lines(2))).unscheduled == 2)
        #expect(Self.bound(Self.instance(accounts: [], lines: Self.lines(3))).unscheduled == 3)
        #expect(Self.bound(Self.instance(accounts: [Account(id: "a", dailyLimit: 1)], lines: [])) == MakespanBound(unscheduled: 0, makespan: 0, parts: Self.bound(Self.instance(accounts: [Account(id: "a", dailyLimit: 1)], lines: [])).parts))
        let odd = Account(id: "a", dailyLimit: 0, rolling: RollingCap(days: 0, soft: -1, hard: -5))
        #expect(Self.bound(Self.instance(horizon: -3, accounts: [odd], lines: Self.lines(1))).unscheduled == 1)
        let negativeLag = Self.instance(lag: -2, accounts: [Account(id: "a", dailyLimit: nil)], lines: Self.lines(2))
        #expect(Self.bound(negativeLag).makespan == 1)
    }

    @Test func absurdNumbersDoNotOverflow() {
        let huge = Account(id: "a", dailyLimit: Int.max, rolling: RollingCap(days: Int.max, soft: Int.max, hard: Int.max))
        let rules = Rules(
            reviewLagDays: 1, sameItemPerAccountPerDay: Int.max, sameItemPerAccount: Int.max,
            reviewsPerAccountPerDay: Int.max)
        var lines = Self.lines(3)
        lines.append(Line(id: "far", item: "x", reviewLagDays: Int.max))
        lines.append(Line(id: "back", item: "y", reviewLagDays: Int.min))
        let bound = Self.bound(Self.instance(rules: rules, accounts: [huge], lines: lines))
        #expect(bound.unscheduled == 1)
        #expect(bound.makespan == 2)
    }

    @Test func gapIsRelativeToTheMakespan() {
        #expect(gap(makespan: 10, bound: 8) == 0.2)
        #expect(gap(makespan: 10, bound: 10) == 0)
        #expect(gap(makespan: 0, bound: 0) == 0)
        #expect(gap(makespan: 5, bound: 7) == 0)
    }
}
