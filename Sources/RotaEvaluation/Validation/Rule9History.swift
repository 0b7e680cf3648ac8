import RotaCore

/// Rule 9: every completed or missed task of `existing` is in the plan with the same id and
/// every field unchanged, and the plan invents no completed or missed task.
package struct HistoryRule: FeasibilityRule {
    package var number: Int { 9 }
    package var title: String { "history kept unchanged" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        var history: Set<TaskID> = []
        for task in context.instance.existing where task.status != .pending {
            history.insert(task.id)
            guard let position = context.firstPosition(of: task.id) else {
                found.append(
                    violation(task, "\(task.status.rawValue) \(task.kind.rawValue) \(task.id) of the existing plan is missing"))
                continue
            }
            let positions = context.duplicatedTaskIDs[task.id] ?? [position]
            guard !positions.contains(where: { context.task($0) == task }) else { continue }
            let changes = differences(task, context.task(position))
            found.append(
                violation(
                    task, "\(task.status.rawValue) \(task.kind.rawValue) \(task.id) of the existing plan was changed: "
                        + changes.joined(separator: ", ")))
        }
        var copies: [TaskID: Int] = [:]
        for position in context.plan.tasks.indices where context.statusOfTask[position] != .pending {
            let task = context.task(position)
            guard history.contains(task.id) else {
                found.append(
                    violation(
                        task, "\(task.kind.rawValue) \(task.id) is \(task.status.rawValue) in the plan, "
                            + "but is not completed or missed in the existing plan"))
                continue
            }
            copies[task.id, default: 0] += 1
            if copies[task.id] == 2 {
                found.append(violation(task, "history task \(task.id) appears more than once in the plan"))
            }
        }
    }

    private func violation(_ task: PlanTask, _ message: String) -> Violation {
        Violation(
            rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date, message: message)
    }

    /// "field old → new" for every field that differs.
    private func differences(_ old: PlanTask, _ new: PlanTask) -> [String] {
        var changes: [String] = []
        func compare<T: Equatable>(_ name: String, _ a: T, _ b: T, _ text: (T) -> String) {
            if a != b { changes.append("\(name) \(text(a)) → \(text(b))") }
        }
        compare("kind", old.kind, new.kind) { $0.rawValue }
        compare("line", old.line, new.line) { $0.rawValue }
        compare("order", old.order, new.order) { $0.rawValue }
        compare("item", old.item, new.item) { $0.rawValue }
        compare("account", old.account, new.account) { $0.rawValue }
        compare("date", old.date, new.date) { $0.iso }
        compare("status", old.status, new.status) { $0.rawValue }
        compare("after", old.after, new.after) { $0?.rawValue ?? "none" }
        return changes
    }
}
