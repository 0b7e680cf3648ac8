/// Rule 2: a pending task is on or after `start`, a purchase on or after its line's
/// `earliest`, and every task before `start + horizonDays`.
///
/// Only pending tasks are checked: a completed task out of these bounds is history.
package struct DatesRule: FeasibilityRule {
    package var number: Int { 2 }
    package var title: String { "within the planning window" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        let start = context.instance.start
        let horizon = context.instance.horizonDays
        for position in context.activeTasks where context.isPending(position) {
            // The common case, a task inside the window, is told from the dense tables alone.
            let day = context.dayOfTask[position]
            let earliest = context.kindOfTask[position] == .purchase
                ? context.lineOfTask[position].flatMap { context.lines[$0].earliest } : nil
            if day >= start.ordinal, earliest.map({ day >= $0.ordinal }) ?? true,
                context.day(ofTask: position).days(since: start) < horizon
            {
                continue
            }
            let task = context.task(position)
            func report(_ message: String) {
                found.append(
                    Violation(
                        rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                        message: message))
            }
            if task.date < start {
                report("\(task.kind.rawValue) \(task.id) is on \(task.date), before the start \(start)")
            }
            if task.kind == .purchase, let earliest = context.line(ofTask: position)?.earliest, task.date < earliest {
                report("purchase \(task.id) is on \(task.date), before its line \(task.line)'s earliest day \(earliest)")
            }
            if task.date.days(since: start) >= horizon {
                report(
                    "\(task.kind.rawValue) \(task.id) is on \(task.date), past the horizon "
                        + "(\(context.instance.horizonDays) days from \(start), last day \(horizon > Int.min ? start.describe(adding: horizon - 1) : "none"))")
            }
        }
    }
}
