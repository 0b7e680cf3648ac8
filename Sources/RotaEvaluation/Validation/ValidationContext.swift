import RotaCore

/// What the feasibility rules share: the instance, the plan and indexes over both, built once.
///
/// Tasks are named by their position in `plan.tasks`. Every index here leaves out `missed`
/// tasks (the rules apply over the others), except `firstPosition(of:)` and
/// `duplicatedTaskIDs`, which cover every task.
package struct ValidationContext: Sendable {
    package let instance: Instance
    package let plan: Plan
    /// The instance's lines with lag, due date and weight resolved, in input order.
    package let lines: [ResolvedLine]
    /// Each line id's position in `lines` (its first, if listed twice).
    package let lineIndex: [LineID: Int]
    /// Each account id's position in `instance.accounts` (its first, if listed twice).
    package let accountIndex: [AccountID: Int]
    /// Every item some line of the instance asks for.
    package let items: Set<ItemID>
    /// Per account (by position): its unavailable days.
    package let unavailableDays: [Set<Day>]
    /// Per plan task: its line's position in `lines`, or `nil` when the line is unknown.
    package let lineOfTask: [Int?]
    /// Per plan task: its account's position in `instance.accounts`, or `nil` when unknown.
    package let accountOfTask: [Int?]
    /// Per plan task: a dense number for its item (unknown items get one too).
    package let itemOfTask: [Int]
    /// Per plan task: the position of the task its `after` names (the first with that id), if any.
    package let afterOfTask: [Int?]
    /// Positions of the tasks that are not `missed`, in plan order.
    package let activeTasks: [Int]
    /// Per line: its non-missed tasks, in plan order.
    package let activeTasksOfLine: TaskBuckets
    /// Per account: its non-missed purchases, by day (plan order within a day).
    package let purchasesOfAccount: TaskBuckets
    /// Per account: its non-missed reviews, by day (plan order within a day).
    package let reviewsOfAccount: TaskBuckets
    /// Task ids used by more than one task, with those tasks' positions.
    package let duplicatedTaskIDs: [TaskID: [Int]]
    private let positionByID: [TaskID: Int]

    package init(instance: Instance, plan: Plan) {
        self.instance = instance
        self.plan = plan
        let lines = instance.resolvedLines
        self.lines = lines

        var lineIndex: [LineID: Int] = [:]
        lineIndex.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() where lineIndex[line.id] == nil { lineIndex[line.id] = n }
        self.lineIndex = lineIndex

        var accountIndex: [AccountID: Int] = [:]
        for (n, account) in instance.accounts.enumerated() where accountIndex[account.id] == nil {
            accountIndex[account.id] = n
        }
        self.accountIndex = accountIndex
        items = Set(lines.map(\.item))
        unavailableDays = instance.accounts.map { Set($0.unavailable) }

        let tasks = plan.tasks
        var itemNumbers: [ItemID: Int] = [:]
        var lineOfTask: [Int?] = []
        var accountOfTask: [Int?] = []
        var itemOfTask: [Int] = []
        var activeTasks: [Int] = []
        var positionByID: [TaskID: Int] = [:]
        var duplicated: [TaskID: [Int]] = [:]
        lineOfTask.reserveCapacity(tasks.count)
        accountOfTask.reserveCapacity(tasks.count)
        itemOfTask.reserveCapacity(tasks.count)
        activeTasks.reserveCapacity(tasks.count)
        positionByID.reserveCapacity(tasks.count)
        for (position, task) in tasks.enumerated() {
            lineOfTask.append(lineIndex[task.line])
            accountOfTask.append(accountIndex[task.account])
            if let number = itemNumbers[task.item] {
                itemOfTask.append(number)
            } else {
                itemNumbers[task.item] = itemNumbers.count
                itemOfTask.append(itemNumbers.count - 1)
            }
            if task.status != .missed { activeTasks.append(position) }
            if let first = positionByID[task.id] {
                duplicated[task.id, default: [first]].append(position)
            } else {
                positionByID[task.id] = position
            }
        }
        self.lineOfTask = lineOfTask
        self.accountOfTask = accountOfTask
        self.itemOfTask = itemOfTask
        self.activeTasks = activeTasks
        self.positionByID = positionByID
        afterOfTask = tasks.map { task in task.after.flatMap { positionByID[$0] } }
        duplicatedTaskIDs = duplicated

        activeTasksOfLine = TaskBuckets(count: lines.count, positions: activeTasks) { lineOfTask[$0] }
        let byDay: (Int, Int) -> Bool = { a, b in
            let dayA = tasks[a].date, dayB = tasks[b].date
            return dayA != dayB ? dayA < dayB : a < b
        }
        var purchases = TaskBuckets(count: instance.accounts.count, positions: activeTasks) {
            tasks[$0].kind == .purchase ? accountOfTask[$0] : nil
        }
        purchases.sortEachBucket(by: byDay)
        purchasesOfAccount = purchases
        var reviews = TaskBuckets(count: instance.accounts.count, positions: activeTasks) {
            tasks[$0].kind == .review ? accountOfTask[$0] : nil
        }
        reviews.sortEachBucket(by: byDay)
        reviewsOfAccount = reviews
    }

    /// The task at a position of `plan.tasks`.
    package func task(_ position: Int) -> PlanTask { plan.tasks[position] }

    /// Whether the task at `position` is planned (`pending`), not history.
    package func isPending(_ position: Int) -> Bool { plan.tasks[position].status == .pending }

    /// The position of the first task with this id, if any.
    package func firstPosition(of id: TaskID) -> Int? { positionByID[id] }

    /// The line a task belongs to, if the instance has it.
    package func line(ofTask position: Int) -> ResolvedLine? {
        lineOfTask[position].map { lines[$0] }
    }

    /// The account a task is by, if the instance has it.
    package func account(ofTask position: Int) -> Account? {
        accountOfTask[position].map { instance.accounts[$0] }
    }

    /// The purchase a review reviews: the task its `after` names when that is a non-missed
    /// purchase of the same line, else the line's only non-missed purchase; `nil` otherwise.
    package func purchase(reviewedBy review: Int) -> Int? {
        let task = plan.tasks[review]
        if let position = afterOfTask[review] {
            let named = plan.tasks[position]
            if named.kind == .purchase, named.status != .missed, named.line == task.line { return position }
        }
        guard let line = lineOfTask[review] else { return nil }
        let purchases = activeTasksOfLine[line].filter { plan.tasks[$0].kind == .purchase }
        return purchases.count == 1 ? purchases[0] : nil
    }

    /// Splits positions sorted by a key into runs of equal key.
    func runs<Key: Equatable>(of positions: ArraySlice<Int>, by key: (Int) -> Key) -> [ArraySlice<Int>] {
        var result: [ArraySlice<Int>] = []
        var start = positions.startIndex
        while start < positions.endIndex {
            let k = key(positions[start])
            var end = start + 1
            while end < positions.endIndex, key(positions[end]) == k { end += 1 }
            result.append(positions[start..<end])
            start = end
        }
        return result
    }
}
