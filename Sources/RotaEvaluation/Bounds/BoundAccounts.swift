import RotaCore

/// Per-account capacities over the horizon, history subtracted, for the makespan bound.
///
/// Every number here is an upper bound on what a valid plan can still do (it relaxes some
/// rules, never tightens one), so arguments built on it stay valid.
///
/// The per-day tables cover days `0 ..< days` only (a window, at most the horizon): an argument
/// asking about a makespan `M < days` reads nothing later, so the bound can grow the window
/// with its candidate makespans instead of paying accounts × `horizonDays` (see
/// `LowerBounds.compute`). The days each account can buy and review are kept for the whole
/// horizon as runs, which cost O(days off) rather than O(days).
struct BoundAccounts {
    let horizon: Int
    /// Days covered by the per-day tables: `0 ..< days`.
    let days: Int
    /// `dayCap[a][d]`: pending purchases account `a` may still make on day `d`: 0 when unavailable,
    /// else `dailyLimit` minus that day's completed purchases.
    let dayCap: [[Int]]
    /// `purchasePrefix[a][D]`: at most this many pending purchases by `a` on days `0...D`.
    let purchasePrefix: [[Int]]
    /// `itemPrefix[a][D]`: at most this many pending purchases of one item by `a` on days `0...D`
    /// (history of that item not subtracted).
    let itemPrefix: [[Int]]
    /// `reviewCap[a][d]`: pending reviews `a` may still make on day `d`.
    let reviewCap: [[Int]]
    /// `buyRuns[a]`: the days of the whole horizon on which `a` may make some pending purchase,
    /// as ascending disjoint runs `[start, end)` flattened (`start₀, end₀, start₁, end₁, …`).
    let buyRuns: [[Int]]
    /// `reviewRuns[a]`: the days of the whole horizon on which `a` may make some pending review,
    /// as runs like `buyRuns`.
    let reviewRuns: [[Int]]
    /// `lastReviewDay[a][d]`: the last day `≤ d` on which `a` may review, or -1.
    let lastReviewDay: [[Int]]
    /// `reviewsBefore[a][d]`: pending reviews `a` may make on days `0..<d`, each day's count capped
    /// at `ceiling` so the sums stay exact (see `ceiling`).
    let reviewsBefore: [[Int]]
    /// Lines + 1. A capacity only ever meets a count of lines (at most `ceiling - 1`), and capping
    /// the terms of sums and minimums at `ceiling` never changes whether the result reaches such a
    /// count (a term at the cap alone reaches it), so capped sums can be subtracted safely.
    let ceiling: Int
    /// The rolling window (`days`, `hard`) of each account with a hard cap, history ignored.
    let window: [(days: Int, hard: Int)?]
    /// Completed purchases of each item by each account (`[item: count]` per account).
    let itemHistory: [[Int: Int]]

