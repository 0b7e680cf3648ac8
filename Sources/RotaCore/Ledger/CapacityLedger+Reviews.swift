extension CapacityLedger {
    /// Gives each line whose purchase is completed its review: the first day, at or after the
    /// purchase plus the lag, on which the purchasing account can review, recorded here and
    /// passed to `place` (nil when the account has no such day before the horizon), line by line.
    package mutating func placeCompletedPurchaseReviews(
        problem: PlanningProblem, _ place: (_ line: Int, _ review: Placement?) -> Void
    ) {
        for l in 0..<problem.lineCount {
            guard case .review(let a, let purchaseDay) = problem.need[l] else { continue }
            let (from, overflow) = purchaseDay.addingReportingOverflow(problem.lag[l])
            if !overflow, let r = firstReviewDay(account: a, from: from, through: horizon - 1) {
                recordReview(account: a, day: r)
                place(l, Placement(account: a, day: r))
            } else {
                place(l, nil)
            }
        }
    }
}
