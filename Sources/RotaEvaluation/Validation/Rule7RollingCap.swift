import RotaCore

/// Rule 7: in every run of `rolling.days` consecutive days an account's purchases do not
/// exceed `rolling.hard`.
///
/// Every window that holds purchases can be slid right until it starts on a purchase day
/// without losing any, so the windows starting on purchase days are the ones to check; a
/// sliding window over the account's purchase days finds them in linear time. A run of
/// overlapping breaching windows is reported once, by the fullest of them.
package struct RollingCapRule: FeasibilityRule {
    package var number: Int { 7 }
    package var title: String { "rolling-window hard cap" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        for (index, account) in context.instance.accounts.enumerated() {
            guard let rolling = account.rolling, let hard = rolling.hard, rolling.days >= 1 else { continue }
            check(account.id, rolling.days, hard, context.purchasesOfAccount[index], context, into: &found)
        }
    }

    private func check(
        _ account: AccountID, _ length: Int, _ hard: Int, _ purchases: ArraySlice<Int>, _ context: ValidationContext,
        into found: inout ViolationCollector
    ) {
        let days = context.runs(of: purchases, by: { context.dayOfTask[$0] })
        let dates = days.map { context.day(ofTask: $0[$0.startIndex]) }
        // Prefix sums of purchases and of pending purchases over the purchase days.
        var total = [0], pending = [0]
        for day in days {
            total.append(total[total.count - 1] + day.count)
            pending.append(pending[pending.count - 1] + day.count(where: context.isPending))
        }
        // The fullest window of the current run of breaching windows, and the run's last start.
        var run: (worst: Window, last: Int)?
        var end = 0
        for first in days.indices {
            while end < days.count, dates[end].days(since: dates[first]) < length { end += 1 }
            let count = total[end] - total[first]
            let breaches = count > hard && pending[end] > pending[first]
            if let current = run, !breaches || dates[first] - dates[current.last] >= length {
                found.append(violation(account, length, hard, current.worst, days, dates, context))
                run = nil
            }
            guard breaches else { continue }
            let window = Window(first: first, end: end, count: count)
            if let current = run {
                run = (current.worst.count >= count ? current.worst : window, first)
            } else {
                run = (window, first)
            }
        }
        if let current = run { found.append(violation(account, length, hard, current.worst, days, dates, context)) }
    }

    /// Purchase days `first..<end`, holding `count` purchases.
    private struct Window {
        var first: Int
        var end: Int
        var count: Int
    }

    private func violation(
        _ account: AccountID, _ length: Int, _ hard: Int, _ window: Window,
        _ days: [ArraySlice<Int>], _ dates: [Day], _ context: ValidationContext
    ) -> Violation {
        let positions = days[window.first..<window.end].flatMap { $0 }
        let from = dates[window.first]
        return Violation(
            rule: number, tasks: positions.map { context.task($0).id }, lines: positions.map { context.task($0).line },
            account: account, day: from,
            message: "\(account) makes \(window.count) purchases in the \(length) days from \(from) to "
                + "\(from.describe(adding: length - 1)), over its hard rolling cap of \(hard)")
    }
}
