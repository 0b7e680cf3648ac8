import RotaCore

/// How a plan differs from a previous one, matching non-missed tasks by (line, kind).
///
/// Moved and added tasks are in the new plan's task order, removed ones in the previous plan's.
public struct PlanChanges: Hashable, Sendable {
    /// Tasks in both plans whose account or date differ.
    public var moved: [TaskMove]
    /// Tasks only in the new plan.
    public var added: [TaskSlot]
    /// Tasks only in the previous plan.
    public var removed: [TaskSlot]

    public init(moved: [TaskMove] = [], added: [TaskSlot] = [], removed: [TaskSlot] = []) {
        self.moved = moved
        self.added = added
        self.removed = removed
    }

    /// Moved, added and removed tasks together.
    public var count: Int { moved.count + added.count + removed.count }
}

/// Where a line's purchase or review is: account and date.
public struct TaskSlot: Hashable, Sendable {
    public var line: LineID
    public var kind: TaskKind
    public var account: AccountID
    public var date: Day

    public init(line: LineID, kind: TaskKind, account: AccountID, date: Day) {
        self.line = line
        self.kind = kind
        self.account = account
        self.date = date
    }
}

/// A task that changed account or date between two plans.
public struct TaskMove: Hashable, Sendable {
    public var line: LineID
    public var kind: TaskKind
    public var from: TaskSlot
    public var to: TaskSlot

    public init(from: TaskSlot, to: TaskSlot) {
        self.line = to.line
        self.kind = to.kind
        self.from = from
        self.to = to
    }
}
