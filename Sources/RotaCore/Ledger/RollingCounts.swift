/// Purchases per rolling window, for the accounts with a hard rolling cap: for each window
/// start `s` in `-(w-1) ... horizon-1`, the purchases (history included) on days `s ..< s+w`.
///
/// A window longer than every relevant purchase's span is cut to that span, which changes no
/// window's verdict. Should that still be absurdly long (ancient history under a huge window),
/// the account keeps one count of every purchase that could share a window with the horizon:
/// stricter than the rule, never looser.
struct RollingCounts: Sendable {
    private let horizon: Int
    /// Per account: the window length tracked; 0 without a hard cap; -1 for a single count.
    private let days: [Int]
    /// Per account: the real window length (capped at 2^40), to tell relevant purchases.
    private let reach: [Int]
    private let hard: [Int]
    /// Per account: where its counts start in `counts`.
    private let base: [Int]
    private var counts: [Int32]
    private var single: [Int32]

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
        var base: [Int] = []
        var size = 0
        let longest = 4 * horizon + 4_096
        for a in 0..<problem.accountCount {
            base.append(size)
            guard reach[a] > 0, let cap = problem.rolling[a]?.hard else {
                days.append(0)
                hard.append(PlanningProblem.unlimited)
                continue
            }
            hard.append(max(0, cap))
            let w = min(reach[a], high[a] - low[a] + 1)
            if horizon + w - 1 <= longest {
                days.append(w)
                size += horizon + w - 1
            } else {
                days.append(-1)
            }
        }
        self.days = days
        self.reach = reach
        self.hard = hard
        self.base = base
        counts = [Int32](repeating: 0, count: size)
        single = [Int32](repeating: 0, count: problem.accountCount)
    }

    /// A purchase on `day` can share a `window`-day window with some day of the horizon.
    private static func relevant(day: Int, window: Int, horizon: Int) -> Bool {
        day > -window && day - window <= horizon - 2
    }

    mutating func clear() {
        for i in counts.indices { counts[i] = 0 }
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
        let offset = base[a] + w - 1
        for s in first...last { counts[offset + s] += 1 }
    }

    /// Account `a`'s hard cap and its window length in days (capped at 2^40), nil without one.
    func cap(account a: Int) -> (days: Int, hard: Int)? { reach[a] > 0 ? (reach[a], hard[a]) : nil }

    /// One more purchase by account `a` on `day` (in the horizon) keeps every window holding
    /// `day` within the hard cap.
    func hasRoom(account a: Int, day: Int) -> Bool {
        let w = days[a]
        if w < 0 { return Int(single[a]) < hard[a] }
        guard w > 0 else { return true }
        let cap = hard[a]
        let offset = base[a] + w - 1
        for s in (day - w + 1)...day where Int(counts[offset + s]) >= cap { return false }
        return true
    }
}
