import Testing
import RotaCore
import RotaEvaluation

@Suite struct ScorerTests {
    typealias S = ScoringSupport

    /// Orders: o1 (due day 5, standard, weight 2: l1, l2), o2 (critical, created day -1 + 4 days
    /// = due day 3, priority 0.5 from indices: l3), o3 (no due: l4), o4 (critical, due day 9: l5).
    static let instance = Instance(
        name: "scoring", start: S.start, horizonDays: 30, rules: Rules(reviewLagDays: 2),
        accounts: [
            Account(id: "a1", dailyLimit: 3, rolling: RollingCap(days: 3, soft: 1, hard: 9)),
            Account(id: "a2", dailyLimit: 3, rolling: RollingCap(days: 2, soft: 0)),
            Account(id: "a3", dailyLimit: 3),
        ],
        orders: [
            Order(
                id: "o1", dueDate: S.day(5), slaTier: "standard", weight: 2,
                lines: [Line(id: "l1", item: "x"), Line(id: "l2", item: "y")]),
            Order(
                id: "o2", createdAt: S.day(-1), slaTier: "critical", weight: 7, indices: ["sla": 0.8, "value": 0.4],
                lines: [Line(id: "l3", item: "x")]),
            Order(id: "o3", lines: [Line(id: "l4", item: "z")]),
            Order(id: "o4", dueDate: S.day(9), slaTier: "critical", lines: [Line(id: "l5", item: "z")]),
        ],
        policy: Policy(weights: ["sla": 0.5, "value": 0.25], slaTierDays: ["critical": 4, "standard": 12]),
        existing: [
            S.task(.purchase, "l1", order: "o1", account: "a1", on: -2, status: .completed),
            S.task(.purchase, "l4", order: "o3", item: "z", account: "a2", on: -3, status: .missed),
        ])

    static let plan = Plan(
        tasks: instance.existing + [
            S.task(.review, "l1", order: "o1", account: "a1", on: 2),
            S.task(.purchase, "l2", order: "o1", item: "y", account: "a1", on: 0),
            S.task(.review, "l2", order: "o1", item: "y", account: "a1", on: 7),
            S.task(.purchase, "l3", order: "o2", account: "a2", on: 0),
            S.task(.review, "l3", order: "o2", account: "a2", on: 5),
        ],
        unscheduled: [UnscheduledLine(line: "l4", reason: "test"), UnscheduledLine(line: "l5", reason: "test")])

    @Test func countsLinesLeftOut() {
        let metrics = Scorer().score(Self.plan, for: Self.instance)
        #expect(metrics.unscheduled == 2)
        #expect(metrics.purchases == 3)
        #expect(metrics.reviews == 3)
    }

    @Test func makespanCountsBothEnds() {
        // Last review on day offset 7 (2026-12-08): days 12-01 … 12-08 are 8 days.
        #expect(Scorer().score(Self.plan, for: Self.instance).makespan == 8)
        let onStart = Plan(tasks: [
            S.task(.purchase, "l4", order: "o3", item: "z", account: "a3", on: 0),
            S.task(.review, "l4", order: "o3", item: "z", account: "a3", on: 0),
        ])
        #expect(Scorer().score(onStart, for: Self.instance).makespan == 1)
        #expect(Scorer().score(Plan(tasks: []), for: Self.instance).makespan == 0)
        // Reviews all before start clamp at 0; missed reviews never count.
        let history = Plan(tasks: [
            S.task(.review, "l1", order: "o1", account: "a1", on: -1, status: .completed),
            S.task(.review, "l2", order: "o1", item: "y", account: "a1", on: 20, status: .missed),
        ])
        #expect(Scorer().score(history, for: Self.instance).makespan == 0)
    }

    @Test func lateness() {
        let metrics = Scorer().score(Self.plan, for: Self.instance)
        // l2: 2 days after day 5, weight 2 → 4. l3: due day 3 (created -1 + 4), reviewed day 5,
        // priority 0.5 × 0.8 + 0.25 × 0.4 = 0.5 replaces weight 7 → 1. l1 is on time.
        #expect(abs(metrics.weightedLateness - 5.0) < 1e-12)
        #expect(metrics.lateLines == 2)
    }

    @Test func slaAdherenceCountsUnscheduledAsLate() {
        let metrics = Scorer().score(Self.plan, for: Self.instance)
        #expect(metrics.slaAdherence.map(\.tier) == ["critical", "standard"])
        let critical = metrics.slaAdherence[0]
        #expect(critical.lines == 2 && critical.onTime == 0 && critical.share == 0)
        let standard = metrics.slaAdherence[1]
        #expect(standard.lines == 2 && standard.onTime == 1 && standard.share == 0.5)
    }

