/// A plan in dense form: for each line, the new purchase (if any) and the review, or nothing.
///
/// A line that needs work is scheduled when it has a review; its purchase is `nil` exactly
/// when the purchase is already completed. Lines with both tasks completed hold nothing.
package struct DenseSchedule: Hashable, Sendable {
    package var purchase: [Placement?]
    package var review: [Placement?]

    /// A schedule that leaves every line out.
    package init(lineCount: Int) {
        purchase = Array(repeating: nil, count: lineCount)
        review = Array(repeating: nil, count: lineCount)
    }

    /// Schedules line `l`.
    package mutating func schedule(line l: Int, purchase: Placement?, review: Placement) {
        self.purchase[l] = purchase
        self.review[l] = review
    }

    /// Leaves line `l` out.
    package mutating func leaveOut(line l: Int) {
        purchase[l] = nil
        review[l] = nil
    }

    /// Whether line `l` has a planned review.
    package func isScheduled(line l: Int) -> Bool { review[l] != nil }
}
