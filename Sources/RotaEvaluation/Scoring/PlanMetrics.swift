import RotaCore

/// Every quality measure of a plan (FORMAT.md "Quality: how plans are scored"), recomputed from its tasks.
///
/// Only non-missed tasks whose line and account exist in the instance are counted.
public struct PlanMetrics: Hashable, Sendable {
    /// Lines of the instance left out: listed in `unscheduled`, or without a non-missed review.
    public var unscheduled: Int
    /// Days from `start` to the last non-missed review (completed included), both ends counted.
    /// 0 with no review. Clamped at 0: reviews that all lie before `start` also give 0.
    public var makespan: Int
    /// Σ over scheduled lines with a due date of weight × days the review is after the due date.
    public var weightedLateness: Double
    /// Scheduled lines whose review is after their due date (unscheduled lines are not counted here).
    public var lateLines: Int
    /// Per SLA tier, sorted by tier name: the share of its lines with a due date reviewed on time.
    public var slaAdherence: [TierAdherence]
    /// The largest number of non-missed purchases (completed included) of any account.
    public var largestLoad: Int
    /// Busiest minus idlest account's purchases, idle accounts included.
    public var spread: Int
    /// (account, window start day) pairs whose rolling window holds more purchases than `soft`.
    public var softOverruns: Int
    /// Non-missed purchases (completed included).
    public var purchases: Int
    /// Non-missed reviews (completed included).
    public var reviews: Int
    /// Work per account, in the instance's account order.
    public var accountLoads: [AccountLoad]
    /// Work per day, ascending, only days with at least one task.
    public var dayLoads: [DayLoad]
    /// Differences from a previous plan, when one was given.
    public var changes: PlanChanges?

    public init(
        unscheduled: Int, makespan: Int, weightedLateness: Double, lateLines: Int, slaAdherence: [TierAdherence],
        largestLoad: Int, spread: Int, softOverruns: Int, purchases: Int, reviews: Int,
        accountLoads: [AccountLoad], dayLoads: [DayLoad], changes: PlanChanges? = nil
    ) {
        self.unscheduled = unscheduled
        self.makespan = makespan
        self.weightedLateness = weightedLateness
        self.lateLines = lateLines
        self.slaAdherence = slaAdherence
        self.largestLoad = largestLoad
        self.spread = spread
        self.softOverruns = softOverruns
        self.purchases = purchases
        self.reviews = reviews
        self.accountLoads = accountLoads
        self.dayLoads = dayLoads
        self.changes = changes
    }
}

/// On-time share of one SLA tier's lines that have a due date.
public struct TierAdherence: Hashable, Sendable {
    public var tier: String
    /// Lines of the tier with a due date.
    public var lines: Int
    /// Those reviewed on or before the due date (unscheduled lines are late).
    public var onTime: Int

    public init(tier: String, lines: Int, onTime: Int) {
        self.tier = tier
        self.lines = lines
        self.onTime = onTime
    }

    /// `onTime / lines`; 1 for a tier without lines.
    public var share: Double { lines == 0 ? 1 : Double(onTime) / Double(lines) }
}

/// One account's non-missed work over the whole plan (completed included).
public struct AccountLoad: Hashable, Sendable {
    public var account: AccountID
    public var purchases: Int
    public var reviews: Int

    public init(account: AccountID, purchases: Int, reviews: Int) {
        self.account = account
        self.purchases = purchases
        self.reviews = reviews
    }
}

/// Non-missed work on one day, over all accounts.
public struct DayLoad: Hashable, Sendable {
    public var day: Day
    public var purchases: Int
    public var reviews: Int

    public init(day: Day, purchases: Int, reviews: Int) {
        self.day = day
        self.purchases = purchases
        self.reviews = reviews
    }
}
