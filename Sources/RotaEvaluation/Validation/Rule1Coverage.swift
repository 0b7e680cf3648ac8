import RotaCore

/// Rule 1: each line has exactly one purchase and one review or is unscheduled with a reason;
/// every task refers to a line, account and item of the instance, consistently.
package struct CoverageRule: FeasibilityRule {
    package var number: Int { 1 }
    package var title: String { "every line scheduled once or left out with a reason" }

    package init() {}

    package func check(_ context: ValidationContext, into found: inout ViolationCollector) {
        duplicateIDs(context, into: &found)
        for position in context.activeTasks where context.isPending(position) {
            if !hasKnownReferences(position, context) { references(of: position, context, into: &found) }
            if context.kindOfTask[position] == .review, !followsItsPurchase(position, context),
                let violation = after(of: position, context)
            {
                found.append(violation)
            }
        }
        let unscheduled = unscheduledLines(context, into: &found)
        for (index, line) in context.lines.enumerated() where context.isFirstOfItsID[index] {
            coverage(of: index, unscheduled: !unscheduled.isEmpty && unscheduled.contains(line.id), context, into: &found)
        }
    }

    /// Task ids used twice, when a pending task is among them.
    private func duplicateIDs(_ context: ValidationContext, into found: inout ViolationCollector) {
        for (id, positions) in context.duplicatedTaskIDs where positions.contains(where: context.isPending) {
            found.append(
                Violation(
                    rule: number, tasks: [id], lines: positions.map { context.task($0).line },
                    message: "task id \(id) is used by \(positions.count) tasks"))
        }
    }

    /// The common case of `references`, told from the dense tables (and one order id
    /// compared in place): the task's account and line exist, and its item and order are its line's.
    private func hasKnownReferences(_ position: Int, _ context: ValidationContext) -> Bool {
        guard context.accountOfTask[position] != nil, let line = context.lineOfTask[position] else { return false }
        return context.itemOfTask[position] == context.itemOfLine[line]
            && context.plan.tasks[position].order == context.lines[line].order
    }

    /// The common case of `after`: the review's `after` names a non-missed purchase of its line.
    private func followsItsPurchase(_ position: Int, _ context: ValidationContext) -> Bool {
        guard let named = context.afterOfTask[position] else { return false }
        return context.kindOfTask[named] == .purchase && context.statusOfTask[named] != .missed
            && context.sameLine(named, position)
    }

    /// The task's line, account and item exist, and its item and order are its line's.
    private func references(of position: Int, _ context: ValidationContext, into found: inout ViolationCollector) {
        let task = context.task(position)
        func report(_ message: String) {
            found.append(
                Violation(
                    rule: number, tasks: [task.id], lines: [task.line], account: task.account, day: task.date,
                    message: message))
        }
        if context.accountOfTask[position] == nil {
            report("\(task.kind.rawValue) \(task.id) is by account \(task.account), which the instance does not have")
        }
        guard let line = context.line(ofTask: position) else {
            report("\(task.kind.rawValue) \(task.id) is for line \(task.line), which the instance does not have")
            return
        }
        if task.item == line.item {
            // As it should be.
        } else if !context.isItemOfTheInstance(task.item) {
            report("\(task.kind.rawValue) \(task.id) is for item \(task.item), which no line of the instance asks for")
        } else {
            report("\(task.kind.rawValue) \(task.id) is for item \(task.item), but its line \(line.id) asks for item \(line.item)")
        }
        if task.order != line.order {
            report("\(task.kind.rawValue) \(task.id) names order \(task.order), but its line \(line.id) belongs to order \(line.order)")
        }
    }

    /// A review's `after` names a (non-missed) purchase of its own line.
    private func after(of position: Int, _ context: ValidationContext) -> Violation? {
        let review = context.task(position)
        let problem: String
        if let after = review.after {
            guard let named = context.afterOfTask[position].map(context.task) else {
                return violation(review, "review \(review.id) follows \(after), which is no task of the plan")
            }
            if named.kind != .purchase {
                problem = "review \(review.id) follows \(after), which is a review, not a purchase"
            } else if named.line != review.line {
                problem = "review \(review.id) of line \(review.line) follows \(after), a purchase of line \(named.line)"
            } else if named.status == .missed {
                problem = "review \(review.id) follows \(after), a missed purchase"
            } else {
                return nil
            }
        } else {
            problem = "review \(review.id) does not name its purchase (no \"after\")"
        }
        return violation(review, problem)
    }

    private func violation(_ review: PlanTask, _ message: String) -> Violation {
        Violation(
            rule: number, tasks: [review.id], lines: [review.line], account: review.account, day: review.date,
            message: message)
    }

    /// Checks the `unscheduled` list and returns the lines it validly leaves out.
    private func unscheduledLines(_ context: ValidationContext, into found: inout ViolationCollector) -> Set<LineID> {
        var times: [LineID: Int] = [:]
        for entry in context.plan.unscheduled { times[entry.line, default: 0] += 1 }
        var reported: Set<LineID> = []
        for entry in context.plan.unscheduled {
            guard let index = context.lineIndex[entry.line] else {
                if reported.insert(entry.line).inserted {
                    found.append(
                        Violation(
                            rule: number, lines: [entry.line],
                            message: "unscheduled line \(entry.line) is not a line of the instance"))
                }
                continue
            }
            if entry.reason.allSatisfy(\.isWhitespace) {
                found.append(
                    Violation(
                        rule: number, lines: [entry.line],
                        message: "unscheduled line \(entry.line) gives no reason"))
            }
            guard reported.insert(entry.line).inserted else { continue }
            if let count = times[entry.line], count > 1 {
                found.append(
                    Violation(
                        rule: number, lines: [entry.line],
                        message: "line \(entry.line) is listed \(count) times in unscheduled"))
            }
            let pending = context.activeTasksOfLine[index].filter(context.isPending)
            if !pending.isEmpty {
                let ids = pending.map { context.task($0).id }
                found.append(
                    Violation(
                        rule: number, tasks: ids, lines: [entry.line],
                        message: "line \(entry.line) is unscheduled but has \(pending.count) pending "
                            + "task\(pending.count == 1 ? "" : "s") (\(ids.sorted().map(\.rawValue).joined(separator: ", ")))"))
            }
        }
        return Set(times.keys)
    }

    /// A scheduled line has exactly one non-missed purchase and one non-missed review.
    private func coverage(
        of index: Int, unscheduled: Bool, _ context: ValidationContext, into found: inout ViolationCollector
    ) {
        guard !unscheduled else { return }
        let line = context.lines[index]
        let tasks = context.activeTasksOfLine[index]
        var purchases = 0
        for position in tasks where context.kindOfTask[position] == .purchase { purchases += 1 }
        // The common case, one of each, needs no more work.
        if purchases == 1, tasks.count == 2 { return }
        for kind in TaskKind.allCases {
            let ofKind = tasks.filter { context.kindOfTask[$0] == kind }
            if ofKind.isEmpty {
                found.append(
                    Violation(
                        rule: number, lines: [line.id],
                        message: "line \(line.id) has no \(kind.rawValue) and is not listed as unscheduled"))
            } else if ofKind.count > 1, ofKind.contains(where: context.isPending) {
                let ids = ofKind.map { context.task($0).id }
                found.append(
                    Violation(
                        rule: number, tasks: ids, lines: [line.id],
                        message: "line \(line.id) has \(ofKind.count) \(kind.rawValue)s "
                            + "(\(ids.sorted().map(\.rawValue).joined(separator: ", "))), not one"))
            }
        }
    }
}
