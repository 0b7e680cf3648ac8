import RotaCore

extension Scorer {
    /// Matches non-missed tasks of both plans by (line, kind); the first task wins when a plan
    /// has several for the same pair. Lines need not exist in any instance. Moved and added tasks
    /// follow the new plan's task order, removed ones the previous plan's.
    ///
    /// Line ids are numbered once, so pairs are array indices (`2 × line + kind`): O(tasks).
    static func changes(from previous: Plan, to plan: Plan) -> PlanChanges {
        var lineNumber: [LineID: Int] = [:]
        lineNumber.reserveCapacity(plan.tasks.count)
        func pairs(of plan: Plan) -> [(pair: Int, slot: TaskSlot)] {
            var result: [(pair: Int, slot: TaskSlot)] = []
            result.reserveCapacity(plan.tasks.count)
            for task in plan.tasks where task.status != .missed {
                let number: Int
                if let known = lineNumber[task.line] {
                    number = known
                } else {
                    number = lineNumber.count
                    lineNumber[task.line] = number
                }
                let slot = TaskSlot(line: task.line, kind: task.kind, account: task.account, date: task.date)
                result.append((2 * number + (task.kind == .purchase ? 0 : 1), slot))
            }
            return result
        }
        let new = pairs(of: plan)
        let old = pairs(of: previous)
        let pairCount = 2 * lineNumber.count
        var before = [TaskSlot?](repeating: nil, count: pairCount)
        for (pair, slot) in old where before[pair] == nil { before[pair] = slot }

        var changes = PlanChanges()
        var inNew = [Bool](repeating: false, count: pairCount)
        for (pair, slot) in new where !inNew[pair] {
            inNew[pair] = true
            if let from = before[pair] {
                if from.account != slot.account || from.date != slot.date {
                    changes.moved.append(TaskMove(from: from, to: slot))
                }
            } else {
                changes.added.append(slot)
            }
        }
        var reported = [Bool](repeating: false, count: pairCount)
        for (pair, slot) in old where !inNew[pair] && !reported[pair] {
            reported[pair] = true
            changes.removed.append(slot)
        }
        return changes
    }
}
