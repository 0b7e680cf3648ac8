import RotaCore

extension CapacityLedger {
    /// Gives each line whose purchase is completed its review: the first day, at or after the
    /// purchase plus the lag, on which the purchasing account can review. Lines whose account
    /// has no such day are left out.
    mutating func placeCompletedPurchaseReviews(problem: PlanningProblem, into decisions: inout GreedyDecisions) {
        for l in 0..<problem.lineCount {
            guard case .review(let a, let purchaseDay) = problem.need[l] else { continue }
            let (from, overflow) = purchaseDay.addingReportingOverflow(problem.lag[l])
            if !overflow, let r = firstReviewDay(account: a, from: from, through: horizon - 1) {
                recordReview(account: a, day: r)
                decisions.schedule(line: l, account: a, purchaseDay: nil, reviewDay: r)
            } else {
                decisions.leaveOut(line: l, cause: .reviewBlocked)
            }
        }
    }
}
