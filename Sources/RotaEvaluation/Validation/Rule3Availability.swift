/// Rule 3: an account does nothing on its unavailable days.
package struct AvailabilityRule: FeasibilityRule {
    package var number: Int { 3 }
    package var title: String { "no work on unavailable days" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        for position in context.activeTasks where context.isPending(position) {
            guard let account = context.accountOfTask[position], !context.unavailableDays[account].isEmpty,
                context.unavailableDays[account].contains(context.day(ofTask: position))
            else { continue }
            let task = context.task(position)
            found.append(
                Violation(
                    rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                    message: "\(task.account) has \(task.kind.rawValue) \(task.id) on \(task.date), a day it is unavailable"))
        }
    }
}
