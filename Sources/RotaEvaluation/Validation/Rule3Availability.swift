/// Rule 3: an account does nothing on its unavailable days.
package struct AvailabilityRule: FeasibilityRule {
    package var number: Int { 3 }
    package var title: String { "no work on unavailable days" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        // Per account, its days off as ordinals when there are a few (a scan of a few integers
        // beats hashing a day per task); `nil` when there are many, asked of the set instead.
        let fewDaysOff: [[Int]?] = context.unavailableDays.map { days in
            days.count <= 16 ? days.map(\.ordinal) : nil
        }
        for position in context.activeTasks where context.isPending(position) {
            guard let account = context.accountOfTask[position] else { continue }
            let day = context.dayOfTask[position]
            if let few = fewDaysOff[account] {
                guard few.contains(day) else { continue }
            } else {
                guard context.unavailableDays[account].contains(context.day(ofTask: position)) else { continue }
            }
            let task = context.task(position)
            found.append(
                Violation(
                    rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                    message: "\(task.account) has \(task.kind.rawValue) \(task.id) on \(task.date), a day it is unavailable"))
        }
    }
}
