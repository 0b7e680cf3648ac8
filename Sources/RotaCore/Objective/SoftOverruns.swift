/// The soft-overrun count of one account (FORMAT.md "soft overruns"): the one algorithm behind
/// `Scorer` (plans) and `DenseSchedule.softOverruns(in:history:)` (the MIP, the oracle).
package enum SoftOverruns {
    /// The number of window start days `t` whose window `[t, t + windowDays - 1]` holds more than
    /// `soft` of the given purchase days (day numbers on any one scale: ordinals or dense days).
    /// A window with no purchase never counts, so start days range over
    /// `[first purchase - windowDays + 1, last purchase]`.
    ///
    /// A purchase on day `p` lies in the windows starting in `[p - windowDays + 1, p]`; sweeping
    /// those intervals' ends in order gives each start day's count in O(n log n); when the start days
    /// are few (at most 4n + 1,024), a running sum over them gives it with no sort.
    /// A window of fewer than one day holds nothing (no overruns); windows longer than 2^40 days
    /// count as 2^40 days long (no overflow on absurd input).
    package static func count(purchaseDays days: [Int], windowDays: Int, soft: Int) -> Int {
        guard windowDays > 0, !days.isEmpty else { return 0 }
        let windowDays = min(windowDays, 1 << 40)
        // Start days [low, high): when they are few for the purchases (the usual case: days
        // within a plan's horizon), each start day's count is a running sum over them, with no sort.
        var low = Int.max
        var high = Int.min
        for day in days {
            low = min(low, day)
            high = max(high, day)
        }
        low -= windowDays - 1
        high += 1
        if high - low <= 4 * days.count + 1_024 {
            var change = [Int](repeating: 0, count: high - low + 1)
            for day in days {
                change[day - windowDays + 1 - low] += 1
                change[day + 1 - low] -= 1
            }
            var total = 0
            var covering = 0
            for start in 0..<(high - low) {
                covering += change[start]
                if covering > 0, covering > soft { total += 1 }
            }
            return total
        }
        var events: [(at: Int, delta: Int)] = []
        events.reserveCapacity(days.count * 2)
        for day in days {
            events.append((day - windowDays + 1, 1))
            events.append((day + 1, -1))
        }
        events.sort { $0.at < $1.at }
        var total = 0
        var covering = 0
        var i = 0
        while i < events.count {
            let at = events[i].at
            while i < events.count, events[i].at == at {
                covering += events[i].delta
                i += 1
            }
            // Start days [at, next event) all see `covering` purchases.
            if covering > 0, covering > soft, i < events.count { total += events[i].at - at }
        }
        return total
    }
}
