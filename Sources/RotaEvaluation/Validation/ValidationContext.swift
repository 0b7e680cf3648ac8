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
    /// Per line: whether it is the first with its id (`lineIndex[id]` is its position).
    let isFirstOfItsID: [Bool]
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
        var isFirstOfItsID = [Bool](repeating: false, count: lines.count)
        // Items are numbered by line, so that a task whose item is its line's (every task of
        // a valid plan) needs no lookup of its own.
        var itemNumbers: [ItemID: Int] = [:]
        var itemOfLine: [Int] = []
        itemOfLine.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            if lineIndex[line.id] == nil {
                lineIndex[line.id] = n
                isFirstOfItsID[n] = true
            }
            if let number = itemNumbers[line.item] {
                itemOfLine.append(number)
            } else {
                itemNumbers[line.item] = itemNumbers.count
                itemOfLine.append(itemNumbers.count - 1)
            }
        }
        self.lineIndex = lineIndex
        self.isFirstOfItsID = isFirstOfItsID

        var accountIndex: [AccountID: Int] = [:]
        var isFirstAccountOfItsID = [Bool](repeating: false, count: instance.accounts.count)
        for (n, account) in instance.accounts.enumerated() where accountIndex[account.id] == nil {
            accountIndex[account.id] = n
            isFirstAccountOfItsID[n] = true
        }
        self.accountIndex = accountIndex
        items = Set(itemNumbers.keys)
        unavailableDays = instance.accounts.map { Set($0.unavailable) }

        let tasks = plan.tasks
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
        // Plans list their tasks line by line, a review after its purchase by the same
        // account: the previous task's line and account (or the next line) are tried first,
        // and taken only when the ids are equal and the guess is the first with its id, that
        // is exactly what the dictionaries would answer.
        var lineGuess = 0
        var accountGuess = 0
        for (position, task) in tasks.enumerated() {
            let line: Int?
            if lineGuess < lines.count, isFirstOfItsID[lineGuess], lines[lineGuess].id == task.line {
                line = lineGuess
            } else if lineGuess + 1 < lines.count, isFirstOfItsID[lineGuess + 1], lines[lineGuess + 1].id == task.line {
                line = lineGuess + 1
            } else {
                line = lineIndex[task.line]
            }
            if let line { lineGuess = line }
            lineOfTask.append(line)
            let account: Int?
            if accountGuess < instance.accounts.count, isFirstAccountOfItsID[accountGuess],
                instance.accounts[accountGuess].id == task.account
            {
                account = accountGuess
            } else {
                account = accountIndex[task.account]
            }
            if let account { accountGuess = account }
            accountOfTask.append(account)
            if let line, lines[line].item == task.item {
                itemOfTask.append(itemOfLine[line])
            } else if let number = itemNumbers[task.item] {
                itemOfTask.append(number)
            } else {
                itemNumbers[task.item] = itemNumbers.count
                itemOfTask.append(itemNumbers.count - 1)
            }
            if task.status != .missed { activeTasks.append(position) }
            // One hash of the id: the slot is claimed, or holds the first position with it.
            let first = Self.claim(&positionByID[task.id, default: -1], for: position)
            if first != position { duplicated[task.id, default: [first]].append(position) }
        }
        self.lineOfTask = lineOfTask
        self.accountOfTask = accountOfTask
        self.itemOfTask = itemOfTask
        self.activeTasks = activeTasks
        self.positionByID = positionByID
        // A review's purchase is usually the task just before it; with no id used twice, a
        // task with that id is the one the dictionary would give.
        afterOfTask = tasks.indices.map { position in
            guard let after = tasks[position].after else { return nil }
            if duplicated.isEmpty, position > 0, tasks[position - 1].id == after { return position - 1 }
            return positionByID[after]
        }
        duplicatedTaskIDs = duplicated

        activeTasksOfLine = TaskBuckets(count: lines.count, positions: activeTasks) { lineOfTask[$0] }
        let dayOfTask = tasks.map(\.date.ordinal)
        let byDay: (Int, Int) -> Bool = { a, b in
            let dayA = dayOfTask[a], dayB = dayOfTask[b]
            return dayA != dayB ? dayA < dayB : a < b
        }
        // Bucketing keeps the order it is given: from the tasks in (day, position) order, every
        // account's bucket comes out in that order with no sort of its own.
        let byDayThenPosition = Self.sortedByDay(activeTasks, dayOfTask: dayOfTask)
        var purchases = TaskBuckets(count: instance.accounts.count, positions: byDayThenPosition ?? activeTasks) {
            tasks[$0].kind == .purchase ? accountOfTask[$0] : nil
        }
        if byDayThenPosition == nil { purchases.sortEachBucket(by: byDay) }
        purchasesOfAccount = purchases
        var reviews = TaskBuckets(count: instance.accounts.count, positions: byDayThenPosition ?? activeTasks) {
            tasks[$0].kind == .review ? accountOfTask[$0] : nil
        }
        if byDayThenPosition == nil { reviews.sortEachBucket(by: byDay) }
        reviewsOfAccount = reviews
    }

    /// `positions` (increasing) in (day, position) order by a counting sort over the days
    /// used; `nil` when those days span more than a few years (an invalid plan), where a
    /// comparison sort is cheaper.
    static func sortedByDay(_ positions: [Int], dayOfTask: [Int]) -> [Int]? {
        guard let first = positions.first else { return [] }
        var low = dayOfTask[first]
        var high = low
        for position in positions {
            low = min(low, dayOfTask[position])
            high = max(high, dayOfTask[position])
        }
        guard high - low < max(1 << 12, positions.count) else { return nil }
        var starts = [Int](repeating: 0, count: high - low + 2)
        for position in positions { starts[dayOfTask[position] - low + 1] += 1 }
        for d in 1..<starts.count { starts[d] += starts[d - 1] }
        var sorted = [Int](repeating: 0, count: positions.count)
        for position in positions {
            let d = dayOfTask[position] - low
            sorted[starts[d]] = position
            starts[d] += 1
        }
        return sorted
    }

    /// `slot`'s position, set to `position` when it is still unclaimed (-1).
    private static func claim(_ slot: inout Int, for position: Int) -> Int {
        if slot < 0 { slot = position }
        return slot
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
