/// A breach of one of docs/FORMAT.md's nine feasibility rules, in the dense terms of a
/// `PlanningProblem` (line, account and item indices, day offsets from `start`): the ledger's
/// answer when a task may not be placed (`CapacityLedger.purchaseViolation` and
/// `reviewViolation`), and what `DenseSchedule.violations(in:)` lists. `rule` is the rule's
/// number in FORMAT.md; the text is for messages only.
package enum LedgerViolation: Hashable, Sendable, CustomStringConvertible {
    /// Rule 1: the line's planned tasks do not match what it still needs.
    case coverage(line: Int, CoverageProblem)
    /// Rule 1: a task by an account the problem does not have.
    case unknownAccount(line: Int, account: Int)
    /// Rule 2: a task outside the horizon `0 ..< horizon`.
    case outsideHorizon(account: Int, day: Int, horizon: Int)
    /// Rule 2: a purchase before its line's first purchase day.
    case beforeEarliest(line: Int, day: Int, earliest: Int)
    /// Rule 3: a task on one of the account's unavailable days.
    case unavailable(account: Int, day: Int)
    /// Rule 4: one purchase too many for the account's daily limit.
    case dailyLimit(account: Int, day: Int, limit: Int)
    /// Rule 5: one purchase of the item too many for `sameItemPerAccountPerDay`.
    case sameItemPerDay(account: Int, item: Int, day: Int, limit: Int)
    /// Rule 5: one purchase of the item too many for `sameItemPerAccount`.
    case sameItemTotal(account: Int, item: Int, limit: Int)
    /// Rule 6: the review is not by the account that made the purchase.
    case reviewAccount(line: Int, purchase: Int, review: Int)
    /// Rule 6: the review is before the purchase day plus the line's lag (`earliest`).
    case lag(line: Int, day: Int, earliest: Int)
    /// Rule 7: one purchase too many for a `days`-day window holding `day` under `hard`.
    case rollingCap(account: Int, day: Int, days: Int, hard: Int)
    /// Rule 8: one review too many for `reviewsPerAccountPerDay`.
    case reviewsPerDay(account: Int, day: Int, limit: Int)

    /// How a line's planned tasks can fail rule 1.
    package enum CoverageProblem: Hashable, Sendable {
        /// Both tasks are completed, yet the schedule plans one.
        case plannedAlthoughCompleted
        /// The purchase is completed, yet the schedule plans a new one.
        case purchaseAlthoughCompleted
        /// A new purchase and no review.
        case purchaseWithoutReview
        /// A review and no purchase, completed or new.
        case reviewWithoutPurchase
    }

    /// The number of the rule broken, as in FORMAT.md.
    package var rule: Int {
        switch self {
        case .coverage, .unknownAccount: 1
        case .outsideHorizon, .beforeEarliest: 2
        case .unavailable: 3
        case .dailyLimit: 4
        case .sameItemPerDay, .sameItemTotal: 5
        case .reviewAccount, .lag: 6
        case .rollingCap: 7
        case .reviewsPerDay: 8
        }
    }

    package var description: String { "rule \(rule): \(detail)" }

    private var detail: String {
        switch self {
        case .coverage(let l, .plannedAlthoughCompleted): "line \(l): planned although completed"
        case .coverage(let l, .purchaseAlthoughCompleted): "line \(l): new purchase although completed"
        case .coverage(let l, .purchaseWithoutReview): "line \(l): purchase without review"
        case .coverage(let l, .reviewWithoutPurchase): "line \(l): review without purchase"
        case .unknownAccount(let l, let a): "line \(l): task by unknown account \(a)"
        case .outsideHorizon(let a, let d, let horizon): "account \(a) day \(d): outside 0..<\(horizon)"
        case .beforeEarliest(let l, let d, let earliest): "line \(l): purchase on day \(d) before its earliest day \(earliest)"
        case .unavailable(let a, let d): "account \(a) day \(d): unavailable"
        case .dailyLimit(let a, let d, let limit): "account \(a) day \(d): purchases over the daily limit \(limit)"
        case .sameItemPerDay(let a, let i, let d, let limit):
            "account \(a) item \(i) day \(d): over the same-item-per-day cap \(limit)"
        case .sameItemTotal(let a, let i, let limit): "account \(a) item \(i): over the same-item-per-account cap \(limit)"
        case .reviewAccount(let l, let p, let r): "line \(l): reviewed by account \(r), purchased by account \(p)"
        case .lag(let l, let d, let earliest): "line \(l): review on day \(d) before purchase + lag (day \(earliest))"
        case .rollingCap(let a, let d, let days, let hard):
            "account \(a) day \(d): purchases over the hard rolling cap \(hard) in \(days) days"
        case .reviewsPerDay(let a, let d, let limit): "account \(a) day \(d): reviews over the daily review cap \(limit)"
        }
    }
}
