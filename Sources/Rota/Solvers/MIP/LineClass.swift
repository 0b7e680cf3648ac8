/// Lines the model cannot tell apart, planned as one count: lines needing a purchase that
/// share item, first purchase day, lag, due day and weight; or lines needing only a review
/// that share account, first review day, due day and weight.
public struct LineClass: Hashable, Sendable {
    /// What the lines of a class still need.
    public enum Need: Hashable, Sendable {
        /// A purchase by any account, then its review.
        case purchase
        /// Only a review, by the account that made the completed purchase.
        case review(account: Int)
    }

    public var need: Need
    /// The item (purchase classes; -1 for review classes).
    public var item: Int
    /// First day a purchase may be made (purchase classes; 0 for review classes).
    public var firstPurchaseDay: Int
    /// First day the review may be made (review classes: completed purchase + lag, at least 0).
    public var firstReviewDay: Int
    /// Days from purchase to review (purchase classes; 0 for review classes).
    public var lag: Int
    public var due: Int?
    public var weight: Double
    /// The lines, in line order.
    public var lines: [Int]

    /// How many lines the class holds (n_c).
    public var count: Int { lines.count }

    /// Days late × weight of a review on day `r`.
    public func lateness(reviewDay r: Int) -> Double {
        guard let due else { return 0 }
        return weight * Double(max(0, r - due))
    }

    /// The classes of a problem's lines needing work, in order of their first line.
    public static func classes(of problem: PlanningProblem) -> [LineClass] {
        var classes: [LineClass] = []
        var index: [LineClass: Int] = [:]
        for l in problem.workLines {
            var key: LineClass
            switch problem.need[l] {
            case .done:
                continue
            case .purchaseAndReview:
                key = LineClass(
                    need: .purchase, item: problem.lineItem[l], firstPurchaseDay: problem.firstPurchaseDay[l],
                    firstReviewDay: problem.firstPurchaseDay[l] + problem.lag[l], lag: problem.lag[l], due: problem.due[l],
                    weight: problem.weight[l], lines: [])
            case .review(let account, let purchaseDay):
                // The review's first day already holds the purchase day and lag; the item plays no part.
                key = LineClass(
                    need: .review(account: account), item: -1, firstPurchaseDay: 0,
                    firstReviewDay: max(0, purchaseDay + problem.lag[l]), lag: 0, due: problem.due[l],
                    weight: problem.weight[l], lines: [])
            }
            if let c = index[key] {
                classes[c].lines.append(l)
            } else {
                index[key] = classes.count
                key.lines = [l]
                classes.append(key)
            }
        }
        return classes
    }
}