    /// Tables over days `0 ..< min(days, horizon)` (the whole horizon when `days` is nil).
    /// Memory: O(accounts × days) tables plus O(horizon) scratch for one account at a time.
    init(_ problem: PlanningProblem, days window: Int? = nil) {
        let horizon = problem.horizon
        let span = max(0, min(window ?? horizon, horizon))
        let unlimited = PlanningProblem.unlimited
        self.horizon = horizon
        self.days = span
        var boughtOn = [[Int: Int]](repeating: [:], count: problem.accountCount)
        var boughtDays = [[Int]](repeating: [], count: problem.accountCount)
        var itemHistory = [[Int: Int]](repeating: [:], count: problem.accountCount)
        for purchase in problem.completedPurchases {
            if purchase.day >= 0 && purchase.day < horizon { boughtOn[purchase.account][purchase.day, default: 0] += 1 }
            boughtDays[purchase.account].append(purchase.day)
            itemHistory[purchase.account][purchase.item, default: 0] += 1
        }
        var reviewedOn = [[Int: Int]](repeating: [:], count: problem.accountCount)
        for review in problem.completedReviews where review.day >= 0 && review.day < horizon {
            reviewedOn[review.account][review.day, default: 0] += 1
        }
        self.itemHistory = itemHistory

        var dayCap: [[Int]] = []
        var purchasePrefix: [[Int]] = []
        var itemPrefix: [[Int]] = []
        var reviewCap: [[Int]] = []
        var buyRuns: [[Int]] = []
        var reviewRuns: [[Int]] = []
        var window: [(days: Int, hard: Int)?] = []
        var lastReviewDay: [[Int]] = []
        var reviewsBefore: [[Int]] = []
        let ceiling = problem.lineCount + 1
        // Accounts alike in capacities, window and history share their prefix tables.
        var prefixCache: [PrefixKey: [Int]] = [:]
        func prefix(_ daily: [Int], _ win: (days: Int, hard: Int)?, _ history: [Int]) -> [Int] {
            let key = PrefixKey(daily: daily, days: win?.days ?? 0, hard: win?.hard ?? 0, history: win == nil ? [] : history)
            if let cached = prefixCache[key] { return cached }
            let result = Self.windowedPrefix(daily, window: win, history: history)
            prefixCache[key] = result
            return result
        }
        let anyItemAllowed = problem.sameItemPerDay > 0 && problem.sameItemTotal > 0
        // Scratch for one account over the whole horizon.
        var buy = [Bool](repeating: false, count: horizon)
        var review = [Bool](repeating: false, count: horizon)
        for a in 0..<problem.accountCount {
            let available = problem.available[a]
            let bought = boughtOn[a]
            let reviewed = reviewedOn[a]
            func purchaseCap(_ d: Int) -> Int {
                available[d] ? max(0, min(problem.dailyLimit[a], unlimited) - (bought[d] ?? 0)) : 0
            }
            func reviewCapacity(_ d: Int) -> Int {
                available[d] ? max(0, problem.reviewsPerDay - (reviewed[d] ?? 0)) : 0
            }
            let days = (0..<span).map(purchaseCap)
            let itemDays = days.map { min($0, problem.sameItemPerDay) }
            var win: (days: Int, hard: Int)?
            if let rolling = problem.rolling[a], let hard = rolling.hard, rolling.days > 0 {
                win = (min(rolling.days, unlimited), max(0, hard))
            }
            window.append(win)
            let history = boughtDays[a].sorted()
            dayCap.append(days)
            purchasePrefix.append(prefix(days, win, history))
            itemPrefix.append(prefix(itemDays, win, history))
            let reviews = (0..<span).map(reviewCapacity)
            reviewCap.append(reviews)
            var before = [Int](repeating: 0, count: span + 1)
            for d in 0..<span { before[d + 1] = before[d] + min(reviews[d], ceiling) }
            reviewsBefore.append(before)
            var last = -1
            lastReviewDay.append(reviews.indices.map { d in
                if reviews[d] > 0 { last = d }
                return last
            })
            let blocked = Self.windowBlocked(win, history: history, horizon: horizon)
            for d in 0..<horizon {
                buy[d] = anyItemAllowed && purchaseCap(d) > 0 && !blocked[d]
                review[d] = reviewCapacity(d) > 0
            }
            buyRuns.append(DayRuns.runs(buy))
            reviewRuns.append(DayRuns.runs(review))
        }
        self.dayCap = dayCap
        self.purchasePrefix = purchasePrefix
        self.itemPrefix = itemPrefix
        self.reviewCap = reviewCap
        self.buyRuns = buyRuns
        self.reviewRuns = reviewRuns
        self.window = window
        self.lastReviewDay = lastReviewDay
        self.reviewsBefore = reviewsBefore
        self.ceiling = ceiling
    }

    var accountCount: Int { dayCap.count }

    /// Pending reviews `a` may make on days `from...through` (capped as `reviewsBefore`); days
    /// past the tables' window count as none (callers stay within it).
    func reviews(_ a: Int, from lo: Int, through hi: Int) -> Int {
        let lo = max(0, lo)
        let hi = min(days - 1, hi)
        return hi < lo ? 0 : reviewsBefore[a][hi + 1] - reviewsBefore[a][lo]
    }

