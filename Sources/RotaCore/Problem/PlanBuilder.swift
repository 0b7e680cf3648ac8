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
    package func build(run: SolverRun? = nil) -> Plan {
        let instance = problem.instance
        var tasks: [PlanTask] = []
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
        usedIDs.reserveCapacity(instance.existing.count + 2 * problem.lineCount)
        // `insert` answers whether the id was free and takes it, with one hash.
        func freshID(_ base: String, reuse: TaskID?) -> TaskID {
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
                let id = freshID("P:\(line.id)", reuse: pendingID[l]?[.purchase])
                purchaseID = id
                tasks.append(
                    PlanTask(
                        id: id, kind: .purchase, line: line.id, order: line.order, item: line.item,
                        account: problem.accountIDs[p.account], date: instance.start + p.day))
            }
            let id = freshID("R:\(line.id)", reuse: pendingID[l]?[.review])
            tasks.append(
                PlanTask(
                    id: id, kind: .review, line: line.id, order: line.order, item: line.item,
                    account: problem.accountIDs[r.account], date: instance.start + r.day, after: purchaseID))
        }
        return Plan(instance: instance.name, solver: run, tasks: tasks, unscheduled: unscheduled)
    }
}
