/// A planning instance (`fulfillment-instance/1`): accounts, orders and the rules a plan obeys.
public struct Instance: Hashable, Sendable {
    public static let formatTag = "fulfillment-instance/1"

    public var format: String
    public var name: String?
    /// First plannable day.
    public var start: Day
    /// Every task is before `start + horizonDays`.
    public var horizonDays: Int
    public var rules: Rules
    public var accounts: [Account]
    public var orders: [Order]
    public var policy: Policy?
    /// Tasks of an earlier plan: completed and missed ones are history, pending ones may move.
    public var existing: [PlanTask]
    /// Managers' decisions about lines (rota extension, docs/FORMAT.md): hard constraints.
    package var overrides: [LineOverride] = []

    public init(
        format: String = Instance.formatTag, name: String? = nil, start: Day, horizonDays: Int = 365,
        rules: Rules, accounts: [Account], orders: [Order], policy: Policy? = nil, existing: [PlanTask] = []
    ) {
        self.format = format
        self.name = name
        self.start = start
        self.horizonDays = horizonDays
        self.rules = rules
        self.accounts = accounts
        self.orders = orders
        self.policy = policy
        self.existing = existing
    }

    /// The day after the last plannable day (`start + horizonDays`).
    public var end: Day { start + horizonDays }
}

/// Instance-wide rules. For every cap `nil` means unlimited.
public struct Rules: Hashable, Sendable {
    /// Days from purchase to review, unless a line overrides it.
    public var reviewLagDays: Int
    /// Purchases of one item by one account on one day (default 1).
    public var sameItemPerAccountPerDay: Int?
    /// Purchases of one item by one account over the whole plan, history included.
    public var sameItemPerAccount: Int?
    /// Reviews by one account on one day.
    public var reviewsPerAccountPerDay: Int?

    public init(
        reviewLagDays: Int, sameItemPerAccountPerDay: Int? = 1, sameItemPerAccount: Int? = nil,
        reviewsPerAccountPerDay: Int? = nil
    ) {
        self.reviewLagDays = reviewLagDays
        self.sameItemPerAccountPerDay = sameItemPerAccountPerDay
        self.sameItemPerAccount = sameItemPerAccount
        self.reviewsPerAccountPerDay = reviewsPerAccountPerDay
    }
}

/// An account that purchases items and reviews its own purchases.
public struct Account: Hashable, Sendable {
    public var id: AccountID
    /// Purchases per day; `nil` is unlimited.
    public var dailyLimit: Int?
    /// Days the account does nothing.
    public var unavailable: [Day]
    public var rolling: RollingCap?

    public init(id: AccountID, dailyLimit: Int?, unavailable: [Day] = [], rolling: RollingCap? = nil) {
        self.id = id
        self.dailyLimit = dailyLimit
        self.unavailable = unavailable
        self.rolling = rolling
    }
}

/// A cap on an account's purchases in every run of `days` consecutive days.
public struct RollingCap: Hashable, Sendable {
    public var days: Int
    /// Going over it is allowed and counted (`nil`: unlimited).
    public var soft: Int?
    /// Never exceeded (`nil`: unlimited).
    public var hard: Int?

    public init(days: Int, soft: Int? = nil, hard: Int? = nil) {
        self.days = days
        self.soft = soft
        self.hard = hard
    }
}

/// An order: lines sharing a due date, SLA tier and priority.
public struct Order: Hashable, Sendable {
    public var id: OrderID
    public var client: String?
    public var createdAt: Day?
    public var dueDate: Day?
    public var slaTier: String?
    /// Priority of each line (default 1), unless replaced by a score from `indices`.
    public var weight: Double
    public var indices: [String: Double]?
    public var lines: [Line]

    public init(
        id: OrderID, client: String? = nil, createdAt: Day? = nil, dueDate: Day? = nil, slaTier: String? = nil,
        weight: Double = 1, indices: [String: Double]? = nil, lines: [Line]
    ) {
        self.id = id
        self.client = client
        self.createdAt = createdAt
        self.dueDate = dueDate
        self.slaTier = slaTier
        self.weight = weight
        self.indices = indices
        self.lines = lines
    }
}

/// An order line: one purchase of `item` and, at least the lag later, its review by the same account.
public struct Line: Hashable, Sendable {
    public var id: LineID
    public var item: ItemID
    /// The purchase may not be before this day.
    public var earliest: Day?
    /// Overrides `rules.reviewLagDays` for this line.
    public var reviewLagDays: Int?

    public init(id: LineID, item: ItemID, earliest: Day? = nil, reviewLagDays: Int? = nil) {
        self.id = id
        self.item = item
        self.earliest = earliest
        self.reviewLagDays = reviewLagDays
    }
}

/// How priorities and SLA due dates are derived from orders; a policy file (docs/POLICY.md)
/// adds the objective, default rolling caps, override reason codes and KPI targets.
public struct Policy: Hashable, Sendable {
    /// Weights of the order indices; the weighted sum is the order's priority score.
    public var weights: [String: Double]?
    /// Days from `createdAt` to the due date, per SLA tier.
    public var slaTierDays: [String: Int]?
    /// How plans are ranked when no `--objective` is given (policy files only).
    package var objective: Objective?
    /// The rolling cap of every account that has none (policy files only).
    package var defaultRolling: RollingCap?
    /// Override reason codes accepted besides `Override.standardReasonCodes` (a policy file's,
    /// or the instance's own policy's: its overrides and a reschedule's events may use them).
    package var reasonCodes: [String]?
    /// Targets `rota score`, `compare` and `regress` check (policy files only).
    package var kpiTargets: [KPIRequirement]?

    public init(weights: [String: Double]? = nil, slaTierDays: [String: Int]? = nil) {
        self.weights = weights
        self.slaTierDays = slaTierDays
    }
}
