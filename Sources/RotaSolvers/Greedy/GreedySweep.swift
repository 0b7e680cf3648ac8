import RotaCore

/// One constructive pass of `GreedySolver` for a target makespan `T`: day by day, the released
/// lines in priority order each go to the least-loaded account that may buy the item that day
/// and review it by day `T - 1`; a line past its last purchase day for `T` may still be placed
/// later, reviewed by the horizon's end. Storage is reused from pass to pass.
struct GreedySweep: Sendable {
    let problem: PlanningProblem
    /// `problem.accountCount`, kept here: the problem's computed property is a call into
    /// RotaCore that copies the whole problem, on every account choice.
    let accountCount: Int
    var ledger: CapacityLedger
    private(set) var decisions: GreedyDecisions
    var pool: LinePool
    private var poolShape: (ranks: Int, groups: Int) = (0, 0)
    /// Today's open accounts, keyed `load * accountCount + account`. An account picked among an
    /// item's few buyers keeps its old key until it surfaces (see `chooseFromHeap`).
    var heap = MinHeap()
    /// Today's open accounts that can review no line bought today by `T - 1`: kept apart, so
    /// lines that must meet the target never pop them; lines past it still may use them.
    var looseHeap = MinHeap()
    private var openKeys: [Int] = []
    private var looseKeys: [Int] = []
    /// Per account: no free review day from this day to `T - 1` (`Int.max`: not known).
    var deadFrom: [Int]
    /// Pool lines per lag, to know today's shortest lag.
    private var poolLags: [Int]
    /// Today's shortest lag among pool lines.
    var shortestPoolLag = 0
    /// Accounts (heap keys) that turned down the current kind of line today: same group and
    /// tightness. They keep turning it down, so consecutive lines of that kind skip them.
    /// Keys from `looseHeap` are stored bit-flipped (negative).
    var held: [Int] = []
    var heldKind = -1
    /// How many of the held accounts turned the item down (the others, the review days).
    var heldForItem = 0
    /// Whether the account `chooseFromHeaps` returned is on top of `looseHeap`.
    var chosenFromLoose = false
    /// Per item with few buyers left: the accounts that may still buy it (`fewBuilt` marks them).
    var few: [[Int32]]
    var fewBuilt: [Bool]
    var fewItems: [Int] = []
    /// Per item, for the current day: the shortest lag that found no account, for lines that
    /// must be reviewed by `T - 1` (tight) and by the horizon's end (loose).
    private var memoDay: [Int]
    private var memoTight: [Int]
    private var memoLoose: [Int]
    /// For the current day: the shortest lag that found no account able to review in time,
    /// whatever the item (every account was turned down for its review days).
    private var anyItemTight = Int.max
    private var anyItemLoose = Int.max
    private var stamp = 0

    init(problem: PlanningProblem) {
        self.problem = problem
        accountCount = problem.accountCount
        ledger = CapacityLedger(problem: problem)
        decisions = GreedyDecisions(lineCount: problem.lineCount)
        pool = LinePool(rankCount: 0, groupSizes: [])
        few = [[Int32]](repeating: [], count: problem.itemCount)
        fewBuilt = [Bool](repeating: false, count: problem.itemCount)
        deadFrom = [Int](repeating: Int.max, count: problem.accountCount)
        poolLags = [Int](repeating: 0, count: problem.horizon)
        memoDay = [Int](repeating: -1, count: problem.itemCount)
        memoTight = [Int](repeating: 0, count: problem.itemCount)
        memoLoose = [Int](repeating: 0, count: problem.itemCount)
    }

    /// Trades this pass's decisions for `other` (a buffer the next pass may overwrite).
    mutating func swapDecisions(with other: inout GreedyDecisions) {
        swap(&decisions, &other)
    }

    /// Runs `seed-greedy` on this sweep's storage; returns its score.
    mutating func runSeed() -> ObjectiveValues {
        ledger.reset()
        decisions = SeedGreedySolver.decide(problem, ledger: &ledger)
        return decisions.score(problem: problem, loads: ledger.loads)
    }

