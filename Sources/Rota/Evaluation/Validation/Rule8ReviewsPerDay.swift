/// Rule 8: an account's reviews on one day do not exceed `reviewsPerAccountPerDay`.
public struct ReviewsPerDayRule: FeasibilityRule {
    public var number: Int { 8 }
    public var title: String { "daily review limit" }

    public init() {}

    public func check(_ context: ValidationContext) -> [Violation] {
        guard let limit = context.instance.rules.reviewsPerAccountPerDay else { return [] }
        var found: [Violation] = []
        for (index, account) in context.instance.accounts.enumerated() {
            let reviews = context.reviewsOfAccount[index]
            for day in context.runs(of: reviews, by: { context.task($0).date }) where day.count > limit {
                guard day.contains(where: context.isPending), let first = day.first else { continue }
                let date = context.task(first).date
                found.append(
                    Violation(
                        rule: number, tasks: day.map { context.task($0).id }, lines: day.map { context.task($0).line },
                        account: account.id, day: date,
                        message: "\(account.id) makes \(day.count) reviews on \(date), over the limit of \(limit) per day"))
            }
        }
        return found
    }
}
