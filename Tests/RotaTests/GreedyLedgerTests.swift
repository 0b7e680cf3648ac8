import Testing
@testable import RotaCore
@testable import RotaSolvers
@testable import Rota

@Suite struct GreedyLedgerTests {
    typealias S = GreedyTestSupport

    func ledger(_ instance: Instance) -> (PlanningProblem, CapacityLedger) {
        let problem = PlanningProblem(instance)
        return (problem, CapacityLedger(problem: problem))
    }

    @Test func dailyLimitAndItemRules() {
        let instance = S.instance(
            accounts: [S.account("a", limit: 2)], items: ["x", "y", "z"],
            rules: { $0.sameItemPerAccountPerDay = 1; $0.sameItemPerAccount = 2 })
        var (_, ledger) = ledger(instance)
        #expect(ledger.query.canPurchase(account: 0, item: 0, day: 0))
        ledger.recordPurchase(account: 0, item: 0, day: 0)
        #expect(!ledger.query.canPurchase(account: 0, item: 0, day: 0))  // one x per day
        #expect(ledger.query.canPurchase(account: 0, item: 1, day: 0))
        ledger.recordPurchase(account: 0, item: 1, day: 0)
        #expect(!ledger.query.canOpen(account: 0, day: 0))  // daily limit 2
        #expect(ledger.query.canPurchase(account: 0, item: 0, day: 1))
        ledger.recordPurchase(account: 0, item: 0, day: 1)
        #expect(!ledger.query.itemAllows(account: 0, item: 0, day: 2))  // two x in all
        #expect(ledger.query.isExhausted(item: 0))
        #expect(!ledger.query.isExhausted(item: 1))
        #expect(ledger.loads == [3])
        #expect(!ledger.query.canOpen(account: 0, day: -1))
        #expect(!ledger.query.canOpen(account: 0, day: 30))
    }

    @Test func itemsPerDayCountHistoryBeyondTheDailyLimit() {
        // Completed purchases on day 0 over the daily limit: the per-day item count stays exact.
        let history = ["x", "x", "y"].enumerated().map { k, item in
            PlanTask(
                id: TaskID("H\(k)"), kind: .purchase, line: LineID("L\(k + 1)"), order: OrderID("O\(k + 1)"),
                item: ItemID(item), account: "a", date: S.day(0), status: .completed)
        }
        let instance = S.instance(
            accounts: [S.account("a", limit: 1), S.account("b", limit: nil)], items: ["x", "x", "y", "z"],
            rules: { $0.sameItemPerAccountPerDay = 2 }, existing: history)
        var (problem, ledger) = ledger(instance)
        let (x, y, z) = (problem.itemIndex["x"]!, problem.itemIndex["y"]!, problem.itemIndex["z"]!)
        #expect(!ledger.query.canOpen(account: 0, day: 0))
        #expect(!ledger.query.itemAllows(account: 0, item: x, day: 0))
        #expect(ledger.query.itemAllows(account: 0, item: y, day: 0))
        #expect(ledger.query.itemAllows(account: 0, item: z, day: 0))
        #expect(ledger.query.itemAllows(account: 0, item: x, day: 1))
        // An unlimited account keeps its counts in the table.
        ledger.recordPurchase(account: 1, item: z, day: 3)
        #expect(ledger.lastPurchaseLeftItemRoom)
        ledger.recordPurchase(account: 1, item: z, day: 3)
        #expect(!ledger.lastPurchaseLeftItemRoom)
        #expect(!ledger.query.itemAllows(account: 1, item: z, day: 3))
        #expect(ledger.query.itemAllows(account: 1, item: z, day: 4))
    }