    /// Plans every line for target makespan `target` in `order`; returns the plan's score.
    mutating func run(target: Int, order: GreedyLineOrder) -> ObjectiveValues {
        let horizon = problem.horizon
        let accounts = accountCount
        let lastTight = target - 1
        prepare(order)
        for d in 0..<horizon {
            for k in Int(order.releaseStart[d])..<Int(order.releaseStart[d + 1]) {
                let rank = Int(order.releaseRanks[k])
                pool.release(rank: rank, group: Int(order.groups[rank]))
                poolLags[Int(order.lags[rank])] += 1
            }
            guard !pool.isEmpty else {
                if Int(order.releaseStart[d + 1]) == order.lines.count { break }
                continue
            }
            shortestPoolLag = poolLags.firstIndex { $0 > 0 } ?? horizon
            openKeys.removeAll(keepingCapacity: true)
            looseKeys.removeAll(keepingCapacity: true)
            for a in 0..<accounts where ledger.canOpen(account: a, day: d) {
                if deadFrom[a] <= d + shortestPoolLag {
                    looseKeys.append(ledger.loads[a] * accounts + a)
                } else {
                    openKeys.append(ledger.loads[a] * accounts + a)
                }
            }
            guard !openKeys.isEmpty || !looseKeys.isEmpty else { continue }
            heap.rebuild(from: openKeys)
            looseHeap.rebuild(from: looseKeys)
            stamp += 1
            anyItemTight = Int.max
            anyItemLoose = Int.max
            held.removeAll(keepingCapacity: true)
            heldKind = -1
            heldForItem = 0

            var next = pool.next(from: 0)
            while let rank = next, !heap.isEmpty || !held.isEmpty || !looseHeap.isEmpty {
                next = pool.next(from: rank + 1)
                let item = Int(order.items[rank])
                let lag = Int(order.lags[rank])
                let group = Int(order.groups[rank])
                if ledger.isExhausted(item: item) || d + lag > horizon - 1 {
                    // So is every line of the group.
                    leaveOut(group: group, order: order)
                    next = pool.next(from: rank + 1)
                    continue
                }
                let tight = d + lag <= lastTight
                if anyItemLoose <= lag || (tight && anyItemTight <= lag) { continue }
                if memoDay[item] == stamp, memoLoose[item] <= lag || (tight && memoTight[item] <= lag) { continue }

                let need = LineNeedToday(item: item, lag: lag, through: tight ? lastTight : horizon - 1, day: d)
                let kind = group * 2 + (tight ? 1 : 0)
                if kind != heldKind { releaseHeld(kind: kind) }
                let viaFew = hasFewBuyers(item: item)
                if let (chosen, reviewDay) = viaFew ? chooseFromFew(need) : chooseFromHeaps(need, tight: tight) {
                    ledger.recordPurchase(account: chosen, item: item, day: d)
                    ledger.recordReview(account: chosen, day: reviewDay)
                    decisions.schedule(line: Int(order.lines[rank]), account: chosen, purchaseDay: d, reviewDay: reviewDay)
                    if viaFew { dropIfDone(account: chosen, item: item) } else { settleChosen(chosen, need) }
                    poolLags[lag] -= 1
                    // The group's next line, if any, becomes visible after this rank.
                    pool.advance(group: group)
                    next = pool.next(from: rank + 1)
                } else {
                    let itemRefusals = viaFew ? 1 : heldForItem
                    releaseHeld(kind: -1)
                    remember(failure: need, tight: tight, anyItem: itemRefusals == 0)
                }
            }
        }
        while let rank = pool.next(from: 0) { leaveOut(group: Int(order.groups[rank]), order: order) }
        return decisions.score(problem: problem, loads: ledger.loads)
    }

    private mutating func prepare(_ order: GreedyLineOrder) {
        ledger.reset()
        decisions.reset()
        if poolShape != (order.lines.count, order.groupSizes.count) {
            pool = LinePool(rankCount: order.lines.count, groupSizes: order.groupSizes)
            poolShape = (order.lines.count, order.groupSizes.count)
        } else {
            pool.removeAll()
        }
        for item in fewItems {
            few[item].removeAll(keepingCapacity: true)
            fewBuilt[item] = false
        }
        fewItems.removeAll(keepingCapacity: true)
        for a in deadFrom.indices { deadFrom[a] = Int.max }
        for lag in poolLags.indices { poolLags[lag] = 0 }
        ledger.placeCompletedPurchaseReviews(problem: problem, into: &decisions)
        for l in order.beyondHorizon { decisions.leaveOut(line: l, cause: .beyondHorizon) }
    }

    /// Capacity only shrinks within a day: a longer lag fails where a shorter one did; with no
    /// item refusal, it fails whatever the item.
    private mutating func remember(failure need: LineNeedToday, tight: Bool, anyItem: Bool) {
        if anyItem {
            if tight { anyItemTight = min(anyItemTight, need.lag) } else { anyItemLoose = min(anyItemLoose, need.lag) }
            return
        }
        let item = need.item
        if memoDay[item] != stamp {
            memoDay[item] = stamp
            memoTight[item] = Int.max
            memoLoose[item] = Int.max
        }
        if tight {
            memoTight[item] = min(memoTight[item], need.lag)
        } else {
            memoLoose[item] = min(memoLoose[item], need.lag)
        }
    }

    /// Leaves out every line of the group still in the pool.
    private mutating func leaveOut(group: Int, order: GreedyLineOrder) {
        while let rank = pool.first(in: group) {
            pool.advance(group: group)
            poolLags[Int(order.lags[rank])] -= 1
            let l = Int(order.lines[rank])
            decisions.leaveOut(line: l, cause: ledger.isExhausted(item: problem.lineItem[l]) ? .itemExhausted : .noCapacity)
        }
    }
}
