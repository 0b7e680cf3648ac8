import RotaCore

/// Reviews of completed purchases against the review capacity of the account that bought them.
///
/// A line whose purchase is completed is reviewed by that account `a`, on a day in
/// `[er, M - 1]` when every review is before `M`. For every day `s`, the scheduled such lines of
/// `a` with `er ≥ s` fit in `a`'s pending review capacity on days `s...M - 1`. The lines of
/// different accounts are disjoint, so
///
///   `drops(M) = late(M) + Σ_a max_s (count_a(s ≤ er < M) - reviews(a, s...M - 1))`.
///
/// Without a review cap this argument proves nothing beyond `late(M)`.
struct FixedReviewArgument: DropArgument {
    let name = "fixed-review"
    let deadlines: ReviewDeadlines
    let accounts: BoundAccounts
    /// Per account with such lines: their earliest review days, descending.
    let reviews: [(account: Int, days: [Int])]

    init(lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines, problem: PlanningProblem) {
        self.deadlines = deadlines
        self.accounts = accounts
        var byAccount: [Int: [Int]] = [:]
        if problem.reviewsPerDay < PlanningProblem.unlimited {
            for entry in lines.possible where !entry.needsPurchase {
                if case .review(let account, _) = problem.need[entry.line] {
                    byAccount[account, default: []].append(entry.earliestReview)
                }
            }
        }
        reviews = byAccount.keys.sorted().map { ($0, (byAccount[$0] ?? []).sorted(by: >)) }
    }

    func drops(makespan: Int) -> Int {
        var drops = deadlines.late(makespan)
        for (account, days) in reviews {
            var excess = 0
            var count = 0
            for (k, day) in days.enumerated() where day < makespan {
                count += 1
                // Evaluate once per distinct day, after counting every line on it.
                if k + 1 < days.count, days[k + 1] == day { continue }
                excess = max(excess, count - accounts.reviews(account, from: day, through: makespan - 1))
            }
            drops += excess
        }
        return drops
    }
}
