/// Rule 6: a review is by the account that made the purchase, on or after the purchase day
/// plus the line's lag.
package struct ReviewLagRule: FeasibilityRule {
    package var number: Int { 6 }
    package var title: String { "review by the purchaser, after the lag" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        for position in context.activeTasks where context.task(position).kind == .review {
            guard let purchasePosition = context.purchase(reviewedBy: position),
                context.isPending(position) || context.isPending(purchasePosition)
            else { continue }
            let review = context.task(position)
            let purchase = context.task(purchasePosition)
            func report(_ message: String) {
                found.append(
                    Violation(
                        rule: number, tasks: [review.id, purchase.id], lines: [review.line], account: review.account,
                        day: review.date, message: message))
            }
            if review.account != purchase.account {
                report("review \(review.id) is by \(review.account), but purchase \(purchase.id) was by \(purchase.account)")
            }
            guard let line = context.line(ofTask: position) else { continue }
            let gap = review.date.days(since: purchase.date)
            if gap < line.lag {
                report(
                    "review \(review.id) is on \(review.date), \(gap) days after purchase "
                        + "\(purchase.id) on \(purchase.date); line \(line.id) needs a lag of \(line.lag) days "
                        + "(not before \(purchase.date.describe(adding: line.lag)))")
            }
        }
    }
}
