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
    /// Each line id's position in `lines` (its first, if listed twice). Like every id table
    /// here an `IdentifierMap`: one fast hash per id, no Swift hashing.
    package let lineIndex: IdentifierMap<LineTag>
    /// Per line: whether it is the first with its id (`lineIndex[id]` is its position).
    let isFirstOfItsID: [Bool]
    /// Each account id's position in `instance.accounts` (its first, if listed twice).
    package let accountIndex: IdentifierMap<AccountTag>
    /// Every item some line of the instance asks for, numbered densely; the numbers of items
    /// only tasks name (unknown items) come after `itemCount`.
    private let itemNumbers: IdentifierMap<ItemTag>
    /// How many items the instance's lines ask for.
    private let itemCount: Int
    /// Per account (by position): its unavailable days.
    package let unavailableDays: [Set<Day>]
    /// Per plan task: its line's position in `lines`, or `nil` when the line is unknown.
    package let lineOfTask: [Int?]
    /// Per plan task: its account's position in `instance.accounts`, or `nil` when unknown.
    package let accountOfTask: [Int?]
    /// Per plan task: a dense number for its item (unknown items get one too).
    package let itemOfTask: [Int]
    /// Per line: its item's dense number (a task is for its line's item exactly when
    /// `itemOfTask` equals it).
    package let itemOfLine: [Int]
    /// Per plan task: its kind, status and day (`date.ordinal`), so that the rules' loops over a
    /// million tasks read one array each instead of copying tasks with their seven strings.
    package let kindOfTask: [TaskKind]
    package let statusOfTask: [TaskStatus]
    package let dayOfTask: [Int]
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
    private let positionByID: TaskIDIndex

    package init(instance: Instance, plan: Plan) {
        self.init(instance: instance, plan: plan, tables: InstanceTables(instance))
    }

    /// The context over `tables`, which must be `instance`'s (see `InstanceTables`). Plans of
    /// at least `sideBySideFrom` tasks are resolved in two halves (tests lower it to compare
    /// both ways).
    package init(
        instance: Instance, plan: Plan, tables: InstanceTables, sideBySideFrom: Int = Concurrently.smallWork
    ) {
        self.instance = instance
        self.plan = plan
        let lines = tables.lines
        self.lines = lines
        let lineIndex = tables.lineIndex
        let isFirstOfItsID = tables.isFirstOfItsID
        var itemNumbers = tables.itemNumbers
        let itemOfLine = tables.itemOfLine
        itemCount = itemNumbers.count
        self.itemOfLine = itemOfLine
        self.lineIndex = lineIndex
        self.isFirstOfItsID = isFirstOfItsID
        let accountIndex = tables.accountIndex
        let isFirstAccountOfItsID = tables.isFirstAccountOfItsID
        self.accountIndex = accountIndex
        unavailableDays = instance.accounts.map { Set($0.unavailable) }

        let tasks = plan.tasks
        // Every task's line, account, item, kind, status and day; on a large plan the two
        // halves of the tasks on two cores (the guesses below only save lookups, so each half
        // starts its own).
        let resolver = TaskResolver(
            tasks: tasks, lines: lines, lineIndex: lineIndex, isFirstOfItsID: isFirstOfItsID,
            accounts: instance.accounts, accountIndex: accountIndex, isFirstAccountOfItsID: isFirstAccountOfItsID,
            itemOfLine: itemOfLine)
        let middle = tasks.count / 2
        var resolved: ResolvedTasks
        if tasks.count >= sideBySideFrom, Concurrently.isParallel || sideBySideFrom < Concurrently.smallWork {
            let (first, second) = Concurrently.both(
                size: tasks.count, { resolver.resolve(0..<middle) }, { resolver.resolve(middle..<tasks.count) })
            resolved = first
            resolved.append(second)
        } else {
            resolved = resolver.resolve(tasks.indices)
        }
        // Items that are not their line's are numbered in plan order, after the instance's.
        for position in tasks.indices where resolved.item[position] < 0 {
            let taskItem = tasks[position].item
            resolved.item[position] = itemNumbers.insertIfAbsent(taskItem, itemNumbers.count) ?? itemNumbers.count - 1
        }
        let lineOfTask = resolved.line
        let accountOfTask = resolved.account
        let kindOfTask = resolved.kind
        let statusOfTask = resolved.status
        let dayOfTask = resolved.day
        let activeTasks = tasks.indices.filter { statusOfTask[$0] != .missed }
        self.lineOfTask = lineOfTask
        self.accountOfTask = accountOfTask
        self.itemOfTask = resolved.item
        self.activeTasks = activeTasks
        self.kindOfTask = kindOfTask
        self.statusOfTask = statusOfTask
        self.dayOfTask = dayOfTask
        self.itemNumbers = itemNumbers

        // The task id index (and the `after` links it resolves) on one core, the buckets by
        // line and account on the other.
        let accountCount = instance.accounts.count
        let (ids, buckets) = Concurrently.both(
            size: tasks.count,
            { () -> (TaskIDIndex, [Int?]) in
                let positionByID = TaskIDIndex(
                    tasks: tasks, kinds: kindOfTask, lineOfTask: lineOfTask, lineCount: lines.count,
                    lineIndex: lineIndex)
                let duplicated = positionByID.duplicated
                // A review's purchase is usually the task just before it; with no id used twice,
                // a task with that id is the one the dictionary would give.
                let afterOfTask = tasks.indices.map { position -> Int? in
                    guard let after = tasks[position].after else { return nil }
                    if duplicated.isEmpty, position > 0, tasks[position - 1].id == after { return position - 1 }
                    return positionByID.firstPosition(of: after)
                }
                return (positionByID, afterOfTask)
            },
            { () -> (TaskBuckets, TaskBuckets, TaskBuckets) in
                let ofLine = TaskBuckets(count: lines.count, positions: activeTasks) { lineOfTask[$0] }
                let byDay: (Int, Int) -> Bool = { a, b in
                    let dayA = dayOfTask[a], dayB = dayOfTask[b]
                    return dayA != dayB ? dayA < dayB : a < b
                }
                // Bucketing keeps the order it is given: from the tasks in (day, position)
                // order, every account's bucket comes out in that order with no sort of its own.
                let byDayThenPosition = Self.sortedByDay(activeTasks, dayOfTask: dayOfTask)
                var purchases = TaskBuckets(count: accountCount, positions: byDayThenPosition ?? activeTasks) {
                    kindOfTask[$0] == .purchase ? accountOfTask[$0] : nil
                }
                if byDayThenPosition == nil { purchases.sortEachBucket(by: byDay) }
                var reviews = TaskBuckets(count: accountCount, positions: byDayThenPosition ?? activeTasks) {
                    kindOfTask[$0] == .review ? accountOfTask[$0] : nil
                }
                if byDayThenPosition == nil { reviews.sortEachBucket(by: byDay) }
                return (ofLine, purchases, reviews)
            })
        positionByID = ids.0
        afterOfTask = ids.1
        duplicatedTaskIDs = ids.0.duplicated
        (activeTasksOfLine, purchasesOfAccount, reviewsOfAccount) = buckets
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

    /// Whether some line of the instance asks for `item`.
    package func isItemOfTheInstance(_ item: ItemID) -> Bool {
        guard let number = itemNumbers[item] else { return false }
        return number < itemCount
    }

    /// The task at a position of `plan.tasks`.
    package func task(_ position: Int) -> PlanTask { plan.tasks[position] }

    /// Whether the task at `position` is planned (`pending`), not history.
    package func isPending(_ position: Int) -> Bool { statusOfTask[position] == .pending }

    /// The day of the task at `position`.
    package func day(ofTask position: Int) -> Day { Day(ordinal: dayOfTask[position]) }

    /// The position of the first task with this id, if any.
    package func firstPosition(of id: TaskID) -> Int? { positionByID.firstPosition(of: id) }

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
        if let position = afterOfTask[review], kindOfTask[position] == .purchase, statusOfTask[position] != .missed,
            sameLine(position, review)
        {
            return position
        }
        guard let line = lineOfTask[review] else { return nil }
        var found: Int?
        for position in activeTasksOfLine[line] where kindOfTask[position] == .purchase {
            if found != nil { return nil }
            found = position
        }
        return found
    }

    /// The two tasks name the same line id (compared by line position when both are known:
    /// equal ids have the same first position).
    package func sameLine(_ a: Int, _ b: Int) -> Bool {
        if let lineA = lineOfTask[a], let lineB = lineOfTask[b] { return lineA == lineB }
        return plan.tasks[a].line == plan.tasks[b].line
    }

    /// The two tasks name the same account id (by account position when both are known).
    package func sameAccount(_ a: Int, _ b: Int) -> Bool {
        if let accountA = accountOfTask[a], let accountB = accountOfTask[b] { return accountA == accountB }
        return plan.tasks[a].account == plan.tasks[b].account
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

/// Per plan task: what `ValidationContext` resolves in its one pass over the tasks. `item` is
/// -1 where the task's item is not its line's (numbered afterwards, in plan order).
private struct ResolvedTasks {
    var line: [Int?] = []
    var account: [Int?] = []
    var item: [Int] = []
    var kind: [TaskKind] = []
    var status: [TaskStatus] = []
    var day: [Int] = []

    init(capacity: Int) {
        line.reserveCapacity(capacity)
        account.reserveCapacity(capacity)
        item.reserveCapacity(capacity)
        kind.reserveCapacity(capacity)
        status.reserveCapacity(capacity)
        day.reserveCapacity(capacity)
    }

    /// `later`'s tasks after these.
    mutating func append(_ later: ResolvedTasks) {
        line += later.line
        account += later.account
        item += later.item
        kind += later.kind
        status += later.status
        day += later.day
    }
}

/// Resolves plan tasks' ids against the instance's tables (`ValidationContext`).
private struct TaskResolver {
    let tasks: [PlanTask]
    let lines: [ResolvedLine]
    let lineIndex: IdentifierMap<LineTag>
    let isFirstOfItsID: [Bool]
    let accounts: [Account]
    let accountIndex: IdentifierMap<AccountTag>
    let isFirstAccountOfItsID: [Bool]
    let itemOfLine: [Int]

    /// The tasks at `positions`, in order.
    func resolve(_ positions: Range<Int>) -> ResolvedTasks {
        var out = ResolvedTasks(capacity: positions.count)
        // Plans list their tasks line by line, a review after its purchase by the same
        // account: the previous task's line and account (or the next line) are tried first,
        // and taken only when the ids are equal and the guess is the first with its id, that
        // is exactly what the dictionaries would answer.
        var lineGuess = 0
        var accountGuess = 0
        // Fields are read in place (`tasks[position].line`), not through a copy of the task.
        for position in positions {
            let taskLine = tasks[position].line
            let line: Int?
            if lineGuess < lines.count, isFirstOfItsID[lineGuess], lines[lineGuess].id == taskLine {
                line = lineGuess
            } else if lineGuess + 1 < lines.count, isFirstOfItsID[lineGuess + 1], lines[lineGuess + 1].id == taskLine {
                line = lineGuess + 1
            } else {
                line = lineIndex[taskLine]
            }
            if let line { lineGuess = line }
            out.line.append(line)
            let taskAccount = tasks[position].account
            let account: Int?
            if accountGuess < accounts.count, isFirstAccountOfItsID[accountGuess],
                accounts[accountGuess].id == taskAccount
            {
                account = accountGuess
            } else {
                account = accountIndex[taskAccount]
            }
            if let account { accountGuess = account }
            out.account.append(account)
            if let line, lines[line].item == tasks[position].item {
                out.item.append(itemOfLine[line])
            } else {
                out.item.append(-1)
            }
            out.kind.append(tasks[position].kind)
            out.status.append(tasks[position].status)
            out.day.append(tasks[position].date.ordinal)
        }
        return out
    }
}
