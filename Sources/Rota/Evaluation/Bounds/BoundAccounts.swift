/// Per-account capacities over the horizon, history subtracted, for the makespan bound.
///
/// Every number here is an upper bound on what a valid plan can still do (it relaxes some
/// rules, never tightens one), so arguments built on it stay valid.
struct BoundAccounts {
    let horizon: Int
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
    /// `canBuy[a][d]`: `a` may make some pending purchase on day `d`.
    let canBuy: [[Bool]]
    /// `canReview[a][d]`: `a` may make some pending review on day `d`.
    let canReview: [[Bool]]
    /// The rolling window (`days`, `hard`) of each account with a hard cap, history ignored.
    let window: [(days: Int, hard: Int)?]
    /// Completed purchases of each item by each account (`[item: count]` per account).
    let itemHistory: [[Int: Int]]

    init(_ problem: PlanningProblem) {
        let horizon = problem.horizon
        let unlimited = PlanningProblem.unlimited
        self.horizon = horizon
        var boughtOn = [[Int]](repeating: [Int](repeating: 0, count: horizon), count: problem.accountCount)
        var boughtDays = [[Int]](repeating: [], count: problem.accountCount)
        var itemHistory = [[Int: Int]](repeating: [:], count: problem.accountCount)
        for purchase in problem.completedPurchases {
            if purchase.day >= 0 && purchase.day < horizon { boughtOn[purchase.account][purchase.day] += 1 }
            boughtDays[purchase.account].append(purchase.day)
            itemHistory[purchase.account][purchase.item, default: 0] += 1
        }
        var reviewedOn = [[Int]](repeating: [Int](repeating: 0, count: horizon), count: problem.accountCount)
        for review in problem.completedReviews where review.day >= 0 && review.day < horizon {
            reviewedOn[review.account][review.day] += 1
        }
        self.itemHistory = itemHistory

        var dayCap: [[Int]] = []
        var purchasePrefix: [[Int]] = []
        var itemPrefix: [[Int]] = []
        var reviewCap: [[Int]] = []
        var canBuy: [[Bool]] = []
        var canReview: [[Bool]] = []
        var window: [(days: Int, hard: Int)?] = []
        let anyItemAllowed = problem.sameItemPerDay > 0 && problem.sameItemTotal > 0
        for a in 0..<problem.accountCount {
            let available = problem.available[a]
            let days = (0..<horizon).map { d in
                available[d] ? max(0, problem.dailyLimit[a] - boughtOn[a][d]) : 0
            }
            let itemDays = days.map { min($0, problem.sameItemPerDay) }
            var win: (days: Int, hard: Int)?
            if let rolling = problem.rolling[a], let hard = rolling.hard, rolling.days > 0 {
                win = (min(rolling.days, unlimited), max(0, hard))
            }
            window.append(win)
            let history = boughtDays[a].sorted()
            dayCap.append(days)
            purchasePrefix.append(Self.windowedPrefix(days, window: win, history: history))
            itemPrefix.append(Self.windowedPrefix(itemDays, window: win, history: history))
            reviewCap.append((0..<horizon).map { d in
                available[d] ? max(0, problem.reviewsPerDay - reviewedOn[a][d]) : 0
            })
            let blocked = Self.windowBlocked(win, history: history, horizon: horizon)
            canBuy.append((0..<horizon).map { d in anyItemAllowed && days[d] > 0 && !blocked[d] })
            canReview.append(reviewCap[a].map { $0 > 0 })
        }
        self.dayCap = dayCap
        self.purchasePrefix = purchasePrefix
        self.itemPrefix = itemPrefix
        self.reviewCap = reviewCap
        self.canBuy = canBuy
        self.canReview = canReview
        self.window = window
    }

    var accountCount: Int { dayCap.count }

    /// `result[D]` bounds the pending purchases on days `0...D` given per-day capacities `daily`.
    ///
    /// Without a window it is `Σ_{d ≤ D} daily[d]`. With a rolling window of `w` days and hard cap
    /// `h`, the days `0...D` split into the windows `[jw, jw + w - 1]` (the last one cut at `D`);
    /// window `j` holds at most `h` minus the completed purchases in all of `[jw, jw + w - 1]`, and
    /// at most the sum of its days' capacities, so `result[D] = Σ_j min(those two)`.
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
        let w = window.days
        let windowCount = (daily.count + w - 1) / w
        var room = [Int](repeating: window.hard, count: windowCount)
        for day in history where day >= 0 && day / w < windowCount { room[day / w] -= 1 }
        var before = 0
        var inWindow = 0
        for d in daily.indices {
            if d % w == 0 {
                before = d == 0 ? 0 : result[d - 1]
                inWindow = 0
            }
            inWindow = min(inWindow + daily[d], unlimited)
            result[d] = min(before + min(max(0, room[d / w]), inWindow), unlimited)
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
