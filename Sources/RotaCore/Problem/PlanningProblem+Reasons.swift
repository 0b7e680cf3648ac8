extension PlanningProblem {
    /// Why an exact solver leaves line `l` out: no day at all, history using up the caps, or
    /// the other lines taking every remaining place. `history` is a ledger holding the
    /// completed history only (`CapacityLedger(problem:)`, nothing recorded).
    package func reasonForLeavingOut(line l: Int, history: CapacityLedger) -> String {
        var history = history  // its queries take it in place
        switch need[l] {
        case .done:
            return "the line is already completed"
        case .review(let a, let purchaseDay):
            var anyDay = false
            var d = max(0, purchaseDay + lag[l])
            while let r = firstAvailableDay(account: a, onOrAfter: d) {
                anyDay = true
                if history.canReview(account: a, day: r) {
                    return "account \(accountIDs[a]) has no room left for the review before the horizon ends"
                }
                d = r + 1
            }
            return anyDay
                ? "completed reviews already use up account \(accountIDs[a])'s review cap on every day left"
                : "account \(accountIDs[a]) is not available for the review before the horizon ends"
        case .purchaseAndReview:
            var anyPlace = false
            for a in 0..<accountCount {
                for d in firstPurchaseDay[l]..<max(firstPurchaseDay[l], horizon) where available[a][d] {
                    var from = d + lag[l]
                    while let r = firstAvailableDay(account: a, onOrAfter: from) {
                        anyPlace = true
                        if history.canPurchase(account: a, item: lineItem[l], day: d)
                            && history.canReview(account: a, day: r)
                        {
                            return "no room left: other lines take every account's capacity on the days this line could use"
                        }
                        from = r + 1
                    }
                }
            }
            return anyPlace
                ? "completed history already uses up the caps on every day this line could use"
                : "no account is available for the purchase and its review before the horizon ends"
        }
    }
}