    @Test func rollingWindowsIncludeHistory() {
        let history = [
            PlanTask(id: "H", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-2), status: .completed)
        ]
        let instance = S.instance(
            accounts: [S.account("a", limit: nil, rolling: RollingCap(days: 3, soft: 1, hard: 2))], items: ["x", "y"],
            existing: history)
        var (_, ledger) = ledger(instance)
        #expect(ledger.loads == [1])
        #expect(ledger.query.canOpen(account: 0, day: 0))
        ledger.recordPurchase(account: 0, item: 1, day: 0)
        // Window -2...0 now holds two purchases (history on -2, day 0): day 0 is full; day 1's
        // windows (-1...1, 0...2, 1...3) hold one.
        #expect(!ledger.query.canOpen(account: 0, day: 0))
        #expect(ledger.query.canOpen(account: 0, day: 1))
        ledger.recordPurchase(account: 0, item: 0, day: 1)
        #expect(!ledger.query.canOpen(account: 0, day: 1))
        #expect(!ledger.query.canOpen(account: 0, day: 2))  // window 0...2
        #expect(ledger.query.canOpen(account: 0, day: 3))  // window 1...3 holds one
        ledger.reset()
        #expect(ledger.loads == [1])
        #expect(ledger.query.canOpen(account: 0, day: 1))
    }

    @Test func reviewDaysSkipFullAndUnavailableDays() {
        let instance = S.instance(
            accounts: [S.account("a", unavailable: [2])], items: ["x"], horizon: 6,
            rules: { $0.reviewsPerAccountPerDay = 1 })
        var (_, ledger) = ledger(instance)
        #expect(ledger.firstReviewDay(account: 0, from: 1, through: 5) == 1)
        ledger.recordReview(account: 0, day: 1)
        #expect(!ledger.query.canReview(account: 0, day: 1))
        #expect(!ledger.query.canReview(account: 0, day: 2))
        #expect(ledger.firstReviewDay(account: 0, from: 1, through: 5) == 3)
        #expect(ledger.firstReviewDay(account: 0, from: 1, through: 2) == nil)
        for d in 3...5 { ledger.recordReview(account: 0, day: d) }
        #expect(ledger.firstReviewDay(account: 0, from: 0, through: 99) == 0)
        #expect(ledger.firstReviewDay(account: 0, from: 1, through: 99) == nil)
        #expect(ledger.firstReviewDay(account: 0, from: -4, through: 99) == 0)
    }

    @Test func completedReviewsCountAgainstTheDailyReviewCap() {
        let history = [
            PlanTask(id: "P", kind: .purchase, line: "L1", order: "O1", item: "x", account: "a", date: S.day(-3), status: .completed),
            PlanTask(id: "R", kind: .review, line: "L1", order: "O1", item: "x", account: "a", date: S.day(0), status: .completed, after: "P"),
        ]
        let instance = S.instance(
            accounts: [S.account("a")], items: ["x"], rules: { $0.reviewsPerAccountPerDay = 1 }, existing: history)
        var (_, ledger) = ledger(instance)
        #expect(!ledger.query.canReview(account: 0, day: 0))
        #expect(ledger.firstReviewDay(account: 0, from: 0, through: 10) == 1)
    }

    @Test func countTableGrowsAndClears() {
        var table = CountTable()
        for k in 0..<1_000 { table.increment(k * 7919) }
        table.increment(7919)
        #expect(table.count == 1_000)
        #expect(table[7919] == 2)
        #expect(table[0] == 1)
        #expect(table[1] == 0)
        table.removeAll()
        #expect(table.count == 0)
        #expect(table[7919] == 0)
    }

    @Test func rankSetWalksInOrder() {
        var set = RankSet(capacity: 200)
        for r in [150, 3, 64, 63, 199] { set.insert(r) }
        set.insert(3)
        set.remove(63)
        var seen: [Int] = []
        var next = set.next(from: 0)
        while let r = next {
            seen.append(r)
            next = set.next(from: r + 1)
        }
        #expect(seen == [3, 64, 150, 199])
        #expect(set.count == 4)
        #expect(set.next(from: 200) == nil)
    }

    @Test func minHeapPopsInOrder() {
        var heap = MinHeap()
        var rng = SplitMix64(seed: 4)
        let keys = (0..<300).map { _ in rng.int(in: 0...1_000) }
        heap.rebuild(from: Array(keys.prefix(100)))
        for k in keys.dropFirst(100) { heap.push(k) }
        heap.replaceMin(with: 5_000)
        var popped: [Int] = []
        while let k = heap.popMin() { popped.append(k) }
        var expected = keys.sorted()
        expected[0] = 5_000
        #expect(popped == expected.sorted())
    }
}
