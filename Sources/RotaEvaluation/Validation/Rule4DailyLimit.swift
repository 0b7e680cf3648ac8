/// Rule 4: an account's purchases on one day do not exceed its `dailyLimit`.
package struct DailyLimitRule: FeasibilityRule {
    package var number: Int { 4 }
    package var title: String { "daily purchase limit" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        for (index, account) in context.instance.accounts.enumerated() {
            guard let limit = account.dailyLimit else { continue }
            for breach in context.dailyBreaches(of: context.purchasesOfAccount[index], limit: limit) {
                found.append(
                    context.violation(
                        rule: number, tasks: breach.tasks, account: account.id, day: breach.day,
                        message: "\(account.id) makes \(breach.tasks.count) purchases on \(breach.day), over its daily limit of \(limit)"))
            }
        }
    }
}
