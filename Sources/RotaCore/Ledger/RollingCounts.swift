/// Purchases per rolling window, for the accounts with a hard rolling cap: for each window
/// start `s` in `-(w-1) ... horizon-1`, the purchases (history included) on days `s ..< s+w`.
///
/// A window longer than every relevant purchase's span is cut to that span, which changes no
/// window's verdict. Should that still be absurdly long (ancient history under a huge window),
/// the account keeps one count of every purchase that could share a window with the horizon:
/// stricter than the rule, never looser.
///
/// Each account stores the window starts up to the last day a purchase was recorded on (grown
/// by doubling); a later start holds no purchase, so memory follows the days plans use.
@usableFromInline
struct RollingCounts: Sendable {
    @usableFromInline let horizon: Int
    /// Per account: the window length tracked; 0 without a hard cap; -1 for a single count.
    @usableFromInline let days: [Int]
    /// Per account: the real window length (capped at 2^40), to tell relevant purchases.
    @usableFromInline let reach: [Int]
    @usableFromInline let hard: [Int]
    /// Per account: counts of the windows starting on `-(w-1) ..< stored[a]` (index `s + w - 1`).
    @usableFromInline var counts: [[Int32]]
    /// Per account: window starts stored end before this day (at most the horizon).
    @usableFromInline var stored: [Int]
    @usableFromInline var single: [Int32]

    init(problem: PlanningProblem) {
        let horizon = problem.horizon
        self.horizon = horizon
        var low = [Int](repeating: 0, count: problem.accountCount)
        var high = [Int](repeating: horizon - 1, count: problem.accountCount)
        var reach = [Int](repeating: 0, count: problem.accountCount)
        for (a, cap) in problem.rolling.enumerated() {
            if let cap, cap.hard != nil, cap.days > 0 { reach[a] = min(cap.days, PlanningProblem.unlimited) }
        }
        for purchase in problem.completedPurchases where reach[purchase.account] > 0 {
            let a = purchase.account
            guard Self.relevant(day: purchase.day, window: reach[a], horizon: horizon) else { continue }
            low[a] = min(low[a], purchase.day)
            high[a] = max(high[a], purchase.day)
        }
        var days: [Int] = []
        var hard: [Int] = []
        var counts: [[Int32]] = []
        let longest = 4 * horizon + 4_096
        for a in 0..<problem.accountCount {
            guard reach[a] > 0, let cap = problem.rolling[a]?.hard else {
                counts.append([])
                days.append(0)
                hard.append(PlanningProblem.unlimited)
                continue
            }
            hard.append(max(0, cap))
            let w = min(reach[a], high[a] - low[a] + 1)
            if horizon + w - 1 <= longest {
                days.append(w)
                counts.append([Int32](repeating: 0, count: w - 1))
            } else {
                counts.append([])
                days.append(-1)
            }
        }
        self.days = days
        self.reach = reach
        self.hard = hard
        self.counts = counts
        stored = [Int](repeating: 0, count: problem.accountCount)
        single = [Int32](repeating: 0, count: problem.accountCount)
    }

    /// A purchase on `day` can share a `window`-day window with some day of the horizon.
    private static func relevant(day: Int, window: Int, horizon: Int) -> Bool {
        day > -window && day - window <= horizon - 2
    }

    mutating func clear() {
        for a in counts.indices {
            for i in counts[a].indices { counts[a][i] = 0 }
        }
        for i in single.indices { single[i] = 0 }
    }

    /// Counts a purchase by account `a` on `day` (any day).
    mutating func record(account a: Int, day: Int) {
        let w = days[a]
        if w < 0 {
            if Self.relevant(day: day, window: reach[a], horizon: horizon) { single[a] += 1 }
            return
        }
        guard w > 0 else { return }
        // Windows start on days -(w-1) ... horizon-1; the one starting on s holds s ..< s+w.
        let first = max(day - w + 1, -(w - 1))
        let last = min(day, horizon - 1)
        guard first <= last else { return }
        if last >= stored[a] {
            let grown = min(horizon, max(last + 1, 2 * stored[a], 64))
            counts[a].append(contentsOf: repeatElement(0, count: grown - stored[a]))
            stored[a] = grown
        }
        let offset = w - 1
        for s in first...last { counts[a][offset + s] += 1 }
    }

    /// Account `a`'s hard cap and its window length in days (capped at 2^40), nil without one.
    func cap(account a: Int) -> (days: Int, hard: Int)? { reach[a] > 0 ? (reach[a], hard[a]) : nil }

    /// One more purchase by account `a` on `day` (in the horizon) keeps every window holding
    /// `day` within the hard cap.
    @inlinable func hasRoom(account a: Int, day: Int) -> Bool {
        let w = days[a]
        if w < 0 { return Int(single[a]) < hard[a] }
        guard w > 0 else { return true }
        let cap = hard[a]
        let offset = w - 1
        // Windows starting past those stored hold no purchase.
        let end = stored[a]
        for s in (day - w + 1)...day where Int(s < end ? counts[a][offset + s] : 0) >= cap { return false }
        return true
    }
}
