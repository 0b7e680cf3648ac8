/// The load that completed `existing` tasks put on every cap, in dense form, for exact solvers.
///
/// Completed tasks count against every cap; missed ones against none. Days may lie before 0
/// (history before `start`) or at or after the horizon.
package struct PlanningHistory: Sendable {
    /// Completed purchases per account, keyed by day offset.
    package let purchasesByDay: [[Int: Int]]
    /// Completed purchases per account and item, keyed by day offset.
    package let itemPurchasesByDay: [[Int: [Int: Int]]]
    /// Completed purchases per account and item over the whole history.
    package let itemPurchases: [[Int: Int]]
    /// Completed reviews per account, keyed by day offset.
    package let reviewsByDay: [[Int: Int]]
    /// Completed purchases per account.
    package let load: [Int]
    /// The last completed review's day offset, if any review is completed.
    package let lastReview: Int?
    /// Per line: the day of its last completed review, if any.
    package let lineReviewDay: [Int?]
    /// Per account: the days of its completed purchases, sorted.
    package let purchaseDays: [[Int]]

    package init(_ problem: PlanningProblem) {
        let accounts = problem.accountCount
        var purchasesByDay = [[Int: Int]](repeating: [:], count: accounts)
        var itemPurchasesByDay = [[Int: [Int: Int]]](repeating: [:], count: accounts)
        var itemPurchases = [[Int: Int]](repeating: [:], count: accounts)
        var reviewsByDay = [[Int: Int]](repeating: [:], count: accounts)
        var load = [Int](repeating: 0, count: accounts)
        var purchaseDays = [[Int]](repeating: [], count: accounts)
        for purchase in problem.completedPurchases {
            let a = purchase.account
            purchasesByDay[a][purchase.day, default: 0] += 1
            itemPurchasesByDay[a][purchase.item, default: [:]][purchase.day, default: 0] += 1
            itemPurchases[a][purchase.item, default: 0] += 1
            load[a] += 1
            purchaseDays[a].append(purchase.day)
        }
        var lastReview: Int?
        var lineReviewDay = [Int?](repeating: nil, count: problem.lineCount)
        for review in problem.completedReviews {
            reviewsByDay[review.account][review.day, default: 0] += 1
            lastReview = max(lastReview ?? review.day, review.day)
            lineReviewDay[review.line] = max(lineReviewDay[review.line] ?? review.day, review.day)
        }
        self.purchasesByDay = purchasesByDay
        self.itemPurchasesByDay = itemPurchasesByDay
        self.itemPurchases = itemPurchases
        self.reviewsByDay = reviewsByDay
        self.load = load
        self.lastReview = lastReview
        self.lineReviewDay = lineReviewDay
        self.purchaseDays = purchaseDays.map { $0.sorted() }
    }

    /// Completed purchases by account `a` on day `d`.
    package func purchases(account a: Int, day d: Int) -> Int { purchasesByDay[a][d] ?? 0 }

    /// Completed purchases of item `i` by account `a` on day `d`.
    package func purchases(account a: Int, item i: Int, day d: Int) -> Int { itemPurchasesByDay[a][i]?[d] ?? 0 }

    /// Completed purchases of item `i` by account `a` overall.
    package func purchases(account a: Int, item i: Int) -> Int { itemPurchases[a][i] ?? 0 }

    /// Completed reviews by account `a` on day `d`.
    package func reviews(account a: Int, day d: Int) -> Int { reviewsByDay[a][d] ?? 0 }

    /// Completed purchases by account `a` on days `first ..< first + length`.
    package func purchases(account a: Int, window first: Int, length: Int) -> Int {
        var count = 0
        for day in purchaseDays[a] where day >= first && day < first + length { count += 1 }
        return count
    }

    /// The makespan that history alone forces: one past the last completed review (at least 0).
    package var makespanFloor: Int { max(0, (lastReview ?? -1) + 1) }
}
