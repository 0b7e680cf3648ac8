import RotaCore

/// Reviews against the accounts' review capacity on days `s...M-1`.
///
/// With every review before `M`, each scheduled line whose earliest review day is `≥ s` is
/// reviewed on a day in `s...M-1`, which holds at most `Σ_a Σ_d reviewCap[a][d]` pending
/// reviews (`reviewsPerAccountPerDay` less history, on available days). So
/// `drops(M) = late(M) + max_s (count(s ≤ earliest review < M) - reviewCapacity(s...M-1))`.
/// Without a review cap this argument proves nothing beyond `late(M)`.
struct ReviewWindowArgument: DropArgument {
    let name = "review"
    let deadlines: ReviewDeadlines
    /// `before[d]`: review capacity on days `0..<d` (lines + 1 caps each account-day, which
    /// never changes a comparison with a count of lines and keeps the sums exact).
    let before: [Int]
    let limited: Bool

    init(accounts: BoundAccounts, deadlines: ReviewDeadlines, reviewsPerDay: Int, lineCount: Int) {
        self.deadlines = deadlines
        limited = reviewsPerDay < PlanningProblem.unlimited
        var before = [Int](repeating: 0, count: accounts.days + 1)
        if limited {
            let ceiling = lineCount + 1
            for d in 0..<accounts.days {
                var sum = 0
                for caps in accounts.reviewCap { sum += min(caps[d], ceiling) }
                before[d + 1] = before[d] + min(sum, ceiling)
            }
        }
        self.before = before
    }

    func drops(makespan: Int) -> Int {
        let late = deadlines.late(makespan)
        guard limited else { return late }
        let end = min(max(makespan, 0), deadlines.horizon)
        var excess = 0
        var count = 0
        for s in stride(from: end - 1, through: 0, by: -1) {
            count += deadlines.onDay[s]
            excess = max(excess, count - (before[end] - before[s]))
        }
        return late + excess
    }
}
