extension CapacityLedger {
    /// Why the account may not buy `item` on `day` now, given history and what is recorded
    /// (rules 2, 3, 4, 5 and 7, checked in that order); nil when every rule allows it, exactly
    /// when `canPurchase` is true.
    package func purchaseViolation(account a: Int, item: Int, day d: Int) -> LedgerViolation? {
        guard d >= 0, d < horizon else { return .outsideHorizon(account: a, day: d, horizon: horizon) }
        guard isAvailable(account: a, day: d) else { return .unavailable(account: a, day: d) }
        guard purchaseCount(account: a, day: d) < dailyLimit[a] else { return .dailyLimit(account: a, day: d, limit: dailyLimit[a]) }
        if sameItemPerDay < PlanningProblem.unlimited, boughtToday(account: a, item: item, day: d) >= sameItemPerDay {
            return .sameItemPerDay(account: a, item: item, day: d, limit: sameItemPerDay)
        }
        if sameItemTotal < PlanningProblem.unlimited, Int(itemTotal[a * itemCount + item]) >= sameItemTotal {
            return .sameItemTotal(account: a, item: item, limit: sameItemTotal)
        }
        if !rolling.hasRoom(account: a, day: d), let cap = rolling.cap(account: a) {
            return .rollingCap(account: a, day: d, days: cap.days, hard: cap.hard)
        }
        return nil
    }

    /// Why the account may not make line `l`'s new purchase on `day`: before the line's first
    /// day (rule 2), or `purchaseViolation` for its item.
    package func purchaseViolation(line l: Int, account a: Int, day d: Int) -> LedgerViolation? {
        if d < firstPurchaseDay[l] { return .beforeEarliest(line: l, day: d, earliest: firstPurchaseDay[l]) }
        return purchaseViolation(account: a, item: lineItem[l], day: d)
    }

    /// Why the account may not review on `day` now (rules 2, 3 and 8); nil exactly when
    /// `canReview` is true.
    package func reviewViolation(account a: Int, day d: Int) -> LedgerViolation? {
        guard d >= 0, d < horizon else { return .outsideHorizon(account: a, day: d, horizon: horizon) }
        guard isAvailable(account: a, day: d) else { return .unavailable(account: a, day: d) }
        guard reviewCount(account: a, day: d) < reviewsPerDay else {
            return .reviewsPerDay(account: a, day: d, limit: reviewsPerDay)
        }
        return nil
    }

    /// Why `review` may not be line `l`'s review of the purchase `purchase` (new or completed):
    /// another account or before the lag (rule 6), or `reviewViolation`.
    package func reviewViolation(line l: Int, purchase: Placement, review: Placement) -> LedgerViolation? {
        if review.account != purchase.account {
            return .reviewAccount(line: l, purchase: purchase.account, review: review.account)
        }
        let (earliest, overflow) = purchase.day.addingReportingOverflow(lag[l])
        if overflow || review.day < earliest { return .lag(line: l, day: review.day, earliest: earliest) }
        return reviewViolation(account: review.account, day: review.day)
    }
}
