/// Rule 8: an account's reviews on one day do not exceed `reviewsPerAccountPerDay`.
package struct ReviewsPerDayRule: FeasibilityRule {
    package var number: Int { 8 }
    package var title: String { "daily review limit" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        guard let limit = context.instance.rules.reviewsPerAccountPerDay else { return }
        for (index, account) in context.instance.accounts.enumerated() {
            for breach in context.dailyBreaches(of: context.reviewsOfAccount[index], limit: limit) {
                found.append(
                    context.violation(
                        rule: number, tasks: breach.tasks, account: account.id, day: breach.day,
                        message: "\(account.id) makes \(breach.tasks.count) reviews on \(breach.day), over the limit of \(limit) per day"))
            }
        }
    }
}
