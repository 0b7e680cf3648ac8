/// The one dense rule ledger: what every account has bought and reviewed, day by day,
/// seeded with the completed history of the `PlanningProblem` it was made from, so each cap
/// rule is checked in O(1) or O(window). Every solver (greedy, flow repair), the generator's
/// history, `DenseSchedule.violations(in:)` and the test oracles ask it whether a task may be
/// placed; `purchaseViolation` and `reviewViolation` (CapacityLedger+Violations.swift) say
/// which rule forbids it.
///
/// Days are offsets from `start` (0 ..< `horizon`); accounts, items and lines are dense indices
/// of the problem. Purchases and reviews may be recorded in any day order. The `Validator`
/// checks plans on its own, independently of this ledger.
///
/// The per-day storage covers days `0 ..< days` only and grows (doubling) when a purchase or
/// review is recorded, or a review day searched, past it: a day never touched holds no task, so
/// its answers come from the problem alone. Memory follows the days plans use, not `horizon`.
package struct CapacityLedger: Sendable {
    package let horizon: Int
    package let accountCount: Int
    package let itemCount: Int

    @usableFromInline let dailyLimit: [Int]
    @usableFromInline let sameItemPerDay: Int
    @usableFromInline let sameItemTotal: Int
    @usableFromInline let reviewsPerDay: Int
    /// The problem's `available[a][d]`, for days not stored yet.
    @usableFromInline let availability: [[Bool]]
    /// Days stored: `0 ..< days` (at most `horizon`).
    @usableFromInline var days: Int
    /// `available[d * accountCount + a]` (days stored).
    @usableFromInline var available: [Bool]
    /// Per line: its item, first purchase day and review lag (the problem's arrays).
    @usableFromInline let lineItem: [Int]
    @usableFromInline let firstPurchaseDay: [Int]
    @usableFromInline let lag: [Int]
    @usableFromInline let history: [HistoryPurchase]
    @usableFromInline let historyReviews: [HistoryReview]

    /// Purchases per account-day (`d * accountCount + a`), history included.
    @usableFromInline var purchases: [Int32]
    /// Reviews per account-day (`d * accountCount + a`), history included.
    @usableFromInline var reviews: [Int32]
    /// Purchases per rolling window, for the hard caps.
    @usableFromInline var rolling: RollingCounts
    /// Per account, days 0 ... `days` (`d * accountCount + a`): a union-find pointing at the next
    /// day it can review; day `days` points at itself (not stored yet, or the horizon's end).
    @usableFromInline var nextReview: [Int32]
    /// Items bought per account-day, for accounts with a small daily limit: `daySlots[a]`
    /// slots per day from `d * slotsPerDay + dayBase[a]`, filled in purchase order (`purchases`
    /// says how many).
    @usableFromInline let daySlots: [Int]
    @usableFromInline let dayBase: [Int]
    @usableFromInline let slotsPerDay: Int
    @usableFromInline var dayItems: [Int32]
    /// Purchases per account-item-day beyond those slots, keyed `(a * itemCount + item) * horizon + d`.
    @usableFromInline var itemDay: CountTable
    /// Whether the last recorded purchase left room to buy that item again that day.
    package private(set) var lastPurchaseLeftItemRoom = false
    /// Purchases per account-item over the whole plan, keyed `a * itemCount + item`.
    @usableFromInline var itemTotal: CountTable
    /// Per item: how many accounts reached `sameItemPerAccount`.
    @usableFromInline var exhaustedAccounts: [Int32]
    /// Every non-missed purchase per account, history included (the balance metric's load).
    package private(set) var loads: [Int]

    /// A ledger holding the problem's completed history and nothing else.
    package init(problem: PlanningProblem) {
        horizon = problem.horizon
        accountCount = problem.accountCount
        itemCount = problem.itemCount
        dailyLimit = problem.dailyLimit
        sameItemPerDay = problem.sameItemPerDay
        sameItemTotal = problem.sameItemTotal
        reviewsPerDay = problem.reviewsPerDay
        lineItem = problem.lineItem
        firstPurchaseDay = problem.firstPurchaseDay
        lag = problem.lag
        availability = problem.available
        days = 0
        available = []
        rolling = RollingCounts(problem: problem)
        history = problem.completedPurchases
        historyReviews = problem.completedReviews
        purchases = []
        reviews = []
        nextReview = [Int32](repeating: 0, count: accountCount)
        itemDay = CountTable()
        var daySlots: [Int] = []
        var dayBase: [Int] = []
        var slots = 0
        for a in 0..<accountCount {
            let perDay = problem.sameItemPerDay < PlanningProblem.unlimited && problem.dailyLimit[a] <= 8
                ? problem.dailyLimit[a] : 0
            daySlots.append(perDay)
            dayBase.append(slots)
            slots += perDay
        }
        self.daySlots = daySlots
        self.dayBase = dayBase
        slotsPerDay = slots
        dayItems = []
        itemTotal = CountTable()
        exhaustedAccounts = [Int32](repeating: 0, count: itemCount)
        loads = [Int](repeating: 0, count: accountCount)
        grow(toCover: min(horizon, 64) - 1)
        reset()
    }

    /// Stores days up to at least `day` (doubling, at most the horizon); new days hold no task.
    @usableFromInline mutating func grow(toCover day: Int) {
        guard day >= days, days < horizon else { return }
        let old = days
        let new = min(horizon, max(day + 1, 2 * old, 64))
        let count = (new - old) * accountCount
        var flags: [Bool] = []
        flags.reserveCapacity(count)
        for d in old..<new {
            for a in 0..<accountCount { flags.append(isAvailable(account: a, day: d)) }
        }
        available.append(contentsOf: flags)
        purchases.append(contentsOf: repeatElement(0, count: count))
        reviews.append(contentsOf: repeatElement(0, count: count))
        dayItems.append(contentsOf: repeatElement(0, count: (new - old) * slotsPerDay))
        days = new
        // The old end row becomes a day; a new end row follows.
        var links: [Int32] = []
        links.reserveCapacity(count + accountCount)
        for d in old..<new {
            for a in 0..<accountCount { links.append(Int32(reviewBlocked(account: a, day: d) ? d + 1 : d)) }
        }
        links.append(contentsOf: repeatElement(Int32(new), count: accountCount))
        nextReview.removeLast(accountCount)
        nextReview.append(contentsOf: links)
    }

    /// The problem lets the account work on `day`.
    @inlinable func isAvailable(account a: Int, day d: Int) -> Bool {
        let flags = availability[a]
        return d < flags.count && flags[d]
    }

    /// Forgets every recorded task and keeps the completed history, reusing the storage.
    package mutating func reset() {
        for i in purchases.indices { purchases[i] = 0 }
        for i in reviews.indices { reviews[i] = 0 }
        rolling.clear()
        for i in exhaustedAccounts.indices { exhaustedAccounts[i] = 0 }
        for i in loads.indices { loads[i] = 0 }
        itemDay.removeAll()
        itemTotal.removeAll()
        for purchase in history where purchase.account >= 0 && purchase.account < accountCount {
            recordPurchase(account: purchase.account, item: purchase.item, day: purchase.day)
        }
        for review in historyReviews where review.day >= 0 && review.day < horizon {
            grow(toCover: review.day)
            reviews[review.day * accountCount + review.account] += 1
        }
        for d in 0..<days {
            for a in 0..<accountCount {
                nextReview[d * accountCount + a] = Int32(reviewBlocked(account: a, day: d) ? d + 1 : d)
            }
        }
        for a in 0..<accountCount { nextReview[days * accountCount + a] = Int32(days) }
    }

    /// Purchases the account makes on `day` (in the horizon), history included.
    @inlinable func purchaseCount(account a: Int, day d: Int) -> Int {
        d < days ? Int(purchases[d * accountCount + a]) : 0
    }

    /// Reviews the account makes on `day` (in the horizon), history included.
    @inlinable func reviewCount(account a: Int, day d: Int) -> Int {
        d < days ? Int(reviews[d * accountCount + a]) : 0
    }

    // MARK: Purchases

    /// The account may purchase something on `day`: it is available, under its daily limit and
    /// under its rolling hard cap in every window holding `day`.
    ///
    /// Declared `mutating` though it changes nothing: a call then passes the ledger in place.
    /// A non-mutating call that is not inlined, on a ledger stored in another struct (a greedy
    /// sweep), first copies the ledger's 320 bytes: 13% of greedy's time at 500,000 lines.
    @inlinable package mutating func canOpen(account a: Int, day d: Int) -> Bool {
        guard d >= 0, d < horizon else { return false }
        if d >= days {
            guard isAvailable(account: a, day: d), 0 < dailyLimit[a] else { return false }
            return rolling.hasRoom(account: a, day: d)
        }
        let slot = d * accountCount + a
        guard available[slot], Int(purchases[slot]) < dailyLimit[a] else { return false }
        return rolling.hasRoom(account: a, day: d)
    }

    /// The item rules allow one more purchase of `item` by the account on `day`.
    ///
    /// Declared `mutating` though it changes nothing: a call then passes the ledger in place.
    /// A non-mutating call that is not inlined, on a ledger stored in another struct (a greedy
    /// sweep), first copies the ledger's 320 bytes: 13% of greedy's time at 500,000 lines.
    @inlinable package mutating func itemAllows(account a: Int, item: Int, day d: Int) -> Bool {
        let pair = a * itemCount + item
        if sameItemTotal < PlanningProblem.unlimited, Int(itemTotal[pair]) >= sameItemTotal { return false }
        if sameItemPerDay < PlanningProblem.unlimited, boughtToday(account: a, item: item, day: d) >= sameItemPerDay {
            return false
        }
        return true
    }

    /// Purchases of `item` by the account on `day` (in the horizon).
    @inlinable func boughtToday(account a: Int, item: Int, day d: Int) -> Int {
        // A day not stored holds no purchase.
        guard d < days else { return 0 }
        let made = Int(purchases[d * accountCount + a])
        let slots = daySlots[a]
        var count = 0
        if slots > 0 {
            let base = d * slotsPerDay + dayBase[a]
            for k in 0..<min(made, slots) where dayItems[base + k] == Int32(truncatingIfNeeded: item) { count += 1 }
            if made <= slots { return count }
        }
        return count + Int(itemDay[(a * itemCount + item) * horizon + d])
    }

    /// The account reached `sameItemPerAccount` for `item`.
    ///
    /// Declared `mutating` though it changes nothing: a call then passes the ledger in place.
    /// A non-mutating call that is not inlined, on a ledger stored in another struct (a greedy
    /// sweep), first copies the ledger's 320 bytes: 13% of greedy's time at 500,000 lines.
    @inlinable package mutating func hasReachedItemLimit(account a: Int, item: Int) -> Bool {
        sameItemTotal < PlanningProblem.unlimited && Int(itemTotal[a * itemCount + item]) >= sameItemTotal
    }

    /// How many accounts have not reached `sameItemPerAccount` for `item`.
    ///
    /// Declared `mutating` though it changes nothing: a call then passes the ledger in place.
    /// A non-mutating call that is not inlined, on a ledger stored in another struct (a greedy
    /// sweep), first copies the ledger's 320 bytes: 13% of greedy's time at 500,000 lines.
    @inlinable package mutating func buyersLeft(item: Int) -> Int {
        guard sameItemTotal < PlanningProblem.unlimited else { return accountCount }
        return sameItemTotal == 0 ? 0 : max(0, accountCount - Int(exhaustedAccounts[item]))
    }

    /// Every purchase rule allows the account to buy `item` on `day`.
    ///
    /// Declared `mutating` though it changes nothing: a call then passes the ledger in place.
    /// A non-mutating call that is not inlined, on a ledger stored in another struct (a greedy
    /// sweep), first copies the ledger's 320 bytes: 13% of greedy's time at 500,000 lines.
    @inlinable package mutating func canPurchase(account a: Int, item: Int, day d: Int) -> Bool {
        canOpen(account: a, day: d) && itemAllows(account: a, item: item, day: d)
    }

    /// No account may buy `item` any more: each reached `sameItemPerAccount`.
    ///
    /// Declared `mutating` though it changes nothing, as `canOpen` is: a call passes the ledger in place.
    @inlinable package mutating func isExhausted(item: Int) -> Bool {
        guard accountCount > 0, sameItemTotal < PlanningProblem.unlimited else { return false }
        return sameItemTotal == 0 || Int(exhaustedAccounts[item]) >= accountCount
    }

    /// Counts a purchase of `item` by the account on `day` (any day; days outside the horizon
    /// count only toward totals and rolling windows).
    package mutating func recordPurchase(account a: Int, item: Int, day d: Int) {
        loads[a] += 1
        let pair = a * itemCount + item
        if sameItemTotal < PlanningProblem.unlimited, Int(itemTotal.increment(pair)) == sameItemTotal {
            exhaustedAccounts[item] += 1
        }
        var roomLeft = true
        if d >= 0 && d < horizon {
            grow(toCover: d)
            let made = Int(purchases[d * accountCount + a])
            purchases[d * accountCount + a] += 1
            if sameItemPerDay < PlanningProblem.unlimited {
                let slots = daySlots[a]
                if made < slots {
                    dayItems[d * slotsPerDay + dayBase[a] + made] = Int32(truncatingIfNeeded: item)
                } else {
                    itemDay.increment(pair * horizon + d)
                }
                roomLeft = boughtToday(account: a, item: item, day: d) < sameItemPerDay
            }
        }
        lastPurchaseLeftItemRoom = roomLeft && !hasReachedItemLimit(account: a, item: item)
        rolling.record(account: a, day: d)
    }

    // MARK: Reviews

    /// The account may review on `day`: it is available and under the daily review cap.
    ///
    /// Declared `mutating` though it changes nothing, as `canOpen` is: a call passes the ledger in place.
    @inlinable package mutating func canReview(account a: Int, day d: Int) -> Bool {
        guard d >= 0, d < horizon else { return false }
        return !reviewBlocked(account: a, day: d)
    }

    /// The first day in `from ... through` (clamped to the horizon) the account can review on.
    package mutating func firstReviewDay(account a: Int, from: Int, through: Int) -> Int? {
        let last = min(through, horizon - 1)
        let first = max(from, 0)
        guard first <= last else { return nil }
        grow(toCover: first)
        var day = find(account: a, day: first)
        // Reached the days stored: store more and go on.
        while day == days, day <= last {
            grow(toCover: day)
            day = find(account: a, day: day)
        }
        return day <= last ? day : nil
    }

    /// Counts a review by the account on `day` (days outside the horizon are ignored).
    package mutating func recordReview(account a: Int, day d: Int) {
        guard d >= 0, d < horizon else { return }
        grow(toCover: d)
        reviews[d * accountCount + a] += 1
        if reviewBlocked(account: a, day: d) { nextReview[d * accountCount + a] = Int32(d + 1) }
    }

    @inlinable func reviewBlocked(account a: Int, day d: Int) -> Bool {
        guard d < days else { return !isAvailable(account: a, day: d) || 0 >= reviewsPerDay }
        let slot = d * accountCount + a
        return !available[slot] || Int(reviews[slot]) >= reviewsPerDay
    }

    /// Union-find with path halving over the account's days: the next day that is not blocked.
    @usableFromInline mutating func find(account a: Int, day: Int) -> Int {
        let stride = accountCount
        var x = day
        while true {
            let parent = Int(nextReview[x * stride + a])
            if parent == x { return x }
            let grand = Int(nextReview[parent * stride + a])
            nextReview[x * stride + a] = Int32(grand)
            x = grand
        }
    }
}
