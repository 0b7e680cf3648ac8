extension Scorer {
    /// Matches non-missed tasks of both plans by (line, kind); the first task wins when a plan
    /// has several for the same pair. Lines need not exist in any instance.
    static func changes(from previous: Plan, to plan: Plan) -> PlanChanges {
        let before = slots(of: previous)
        let after = slots(of: plan)
        var changes = PlanChanges()
        for key in Set(before.keys).union(after.keys).sorted() {
            switch (before[key], after[key]) {
            case let (old?, new?):
                if old.account != new.account || old.date != new.date {
                    changes.moved.append(TaskMove(from: old, to: new))
                }
            case let (nil, new?): changes.added.append(new)
            case let (old?, nil): changes.removed.append(old)
            case (nil, nil): break
            }
        }
        return changes
    }

    private static func slots(of plan: Plan) -> [SlotKey: TaskSlot] {
        var result: [SlotKey: TaskSlot] = [:]
        for task in plan.tasks where task.status != .missed {
            let key = SlotKey(line: task.line, kind: task.kind)
            if result[key] == nil {
                result[key] = TaskSlot(line: task.line, kind: task.kind, account: task.account, date: task.date)
            }
        }
        return result
    }
}

/// A (line, kind) pair, ordered by line id, purchase before review.
private struct SlotKey: Hashable, Comparable {
    var line: LineID
    var kind: TaskKind

    static func < (a: SlotKey, b: SlotKey) -> Bool {
        if a.line != b.line { return a.line < b.line }
        return a.kind == .purchase && b.kind == .review
    }
}
