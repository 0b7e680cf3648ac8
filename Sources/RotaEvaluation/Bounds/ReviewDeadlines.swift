/// What every argument shares: the possible lines' earliest review days.
struct ReviewDeadlines {
    let horizon: Int
    /// `lateFrom[M]`: possible lines whose earliest review is on day `M` or later (0 ≤ M ≤ horizon);
    /// with all reviews before `M` they must be left out.
    let lateFrom: [Int]
    /// `onDay[d]`: possible lines whose earliest review is on day `d`.
    let onDay: [Int]

    init(_ lines: BoundLines, horizon: Int) {
        self.horizon = horizon
        var onDay = [Int](repeating: 0, count: horizon)
        for entry in lines.possible { onDay[entry.earliestReview] += 1 }
        var lateFrom = [Int](repeating: 0, count: horizon + 1)
        for d in stride(from: horizon - 1, through: 0, by: -1) { lateFrom[d] = lateFrom[d + 1] + onDay[d] }
        self.onDay = onDay
        self.lateFrom = lateFrom
    }

    /// Lines that cannot be reviewed before `makespan`.
    func late(_ makespan: Int) -> Int { lateFrom[min(max(makespan, 0), horizon)] }

    /// The last day a line with `lag` may be purchased for its review to be before `makespan`.
    func purchaseDeadline(lag: Int, makespan: Int) -> Int { min(horizon - 1, makespan - 1 - lag) }
}