    @Test func balanceIncludesIdleAccountsAndHistory() {
        let metrics = Scorer().score(Self.plan, for: Self.instance)
        #expect(metrics.accountLoads == [
            AccountLoad(account: "a1", purchases: 2, reviews: 2),
            AccountLoad(account: "a2", purchases: 1, reviews: 1),
            AccountLoad(account: "a3", purchases: 0, reviews: 0),
        ])
        #expect(metrics.largestLoad == 2)
        #expect(metrics.spread == 2)
    }

    @Test func softOverrunsIncludeHistory() {
        // a1 (3-day window, soft 1): purchases on days -2 and 0; only the window starting on
        // day -2 holds both. a2 (2-day window, soft 0): one purchase on day 0, in the windows
        // starting on days -1 and 0 (the missed purchase does not count). a3 has no window.
        #expect(Scorer().score(Self.plan, for: Self.instance).softOverruns == 3)
        #expect(SoftOverruns.count(purchaseDays: [0, 0, 1, 5], windowDays: 2, soft: 1) == 2)
        #expect(SoftOverruns.count(purchaseDays: [0], windowDays: 0, soft: 0) == 0)
        #expect(SoftOverruns.count(purchaseDays: [], windowDays: 3, soft: 0) == 0)
        // A negative soft cap counts every window holding a purchase, and no empty one.
        #expect(SoftOverruns.count(purchaseDays: [0, 10], windowDays: 2, soft: -1) == 4)
        #expect(SoftOverruns.count(purchaseDays: [0], windowDays: Int.max, soft: 0) == 1 << 40)
    }

    /// Both ways of counting (a running sum over few start days, a sorted sweep over many)
    /// against counting every window of random purchase days.
    @Test func softOverrunsMatchCountingEveryWindow() {
        var rng = SplitMix64(seed: 20_261_205)
        for _ in 0..<400 {
            let count = Int(rng.next() % 12)
            let spread = [3, 40, 5_000][Int(rng.next() % 3)]
            let days = (0..<count).map { _ in Int(rng.next() % UInt64(spread)) - 7 }
            let window = [1, 2, 5, 30, 2_000][Int(rng.next() % 5)]
            let soft = Int(rng.next() % 4) - 1
            var expected = 0
            if let first = days.min(), let last = days.max() {
                for start in (first - window + 1)...last {
                    let inside = days.filter { $0 >= start && $0 <= start + window - 1 }.count
                    if inside > 0, inside > soft { expected += 1 }
                }
            }
            #expect(SoftOverruns.count(purchaseDays: days, windowDays: window, soft: soft) == expected)
        }
    }

    @Test func dayLoads() {
        let metrics = Scorer().score(Self.plan, for: Self.instance)
        #expect(metrics.dayLoads == [
            DayLoad(day: S.day(-2), purchases: 1, reviews: 0),
            DayLoad(day: S.day(0), purchases: 2, reviews: 0),
            DayLoad(day: S.day(2), purchases: 0, reviews: 1),
            DayLoad(day: S.day(5), purchases: 0, reviews: 1),
            DayLoad(day: S.day(7), purchases: 0, reviews: 1),
        ])
        #expect(metrics.changes == nil)
    }

    @Test func changesAgainstPreviousPlan() {
        let previous = Plan(tasks: Self.instance.existing + [
            S.task(.review, "l1", order: "o1", account: "a1", on: 2),
            S.task(.purchase, "l2", order: "o1", item: "y", account: "a1", on: 0),
            S.task(.review, "l2", order: "o1", item: "y", account: "a1", on: 6),
            S.task(.purchase, "l3", order: "o2", account: "a1", on: 0),
            S.task(.purchase, "l4", order: "o3", item: "z", account: "a3", on: 1),
            S.task(.review, "l4", order: "o3", item: "z", account: "a3", on: 9, status: .missed),
        ])
        let changes = Scorer().score(Self.plan, for: Self.instance, previous: previous).changes
        let slot = { (line: String, kind: TaskKind, account: String, offset: Int) in
            TaskSlot(line: LineID(line), kind: kind, account: AccountID(account), date: S.day(offset))
        }
        #expect(changes?.moved == [
            TaskMove(from: slot("l2", .review, "a1", 6), to: slot("l2", .review, "a1", 7)),
            TaskMove(from: slot("l3", .purchase, "a1", 0), to: slot("l3", .purchase, "a2", 0)),
        ])
        #expect(changes?.added == [slot("l3", .review, "a2", 5)])
        #expect(changes?.removed == [slot("l4", .purchase, "a3", 1)])
        #expect(changes?.count == 4)
    }

    @Test func skipsUnknownLinesAndAccounts() {
        let plan = Plan(tasks: [
            S.task(.purchase, "nope", account: "a1", on: 0),
            S.task(.review, "nope", account: "a1", on: 20),
            S.task(.purchase, "l4", order: "o3", item: "z", account: "ghost", on: 0),
            S.task(.review, "l4", order: "o3", item: "z", account: "ghost", on: 25),
        ])
        let metrics = Scorer().score(plan, for: Self.instance)
        #expect(metrics.purchases == 0 && metrics.reviews == 0)
        #expect(metrics.makespan == 0)
        #expect(metrics.unscheduled == 5)
        #expect(metrics.largestLoad == 0 && metrics.spread == 0)
    }

    @Test func listedLineWithTasksCountsAsLeftOut() {
        var plan = Self.plan
        plan.unscheduled.append(UnscheduledLine(line: "l2", reason: "listed twice"))
        let metrics = Scorer().score(plan, for: Self.instance)
        #expect(metrics.unscheduled == 3)
        // l2's review still counts for the makespan, not for lateness.
        #expect(metrics.makespan == 8)
        #expect(abs(metrics.weightedLateness - 1.0) < 1e-12)
    }
}
