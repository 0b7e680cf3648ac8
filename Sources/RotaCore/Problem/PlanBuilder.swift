/// Assembles a plan from dense decisions: copies the instance's history verbatim, gives new
/// tasks stable ids (`P:<line>`, `R:<line>`, or the id of the pending task they replace), and
/// records lines left out with their reasons.
package struct PlanBuilder {
    package let problem: PlanningProblem
    private var purchase: [Placement?]
    private var review: [Placement?]
    private var reasons: [String?]

    package init(problem: PlanningProblem) {
        self.problem = problem
        purchase = Array(repeating: nil, count: problem.lineCount)
        review = Array(repeating: nil, count: problem.lineCount)
        reasons = Array(repeating: nil, count: problem.lineCount)
    }

    /// Plans line `line`: a new purchase (nil when it is already completed) and its review.
    package mutating func schedule(line: Int, purchase: Placement?, review: Placement) {
        self.purchase[line] = purchase
        self.review[line] = review
        reasons[line] = nil
    }

    /// Leaves line `line` out of the plan.
    package mutating func leaveOut(line: Int, reason: String) {
        purchase[line] = nil
        review[line] = nil
        reasons[line] = reason
    }

    /// The plan: history first (as in `existing`), then new tasks line by line.
    /// Plans with no history and of at least `sideBySideFrom` lines are built in two halves
    /// (tests lower it to compare both ways).
    package func build(run: SolverRun? = nil, sideBySideFrom: Int = Concurrently.smallWork) -> Plan {
        let instance = problem.instance
        if instance.existing.isEmpty, problem.lineIndex.count == problem.lineCount,
            problem.lineCount >= sideBySideFrom, Concurrently.isParallel || sideBySideFrom < Concurrently.smallWork
        {
            return Plan(instance: instance.name, solver: run, tasks: freshTasksSideBySide(), unscheduled: unscheduled())
        }
        var tasks: [PlanTask] = []
        // Room for every task up front: regrowing an array of `PlanTask`s copies each one.
        tasks.reserveCapacity(instance.existing.count + 2 * problem.lineCount)
        var usedIDs = Set<TaskID>()
        var completedPurchaseID: [Int: TaskID] = [:]
        var pendingID: [Int: [TaskKind: TaskID]] = [:]
        for task in instance.existing {
            switch task.status {
            case .completed, .missed:
                tasks.append(task)
                usedIDs.insert(task.id)
                if task.status == .completed, task.kind == .purchase, let l = problem.lineIndex[task.line] {
                    completedPurchaseID[l] = task.id
                }
            case .pending:
                if let l = problem.lineIndex[task.line] { pendingID[l, default: [:]][task.kind] = task.id }
            }
        }
        // Without history or pending tasks, every id is `P:<line>` or `R:<line>`: with distinct
        // line ids these are distinct (distinct prefixes, distinct suffixes), so no set of used
        // ids is needed to keep them unique (a 500,000-line plan hashes a million ids less).
        let idsAreFresh = instance.existing.isEmpty && problem.lineIndex.count == problem.lineCount
        if !idsAreFresh { usedIDs.reserveCapacity(instance.existing.count + 2 * problem.lineCount) }
        // `insert` answers whether the id was free and takes it, with one hash.
        func freshID(_ base: String, reuse: TaskID?) -> TaskID {
            if idsAreFresh { return TaskID(base) }
            if let reuse, usedIDs.insert(reuse).inserted { return reuse }
            var candidate = TaskID(base)
            var n = 2
            while !usedIDs.insert(candidate).inserted {
                candidate = TaskID("\(base)#\(n)")
                n += 1
            }
            return candidate
        }
        var unscheduled: [UnscheduledLine] = []
        for (l, line) in problem.lines.enumerated() {
            if let reason = reasons[l] {
                unscheduled.append(UnscheduledLine(line: line.id, reason: reason))
                continue
            }
            guard let r = review[l] else { continue }
            var purchaseID = completedPurchaseID[l]
            if let p = purchase[l] {
                let id = freshID("P:" + line.id.rawValue, reuse: pendingID[l]?[.purchase])
                purchaseID = id
                tasks.append(
                    PlanTask(
                        id: id, kind: .purchase, line: line.id, order: line.order, item: line.item,
                        account: problem.accountIDs[p.account], date: instance.start + p.day))
            }
            let id = freshID("R:" + line.id.rawValue, reuse: pendingID[l]?[.review])
            tasks.append(
                PlanTask(
                    id: id, kind: .review, line: line.id, order: line.order, item: line.item,
                    account: problem.accountIDs[r.account], date: instance.start + r.day, after: purchaseID))
        }
        return Plan(instance: instance.name, solver: run, tasks: tasks, unscheduled: unscheduled)
    }

    /// The lines left out, in line order.
    private func unscheduled() -> [UnscheduledLine] {
        var result: [UnscheduledLine] = []
        for l in reasons.indices {
            if let reason = reasons[l] { result.append(UnscheduledLine(line: problem.lines[l].id, reason: reason)) }
        }
        return result
    }

    /// `build`'s tasks for a plan with no history and distinct line ids (every id fresh:
    /// `P:<line>`, `R:<line>`), the two halves of the lines on two cores, each straight into
    /// its place in the array: the same tasks in the same order as one after the other.
    private func freshTasksSideBySide() -> [PlanTask] {
        func tasks(of l: Int) -> Int { reasons[l] != nil || review[l] == nil ? 0 : purchase[l] == nil ? 1 : 2 }
        let lineCount = problem.lineCount
        let middle = lineCount / 2
        let before = (0..<middle).reduce(0) { $0 + tasks(of: $1) }
        let total = (middle..<lineCount).reduce(before) { $0 + tasks(of: $1) }
        guard total > 0 else { return [] }
        return [PlanTask](unsafeUninitializedCapacity: total) { buffer, count in
            let slots = TaskSlots(base: buffer.baseAddress!)
            Concurrently.run([
                { fillFresh(0..<middle, into: slots, at: 0) },
                { fillFresh(middle..<lineCount, into: slots, at: before) },
            ])
            count = total
        }
    }

    /// Initializes the tasks of `lines`, in order, from `slots.base + start` on.
    private func fillFresh(_ lines: Range<Int>, into slots: TaskSlots, at start: Int) {
        let instance = problem.instance
        var next = slots.base + start
        for l in lines where reasons[l] == nil {
            guard let r = review[l] else { continue }
            let line = problem.lines[l]
            var purchaseID: TaskID?
            if let p = purchase[l] {
                let id = TaskID("P:" + line.id.rawValue)
                purchaseID = id
                next.initialize(
                    to: PlanTask(
                        id: id, kind: .purchase, line: line.id, order: line.order, item: line.item,
                        account: problem.accountIDs[p.account], date: instance.start + p.day))
                next += 1
            }
            next.initialize(
                to: PlanTask(
                    id: TaskID("R:" + line.id.rawValue), kind: .review, line: line.id, order: line.order,
                    item: line.item, account: problem.accountIDs[r.account], date: instance.start + r.day,
                    after: purchaseID))
            next += 1
        }
    }
}

/// Where two threads initialize disjoint parts of one task array (`PlanBuilder`).
private struct TaskSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<PlanTask>
}
