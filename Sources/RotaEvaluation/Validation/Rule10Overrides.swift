import RotaCore

/// Rule 10 (a rota extension of the format, docs/FORMAT.md): every override of the instance is
/// honoured. A pinned line's pending purchase is by the pinned account and on the pinned day
/// (and the line is not left out); no pending task of a line is by an account an override
/// forbids for it. Completed history is not judged (a pin on a line bought already is refused
/// before planning); a weight floor changes the objective only, so it has nothing to check.
///
/// The validator checks it only for instances that have overrides, so reports of the others
/// list the nine rules of the format, as before.
package struct OverridesRule: FeasibilityRule {
    package var number: Int { 10 }
    package var title: String { "overrides honoured" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        let overrides = context.instance.overrides
        guard !overrides.isEmpty else { return }
        let unscheduled = Set(context.plan.unscheduled.map(\.line))
        for override in overrides {
            guard let l = context.lineIndex[override.line] else { continue }
            let why = "an override (\(override.reasonCode)\(override.actor.map { ", by \($0)" } ?? ""))"
            let tasks = context.activeTasksOfLine[l].filter { context.isPending($0) }
            if let pin = override.pin {
                let pinned = [pin.account.map { "to \($0)" }, pin.date.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
                let purchases = tasks.filter { context.task($0).kind == .purchase }
                let completed = context.activeTasksOfLine[l].contains {
                    context.task($0).kind == .purchase && context.task($0).status == .completed
                }
                if purchases.isEmpty, !completed, unscheduled.contains(override.line) {
                    found.append(
                        Violation(
                            rule: number, lines: [override.line],
                            message: "line \(override.line) is left out, yet \(why) pins its purchase \(pinned)"))
                }
                for position in purchases {
                    let task = context.task(position)
                    let accountOK = pin.account.map { $0 == task.account } ?? true
                    let dayOK = pin.date.map { $0 == task.date } ?? true
                    guard !(accountOK && dayOK) else { continue }
                    found.append(
                        Violation(
                            rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                            message: "purchase \(task.id) of line \(task.line) is by \(task.account) on \(task.date); \(why) pins it \(pinned)"))
                }
            }
            let forbidden = Set(override.forbid)
            guard !forbidden.isEmpty else { continue }
            for position in tasks {
                let task = context.task(position)
                guard forbidden.contains(task.account) else { continue }
                found.append(
                    Violation(
                        rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                        message: "\(task.kind.rawValue) \(task.id) of line \(task.line) is by \(task.account) on \(task.date), which \(why) forbids for the line"))
            }
        }
    }
}
