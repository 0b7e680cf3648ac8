/// A plan (`fulfillment-plan/1`): dated tasks, the lines left out, and how it was made.
public struct Plan: Hashable, Sendable {
    public static let formatTag = "fulfillment-plan/1"

    public var format: String
    /// The instance's name.
    public var instance: String?
    /// How the plan was made; kept apart from the tasks.
    public var solver: SolverRun?
    public var tasks: [PlanTask]
    public var unscheduled: [UnscheduledLine]
    /// Each line's priority and due date (`rota solve` writes them; `nil` when the file has none).
    package var lines: [LineAnnotation]?

    public init(
        format: String = Plan.formatTag, instance: String? = nil, solver: SolverRun? = nil, tasks: [PlanTask],
        unscheduled: [UnscheduledLine] = []
    ) {
        self.format = format
        self.instance = instance
        self.solver = solver
        self.tasks = tasks
        self.unscheduled = unscheduled
    }
}

/// Whether a task buys the item or reviews the purchase.
public enum TaskKind: String, Hashable, Sendable, CaseIterable {
    case purchase
    case review
}

/// Where a task stands: `completed` and `missed` are history, `pending` is planned.
public enum TaskStatus: String, Hashable, Sendable, CaseIterable {
    case pending
    case completed
    case missed
}

/// One dated purchase or review by an account.
public struct PlanTask: Hashable, Sendable {
    public var id: TaskID
    public var kind: TaskKind
    public var line: LineID
    public var order: OrderID
    public var item: ItemID
    public var account: AccountID
    public var date: Day
    public var status: TaskStatus
    /// For a review: its line's purchase.
    public var after: TaskID?

    public init(
        id: TaskID, kind: TaskKind, line: LineID, order: OrderID, item: ItemID, account: AccountID, date: Day,
        status: TaskStatus = .pending, after: TaskID? = nil
    ) {
        self.id = id
        self.kind = kind
        self.line = line
        self.order = order
        self.item = item
        self.account = account
        self.date = date
        self.status = status
        self.after = after
    }
}

/// A line the plan leaves out, and why.
public struct UnscheduledLine: Hashable, Sendable {
    public var line: LineID
    public var reason: String

    public init(line: LineID, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// What happened to the model: a value in the result, not an error.
public enum SolveStatus: String, Hashable, Sendable, CaseIterable {
    /// Proven optimal for the objective.
    case optimal
    /// A valid plan, not proven optimal.
    case feasible
    /// Stopped by the time limit with the best plan found.
    case timeLimit = "time-limit"
    /// Stopped by the node (work) limit with the best plan found.
    case nodeLimit = "node-limit"
    /// Stopped by the user (Ctrl-C) with the best plan found.
    case interrupted
    /// No plan schedules any line.
    case infeasible
    /// A heuristic plan with no claim of optimality.
    case heuristic
}

/// How a plan was made: solver, outcome, bound, time, settings and versions.
public struct SolverRun: Hashable, Sendable {
    public var name: String
    public var status: SolveStatus
    public var seconds: Double
    /// A proven lower bound on the makespan (for plans leaving out no more lines than necessary).
    public var lowerBound: Int?
    /// `(makespan - lowerBound) / makespan`, 0 when proven optimal.
    public var gap: Double?
    /// A proven lower bound on the weighted lateness of every valid plan leaving out no more
    /// lines than this one and finishing by its makespan (`LatenessBounds`).
    package var latenessBound: Double?
    /// `(weighted lateness − latenessBound) / weighted lateness`, 0 when proven optimal.
    package var latenessGap: Double?
    /// Settings that reproduce the run (flag → value).
    public var settings: [String: String]
    /// rota's version, and GLPK's when used.
    public var versions: [String: String]

    public init(
        name: String, status: SolveStatus, seconds: Double, lowerBound: Int? = nil, gap: Double? = nil,
        settings: [String: String] = [:], versions: [String: String] = [:]
    ) {
        self.name = name
        self.status = status
        self.seconds = seconds
        self.lowerBound = lowerBound
        self.gap = gap
        self.settings = settings
        self.versions = versions
    }
}
