import RotaCore

/// Lines the model cannot tell apart when placing purchases, planned as counts: lines needing
/// a purchase that share item, first purchase day and lag; or lines needing only a review
/// that share account and first review day. Within a class, lines sharing due day and
/// weight form a group (lateness tells groups apart, placement does not).
package struct LineClass: Hashable, Sendable {
    /// What the lines of a class still need.
    package enum Need: Hashable, Sendable {
        /// A purchase by any account, then its review.
        case purchase
        /// Only a review, by the account that made the completed purchase.
        case review(account: Int)
    }

    /// Lines of a class sharing due day and weight.
    package struct Group: Hashable, Sendable {
        package var due: Int?
        package var weight: Double
        /// The lines, in line order.
        package var lines: [Int]

        /// How many lines the group holds (n_g).
        package var count: Int { lines.count }

        /// Days late × weight of a review on day `r`.
        package func lateness(reviewDay r: Int) -> Double {
            guard let due else { return 0 }
            return weight * Double(max(0, r - due))
        }
    }

    package var need: Need
    /// The item (purchase classes; -1 for review classes).
    package var item: Int
    /// First day a purchase may be made (purchase classes; 0 for review classes).
    package var firstPurchaseDay: Int
    /// First day the review may be made (review classes: completed purchase + lag, at least 0).
    package var firstReviewDay: Int
    /// Days from purchase to review (purchase classes; 0 for review classes).
    package var lag: Int
    /// Groups by (due day, weight), in order of their first line.
    package var groups: [Group]

    /// How many lines the class holds (n_c).
    package var count: Int { groups.reduce(0) { $0 + $1.count } }

    /// The classes of a problem's lines needing work, in order of their first line.
    package static func classes(of problem: PlanningProblem) -> [LineClass] {
        struct GroupKey: Hashable {
            var lineClass: Int
            var due: Int?
            var weight: Double
        }
        var classes: [LineClass] = []
        var classIndex: [LineClass: Int] = [:]
        var groupIndex: [GroupKey: Int] = [:]
        for l in problem.workLines {
            let key: LineClass
            switch problem.need[l] {
            case .done:
                continue
            case .purchaseAndReview:
                key = LineClass(
                    need: .purchase, item: problem.lineItem[l], firstPurchaseDay: problem.firstPurchaseDay[l],
                    firstReviewDay: problem.firstPurchaseDay[l] + problem.lag[l], lag: problem.lag[l], groups: [])
            case .review(let account, let purchaseDay):
                // The review's first day already holds the purchase day and lag; the item plays no part.
                key = LineClass(
                    need: .review(account: account), item: -1, firstPurchaseDay: 0,
                    firstReviewDay: max(0, purchaseDay + problem.lag[l]), lag: 0, groups: [])
            }
            let c: Int
            if let existing = classIndex[key] {
                c = existing
            } else {
                c = classes.count
                classIndex[key] = c
                classes.append(key)
            }
            let groupKey = GroupKey(lineClass: c, due: problem.due[l], weight: problem.weight[l])
            if let g = groupIndex[groupKey] {
                classes[c].groups[g].lines.append(l)
            } else {
                groupIndex[groupKey] = classes[c].groups.count
                classes[c].groups.append(Group(due: problem.due[l], weight: problem.weight[l], lines: [l]))
            }
        }
        return classes
    }
}
