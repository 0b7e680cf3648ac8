import RotaCore

extension CapacityLedger {
    /// Gives each line whose purchase is completed its first possible review into `decisions`;
    /// lines whose account has no such day are left out as blocked.
    mutating func placeCompletedPurchaseReviews(problem: PlanningProblem, into decisions: inout GreedyDecisions) {
        placeCompletedPurchaseReviews(problem: problem) { l, review in
            if let review {
                decisions.schedule(line: l, account: review.account, purchaseDay: nil, reviewDay: review.day)
            } else {
                decisions.leaveOut(line: l, cause: .reviewBlocked)
            }
        }
    }
}
