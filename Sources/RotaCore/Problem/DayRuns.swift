/// Sets of days stored as runs (`[start₀, end₀, start₁, end₁, …]`): O(days off) per account
/// instead of O(horizon). The bound's tables and the flow's calendar both look up "the first
/// available day on or after d" this way.
package enum DayRuns {
    /// The runs of true days of `flags`: `[start₀, end₀, start₁, end₁, …]`, each run
    /// `start ..< end`, in day order.
    package static func runs(_ flags: [Bool]) -> [Int] {
        var result: [Int] = []
        var d = 0
        while d < flags.count {
            guard flags[d] else {
                d += 1
                continue
            }
            let start = d
            while d < flags.count, flags[d] { d += 1 }
            result.append(start)
            result.append(d)
        }
        return result
    }

    /// The first day `≥ day` in `runs`, or `horizon` when none (binary search over the runs).
    package static func next(in runs: [Int], from day: Int, horizon: Int) -> Int {
        // The first run whose end is past `day`.
        var lo = 0
        var hi = runs.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[2 * mid + 1] > day { hi = mid } else { lo = mid + 1 }
        }
        return lo < runs.count / 2 ? max(day, runs[2 * lo]) : horizon
    }
}
