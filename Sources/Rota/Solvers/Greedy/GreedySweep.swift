/// One constructive pass of `GreedySolver` for a target makespan `T`: day by day, the released
/// lines in priority order each go to the least-loaded account that may buy the item that day
/// and review it by day `T - 1`; a line past its last purchase day for `T` may still be placed
/// later, reviewed by the horizon's end. Storage is reused from pass to pass.
struct GreedySweep: Sendable {
    let problem: PlanningProblem
    private(set) var ledger: CapacityLedger
    private(set) var decisions: GreedyDecisions
    private var pool: RankSet
    private var heap = MinHeap()
    private var openKeys: [Int] = []
    /// Accounts (heap keys) that turned down the current kind of line today: same item, lag
    /// and tightness. They keep turning it down, so consecutive lines of that kind skip them.
    private var held: [Int] = []
    private var heldKind = -1
    /// How many of the held accounts turned the item down (the others, the review days).
    private var heldForItem = 0
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
        ledger = CapacityLedger(problem: problem)
        decisions = GreedyDecisions(lineCount: problem.lineCount)
        pool = RankSet(capacity: problem.lineCount)
        memoDay = [Int](repeating: -1, count: problem.itemCount)
        memoTight = [Int](repeating: 0, count: problem.itemCount)
        memoLoose = [Int](repeating: 0, count: problem.itemCount)
    }

    /// Trades this pass's decisions for `other` (a buffer the next pass may overwrite).
    mutating func swapDecisions(with other: inout GreedyDecisions) {
        swap(&decisions, &other)
    }

    /// Plans every line for target makespan `target` in `order`; returns the plan's score.
    mutating func run(target: Int, order: GreedyLineOrder) -> GreedyScore {
        let horizon = problem.horizon
        let accounts = problem.accountCount
        let lastTight = target - 1
        ledger.reset()
        decisions.reset()
        pool.removeAll()
        ledger.placeCompletedPurchaseReviews(problem: problem, into: &decisions)
        for l in order.beyondHorizon { decisions.leaveOut(line: l, cause: .beyondHorizon) }

        for d in 0..<horizon {
            for k in Int(order.releaseStart[d])..<Int(order.releaseStart[d + 1]) {
                pool.insert(Int(order.releaseRanks[k]))
            }
            guard !pool.isEmpty else {
                if Int(order.releaseStart[d + 1]) == order.lines.count { break }
                continue
            }
            openKeys.removeAll(keepingCapacity: true)
            for a in 0..<accounts where ledger.canOpen(account: a, day: d) {
                openKeys.append(ledger.loads[a] * accounts + a)
            }
            guard !openKeys.isEmpty else { continue }
            heap.rebuild(from: openKeys)
            stamp += 1
            anyItemTight = Int.max
            anyItemLoose = Int.max

            held.removeAll(keepingCapacity: true)
            heldKind = -1
            heldForItem = 0
            var next = pool.next(from: 0)
            while let rank = next, !heap.isEmpty || !held.isEmpty {
                next = pool.next(from: rank + 1)
                let item = Int(order.items[rank])
                let lag = Int(order.lags[rank])
                if ledger.isExhausted(item: item) || d + lag > horizon - 1 {
                    pool.remove(rank)
                    leaveOut(line: Int(order.lines[rank]))
                    continue
                }
                let tight = d + lag <= lastTight
                if anyItemLoose <= lag || (tight && anyItemTight <= lag) { continue }
                if memoDay[item] == stamp, memoLoose[item] <= lag || (tight && memoTight[item] <= lag) { continue }
                let through = tight ? lastTight : horizon - 1

                // The least-loaded account that may buy the item today and review it in time.
                let kind = (item * (horizon + 1) + lag) * 2 + (tight ? 1 : 0)
                if kind != heldKind { releaseHeld(kind: kind) }
                var chosen = -1
                var reviewDay = -1
                while let key = heap.min {
                    let a = key % accounts
                    if !ledger.itemAllows(account: a, item: item, day: d) {
                        heldForItem += 1
                    } else if let r = ledger.firstReviewDay(account: a, from: d + lag, through: through) {
                        chosen = a
                        reviewDay = r
                        break
                    }
                    held.append(key)
                    _ = heap.popMin()
                }

                if chosen >= 0 {
                    ledger.recordPurchase(account: chosen, item: item, day: d)
                    ledger.recordReview(account: chosen, day: reviewDay)
                    decisions.schedule(line: Int(order.lines[rank]), account: chosen, purchaseDay: d, reviewDay: reviewDay)
                    pool.remove(rank)
                    let key = ledger.loads[chosen] * accounts + chosen
                    if !ledger.canOpen(account: chosen, day: d) {
                        _ = heap.popMin()
                    } else if ledger.itemAllows(account: chosen, item: item, day: d) {
                        heap.replaceMin(with: key)
                    } else {
                        _ = heap.popMin()
                        held.append(key)
                        heldForItem += 1
                    }
                } else {
                    let itemRefusals = heldForItem
                    releaseHeld(kind: -1)
                    // Capacity only shrinks within a day: a longer lag fails where a shorter one
                    // did; with no item refusal, it fails whatever the item.
                    if itemRefusals == 0 {
                        if tight { anyItemTight = min(anyItemTight, lag) } else { anyItemLoose = min(anyItemLoose, lag) }
                    } else {
                        if memoDay[item] != stamp {
                            memoDay[item] = stamp
                            memoTight[item] = Int.max
                            memoLoose[item] = Int.max
                        }
                        if tight {
                            memoTight[item] = min(memoTight[item], lag)
                        } else {
                            memoLoose[item] = min(memoLoose[item], lag)
                        }
                    }
                }
            }
        }
        var next = pool.next(from: 0)
        while let rank = next {
            next = pool.next(from: rank + 1)
            leaveOut(line: Int(order.lines[rank]))
        }
        return decisions.score(problem: problem, loads: ledger.loads)
    }

    /// Puts the held accounts back in the heap and starts holding for lines of `kind`.
    private mutating func releaseHeld(kind: Int) {
        for key in held { heap.push(key) }
        held.removeAll(keepingCapacity: true)
        heldKind = kind
        heldForItem = 0
    }

    private mutating func leaveOut(line l: Int) {
        decisions.leaveOut(line: l, cause: ledger.isExhausted(item: problem.lineItem[l]) ? .itemExhausted : .noCapacity)
    }

    /// Runs `seed-greedy` on this sweep's storage; returns its score.
    mutating func runSeed() -> GreedyScore {
        ledger.reset()
        decisions = SeedGreedySolver.decide(problem, ledger: &ledger)
        return decisions.score(problem: problem, loads: ledger.loads)
    }
}
