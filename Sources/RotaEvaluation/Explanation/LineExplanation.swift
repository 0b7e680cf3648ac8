import RotaCore

/// Why a line's tasks are where a plan put them (`rota explain`): for every earlier day, what
/// ruled out an earlier purchase on its account and on the others, and what would let it
/// finish sooner.
package struct LineExplanation: Hashable, Sendable {
    /// Where the line stands in the plan.
    package enum Standing: Hashable, Sendable {
        /// Purchase and review are pending (planned).
        case planned(purchase: Placement, review: Placement)
        /// The purchase is done (history); only the review is planned.
        case reviewPlanned(purchase: Placement, review: Placement)
        /// Both tasks are done.
        case completed
        /// The plan leaves the line out, with its reason.
        case unscheduled(reason: String)
    }

    /// A task's account and day, as dates.
    package struct Placement: Hashable, Sendable {
        package var account: AccountID
        package var date: Day
    }

    /// One earlier day and what ruled it out.
    package struct EarlierDay: Hashable, Sendable {
        package var date: Day
        /// On the plan's account: the rule that forbids the purchase (or the review) that day.
        package var onAccount: Blocker?
        /// On every other account that has the line's item available: how many are ruled out
        /// by each kind of rule, and the first account with room (if one has).
        package var others: [Blocker.Kind: Int]
        package var freeAccount: AccountID?
    }

    /// A constraint that rules a day out, in the instance's terms.
    package struct Blocker: Hashable, Sendable {
        /// The rule behind it, as FORMAT.md numbers and names them.
        package enum Kind: String, Hashable, Sendable, CaseIterable {
            case earliest = "earliest day"
            case unavailable = "day off"
            case dailyLimit = "daily limit"
            case sameItemPerDay = "same item per day"
            case sameItemTotal = "same item per account"
            case rollingCap = "rolling cap"
            case reviewsPerDay = "reviews per day"
            case lag = "review lag"
            case horizon = "horizon"
            case noReviewBefore = "no earlier review"
            case override = "override"

            /// FORMAT.md's rule number.
            package var rule: Int {
                switch self {
                case .earliest, .horizon: 2
                case .unavailable: 3
                case .dailyLimit: 4
                case .sameItemPerDay, .sameItemTotal: 5
                case .lag, .noReviewBefore: 6
                case .rollingCap: 7
                case .reviewsPerDay: 8
                case .override: 10
                }
            }
        }

        package var kind: Kind
        /// In words: "acct-2 at its daily limit of 3 on 2026-12-03 (ord-1/1, ord-2/1, ord-5/1)".
        package var text: String
        /// The cap that binds, when one does (the relief would raise it by one).
        package var limit: Int?
        /// The lines that fill it, where the rule counts lines.
        package var lines: [LineID]
    }

    /// A change that would let the line finish sooner.
    package struct Relief: Hashable, Sendable {
        /// "acct-2's daily limit 3 → 4 on 2026-12-03".
        package var change: String
        /// The review day it would allow.
        package var review: Day
        /// Days sooner than now.
        package var daysSooner: Int
    }

    package var line: LineID
    package var order: OrderID
    package var item: ItemID
    package var standing: Standing
    /// The earlier purchase days (first possible day up to the planned one), each with its blockers.
    package var purchaseDays: [EarlierDay]
    /// The earlier review days (purchase plus lag up to the planned one), each with its blocker.
    package var reviewDays: [EarlierDay]
    /// What would let it finish sooner, best first (at most a few).
    package var relief: [Relief]
}
