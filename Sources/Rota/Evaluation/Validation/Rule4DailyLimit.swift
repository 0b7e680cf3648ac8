/// Rule 4: an account's purchases on one day do not exceed its `dailyLimit`.
public struct DailyLimitRule: FeasibilityRule {
    public var number: Int { 4 }
    public var title: String { "daily purchase limit" }

    public init() {}

    public func check(_ context: ValidationContext) -> [Violation] {
        var found: [Violation] = []
        for (index, account) in context.instance.accounts.enumerated() {
            guard let limit = account.dailyLimit else { continue }
            let purchases = context.purchasesOfAccount[index]
            for day in context.runs(of: purchases, by: { context.task($0).date }) where day.count > limit {
                guard day.contains(where: context.isPending), let first = day.first else { continue }
                let date = context.task(first).date
                found.append(
                    Violation(
                        rule: number, tasks: day.map { context.task($0).id }, lines: day.map { context.task($0).line },
                        account: account.id, day: date,
                        message: "\(account.id) makes \(day.count) purchases on \(date), over its daily limit of \(limit)"))
            }
        }
        return found
    }
}
