/// Purchases between a release day and a deadline against the capacity of those days.
///
/// With every review before `M`, a line is purchased on a day in `[eb, dl]`, where `eb` is its
/// earliest purchase day and `dl = M - 1 - lag`. For every `s ≤ D`, the scheduled lines with
/// `eb ≥ s` and `dl ≤ D` are purchased within `s...D`, which holds at most
/// `Σ_{a without window} days(a, s...D) + min(Σ_{a with window} days(a, s...D),
/// Σ_{a with window} ⌈(D - s + 1) / w_a⌉ · hard_a)` pending purchases (`days` sums daily
/// capacity less history; the window term ignores history, which only loosens it). Only pairs
/// `(s, D)` with `s` an earliest purchase day and `D` a deadline matter; lines are counted per
/// (release, lag) cell with suffix sums, so a check costs O(lines + releases × lags).
///
/// A line counted in a cell with lag `ℓ` has `dl ≤ D`; lines whose deadline the horizon cuts
/// to the same `D` with a smaller lag are not counted, which only loosens the argument.
struct PurchaseWindowArgument: DropArgument {
    let name = "window"
    let deadlines: ReviewDeadlines
    /// Distinct earliest purchase days and lags, ascending.
    let releases: [Int]
    let lags: [Int]
    /// (earliest review, release index, lag index) of each possible line needing a purchase.
    let cells: [(review: Int, release: Int, lag: Int)]
    /// Prefix sums over days of account capacity: accounts without and with a rolling window.
    let plain: [Int]
    let windowed: [Int]
    /// `windowCap[n]`: `Σ ⌈n / w_a⌉ · hard_a` over accounts with a window (n days).
    let windowCap: [Int]
    let enabled: Bool

    /// Above this many (release, lag) cells the argument is skipped (it proves only `late(M)`).
    static let cellLimit = 4_000_000

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines) {
        self.deadlines = deadlines
        // The tables' window: every deadline asked about is before it.
        let horizon = accounts.days
        let purchases = lines.possible.filter(\.needsPurchase)
        releases = Array(Set(purchases.map(\.earliestPurchase))).sorted()
        lags = Array(Set(purchases.map(\.lag))).sorted()
        enabled = !purchases.isEmpty && releases.count * lags.count <= Self.cellLimit
        var releaseIndex: [Int: Int] = [:]
        for (i, r) in releases.enumerated() { releaseIndex[r] = i }
        var lagIndex: [Int: Int] = [:]
        for (i, l) in lags.enumerated() { lagIndex[l] = i }
        cells = purchases.map { ($0.earliestReview, releaseIndex[$0.earliestPurchase] ?? 0, lagIndex[$0.lag] ?? 0) }

        // Capping every term at lines + 1 keeps the prefix sums exact (no saturation) and never
        // changes a comparison with a count of lines.
        let ceiling = lines.possible.count + 1
        var plain = [Int](repeating: 0, count: horizon + 1)
        var windowed = [Int](repeating: 0, count: horizon + 1)
        var windowCap = [Int](repeating: 0, count: horizon + 1)
        for d in 0..<horizon {
            var p = 0
            var w = 0
            for a in 0..<accounts.accountCount {
                let cap = min(accounts.dayCap[a][d], ceiling)
                if accounts.window[a] == nil { p += cap } else { w += cap }
            }
            plain[d + 1] = plain[d] + p
            windowed[d + 1] = windowed[d] + w
        }
        for window in accounts.window {
            guard let window else { continue }
            let hard = min(window.hard, ceiling)
            for n in stride(from: 1, through: horizon, by: 1) {
                windowCap[n] += ((n + window.days - 1) / window.days) * hard
            }
        }
        self.plain = plain
        self.windowed = windowed
        self.windowCap = windowCap
    }

    /// At most this many pending purchases on days `s...d`.
    func capacity(from s: Int, to d: Int) -> Int {
        (plain[d + 1] - plain[s]) + min(windowed[d + 1] - windowed[s], windowCap[d - s + 1])
    }

    func drops(makespan: Int) -> Int {
        let late = deadlines.late(makespan)
        guard enabled else { return late }
        let width = lags.count
        // count[r][l]: lines reviewable before `makespan` with release index ≥ r and lag index ≥ l.
        var count = [Int](repeating: 0, count: releases.count * width)
        for cell in cells where cell.review < makespan { count[cell.release * width + cell.lag] += 1 }
        for r in stride(from: releases.count - 1, through: 0, by: -1) {
            for l in stride(from: width - 1, through: 0, by: -1) {
                var c = count[r * width + l]
                if l + 1 < width { c += count[r * width + l + 1] }
                if r + 1 < releases.count {
                    c += count[(r + 1) * width + l]
                    if l + 1 < width { c -= count[(r + 1) * width + l + 1] }
                }
                count[r * width + l] = c
            }
        }
        var excess = 0
        for r in releases.indices {
            for l in lags.indices {
                let deadline = deadlines.purchaseDeadline(lag: lags[l], makespan: makespan)
                guard deadline >= releases[r] else { continue }
                excess = max(excess, count[r * width + l] - capacity(from: releases[r], to: deadline))
            }
        }
        return late + excess
    }
}
