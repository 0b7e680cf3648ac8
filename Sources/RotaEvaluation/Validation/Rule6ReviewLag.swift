/// Rule 6: a review is by the account that made the purchase, on or after the purchase day
/// plus the line's lag.
package struct ReviewLagRule: FeasibilityRule {
    package var number: Int { 6 }
    package var title: String { "review by the purchaser, after the lag" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        for position in context.activeTasks where context.kindOfTask[position] == .review {
            guard let purchasePosition = context.purchase(reviewedBy: position),
                context.isPending(position) || context.isPending(purchasePosition)
            else { continue }
            // The common case, the purchaser reviewing after the lag, is told from the dense
            // tables alone.
            if context.sameAccount(position, purchasePosition), let line = context.lineOfTask[position],
                context.day(ofTask: position).days(since: context.day(ofTask: purchasePosition)) >= context.lines[line].lag
            {
                continue
            }
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