    /// `result[D]`: the most pending purchases on days `0...D` given per-day capacities `daily`
    /// and, when there is one, a rolling window of `w` days with hard cap `h` (history counted).
    ///
    /// Without a window it is `Σ_{d ≤ D} daily[d]`. With one, buy greedily from day 0: on day `t`
    /// take `g_t = min(daily[t], min_{W ∋ t} max(0, h − hist(W) − Σ_{s ∈ W, s < t} g_s))` over the
    /// windows `W = [s, s + w − 1]` holding `t`. Its prefix sums `G` are the exact maxima, for
    /// every `D` at once: if some valid `y` had `S(t) > G(t)` at a first `t`, then `g_t < y_t ≤
    /// daily[t]`, so some window `[s, e] ∋ t` was full, `G(t) − G(s−1) = max(0, h − hist)`, while
    /// `S(t) − S(s−1) ≤ max(0, h − hist)`, and `S(s−1) ≤ G(s−1)`: a contradiction.
    /// Cost: O(days × min(w, days + history span)).
    static func windowedPrefix(_ daily: [Int], window: (days: Int, hard: Int)?, history: [Int]) -> [Int] {
        let unlimited = PlanningProblem.unlimited
        var result = [Int](repeating: 0, count: daily.count)
        guard let window else {
            var sum = 0
            for d in daily.indices {
                sum = min(sum + daily[d], unlimited)
                result[d] = sum
            }
            return result
        }
        let w = max(1, window.days)
        // Windows starting before `lowest` hold no more relevant days than the one starting there.
        let lowest = min(0, history.first ?? 0)
        /// Completed purchases on days `lo...hi` (`history` is sorted).
        func historyCount(_ lo: Int, _ hi: Int) -> Int {
            firstIndex(above: hi, in: history) - firstIndex(above: lo - 1, in: history)
        }
        // before[d]: greedy purchases on days 0..<d.
        var before = [Int](repeating: 0, count: daily.count + 1)
        for t in daily.indices {
            var take = min(daily[t], unlimited)
            let (first, overflow) = t.subtractingReportingOverflow(w - 1)
            var s = overflow ? lowest : max(lowest, first)
            while s <= t, take > 0 {
                let (end, over) = s.addingReportingOverflow(w - 1)
                let used = historyCount(s, over ? Int.max : end) + before[t] - before[max(0, s)]
                take = min(take, max(0, window.hard - used))
                s += 1
            }
            before[t + 1] = min(before[t] + take, unlimited)
            result[t] = before[t + 1]
        }
        return result
    }

    /// `result[d]`: the completed purchases alone already fill the hard cap of the window ending
    /// on `d` or of the one starting on `d`, so no pending purchase fits on `d` (checking only those
    /// two of the windows holding `d` may miss a block, which only weakens the bound).
    static func windowBlocked(_ window: (days: Int, hard: Int)?, history: [Int], horizon: Int) -> [Bool] {
        guard let window else { return [Bool](repeating: false, count: horizon) }
        if window.hard == 0 { return [Bool](repeating: true, count: horizon) }
        guard !history.isEmpty else { return [Bool](repeating: false, count: horizon) }
        /// Completed purchases on days `lo...hi` (`history` is sorted).
        func count(_ lo: Int, _ hi: Int) -> Int { firstIndex(above: hi, in: history) - firstIndex(above: lo - 1, in: history) }
        return (0..<horizon).map { d in
            count(d - window.days + 1, d) >= window.hard || count(d, d + window.days - 1) >= window.hard
        }
    }

    /// The index of the first element of sorted `values` greater than `bound`.
    static func firstIndex(above bound: Int, in values: [Int]) -> Int {
        var lo = 0
        var hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] > bound { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// What a prefix table depends on.
private struct PrefixKey: Hashable {
    var daily: [Int]
    var days: Int
    var hard: Int
    var history: [Int]
}
