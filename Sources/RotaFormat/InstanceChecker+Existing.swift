import RotaCore

extension InstanceChecker {
    /// Checks `existing`, the tasks of an earlier plan: ids of their own; known lines and
    /// accounts, with their line's order and item; history (completed and missed tasks) before
    /// the horizon's end; at most one completed purchase and one completed review per line, a
    /// completed review only after a completed purchase of its line; and a review's `after`
    /// naming a purchase of its own line in `existing` (a completed one for a completed review).
    static func checkExisting(
        _ instance: Instance, accounts: IdentifierMap<AccountTag>, lines: IdentifierMap<LineTag>,
        positions: [LinePosition], into problems: inout Problems
    ) {
        var firstTask: [TaskID: Int] = [:]
        firstTask.reserveCapacity(instance.existing.count)
        var firstCompletedPurchase: [LineID: Int] = [:]
        var firstCompletedReview: [LineID: Int] = [:]
        let horizonIsValid = (1...Limits.horizonDays).contains(instance.horizonDays)
        for (t, task) in instance.existing.enumerated() {
            if let first = firstTask[task.id] {
                problems.add(
                    "existing[\(t)].id", "duplicate task id \(quoted(task.id.rawValue)), first at existing[\(first)].id")
            } else {
                firstTask[task.id] = t
            }
            let line = quoted(task.line.rawValue)
            if let number = lines[task.line] {
                let position = positions[number]
                let order = instance.orders[position.order]
                let item = order.lines[position.line].item
                if task.order != order.id {
                    problems.add(
                        "existing[\(t)].order",
                        "expected \(quoted(order.id.rawValue)) (the order of line \(line)), got \(quoted(task.order.rawValue))")
                }
                if task.item != item {
                    problems.add(
                        "existing[\(t)].item",
                        "expected \(quoted(item.rawValue)) (the item of line \(line)), got \(quoted(task.item.rawValue))")
                }
            } else {
                problems.add("existing[\(t)].line", "unknown line \(line)")
            }
            if accounts[task.account] == nil {
                problems.add("existing[\(t)].account", "unknown account \(quoted(task.account.rawValue))")
            }
            if task.status != .pending, horizonIsValid, task.date >= instance.end {
                problems.add(
                    "existing[\(t)].date",
                    "a \(task.status.rawValue) task is history: expected a date before the horizon's end "
                        + "\(instance.end.iso) (start + horizonDays), got \(task.date.iso)")
            }
            guard task.status == .completed else { continue }
            let first = task.kind == .purchase ? firstCompletedPurchase[task.line] : firstCompletedReview[task.line]
            if let first {
                problems.add(
                    "existing[\(t)]",
                    "a second completed \(task.kind.rawValue) of line \(line), first at existing[\(first)]")
            } else if task.kind == .purchase {
                firstCompletedPurchase[task.line] = t
            } else {
                firstCompletedReview[task.line] = t
            }
        }
        // Reviews of unknown lines are reported above already.
        for (t, task) in instance.existing.enumerated() where task.kind == .review && lines[task.line] != nil {
            if task.status == .completed, firstCompletedPurchase[task.line] == nil {
                problems.add(
                    "existing[\(t)]",
                    "a completed review of line \(quoted(task.line.rawValue)) needs a completed purchase of that "
                        + "line in existing, and there is none")
            }
            if let after = task.after {
                checkAfter(after, ofReview: t, in: instance.existing, tasks: firstTask, into: &problems)
            }
        }
    }

    /// A review's `after` names a purchase of its line in `existing`, a completed one when the
    /// review is completed.
    private static func checkAfter(
        _ after: TaskID, ofReview t: Int, in existing: [PlanTask], tasks: [TaskID: Int], into problems: inout Problems
    ) {
        let review = existing[t]
        let expected =
            "expected the id of \(review.status == .completed ? "the completed" : "a") purchase of line "
            + "\(quoted(review.line.rawValue)) in existing"
        let path = "existing[\(t)].after"
        guard after != review.id else {
            problems.add(path, "names the review itself; \(expected)")
            return
        }
        guard let k = tasks[after] else {
            problems.add(path, "names no task of existing (\(quoted(after.rawValue))); \(expected)")
            return
        }
        let named = existing[k]
        if named.kind != .purchase || named.line != review.line {
            problems.add(
                path,
                "names existing[\(k)], a \(named.kind.rawValue) of line \(quoted(named.line.rawValue)); \(expected)")
        } else if review.status == .completed, named.status != .completed {
            problems.add(path, "names existing[\(k)], a \(named.status.rawValue) purchase; \(expected)")
        }
    }
}
