import RotaCore

extension InstanceGenerator {
    /// What generated instances look like: sizes, rules and how often each feature appears.
    /// Probabilities are in 0 ... 1; ranges are drawn from uniformly.
    public struct Shape: Hashable, Sendable {
        /// Prefix of the instance's name (`<name>-<seed>`); a family name such as `small`.
        public var name: String
        public var start: Day
        public var accounts: Int
        public var lines: Int
        public var linesPerOrder: ClosedRange<Int>
        public var items: Int
        /// Zipf exponent of item popularity: 0 is uniform, larger favours the first items.
        public var itemSkew: Double
        /// Each item on ⌊lines / items⌋ or ⌈lines / items⌉ lines, in a shuffled order, instead of
        /// drawn by popularity (`itemSkew` is then ignored): every item is wanted equally often.
        public var evenItems: Bool
        public var horizonDays: Int

        public var dailyLimit: ClosedRange<Int>
        /// Chance that an account has no daily limit (`null`).
        public var unlimitedDailyLimit: Double
        /// Chance that an account is unavailable on a given day of the horizon.
        public var unavailable: Double
        public var rolling: RollingShape?

        public var sameItemPerAccountPerDay: Int?
        public var sameItemPerAccount: Int?
        public var reviewsPerAccountPerDay: Int?
        /// The instance's `reviewLagDays` is drawn from it.
        public var reviewLag: ClosedRange<Int>
        /// Chance that a line overrides the lag, and the overrides' range.
        public var lagOverride: Double
        public var lagOverrideDays: ClosedRange<Int>
        /// Chance that a line has an `earliest` day, up to `earliestSpreadDays` after `start`.
        public var earliest: Double
        public var earliestSpreadDays: Int

        /// Chance that an order has an explicit `dueDate`, `dueDays` after `start`.
        public var dueDate: Double
        public var dueDays: ClosedRange<Int>
        /// Chance that an order has an SLA tier (due `createdAt` + the tier's days).
        public var slaTier: Double
        /// Chance that an order has `indices` (its priority becomes the policy's score).
        public var indices: Double
        public var weight: ClosedRange<Double>

        /// Tasks of an earlier plan in `existing`, or none.
        public var history: HistoryShape?

        public init(
            name: String = "generated", start: Day = InstanceGenerator.defaultStart, accounts: Int = 3, lines: Int = 12,
            linesPerOrder: ClosedRange<Int> = 1...3, items: Int = 6, itemSkew: Double = 0, horizonDays: Int = 60,
            dailyLimit: ClosedRange<Int> = 1...3, unlimitedDailyLimit: Double = 0, unavailable: Double = 0,
            rolling: RollingShape? = nil, sameItemPerAccountPerDay: Int? = 1, sameItemPerAccount: Int? = nil,
            reviewsPerAccountPerDay: Int? = nil, reviewLag: ClosedRange<Int> = 4...4, lagOverride: Double = 0,
            lagOverrideDays: ClosedRange<Int> = 2...7, earliest: Double = 0, earliestSpreadDays: Int = 0,
            dueDate: Double = 0, dueDays: ClosedRange<Int> = 7...21, slaTier: Double = 0, indices: Double = 0,
            weight: ClosedRange<Double> = 1...1, history: HistoryShape? = nil, evenItems: Bool = false
        ) {
            self.name = name
            self.start = start
            self.accounts = accounts
            self.lines = lines
            self.linesPerOrder = linesPerOrder
            self.items = items
            self.itemSkew = itemSkew
            self.evenItems = evenItems
            self.horizonDays = horizonDays
            self.dailyLimit = dailyLimit
            self.unlimitedDailyLimit = unlimitedDailyLimit
            self.unavailable = unavailable
            self.rolling = rolling
            self.sameItemPerAccountPerDay = sameItemPerAccountPerDay
            self.sameItemPerAccount = sameItemPerAccount
            self.reviewsPerAccountPerDay = reviewsPerAccountPerDay
            self.reviewLag = reviewLag
            self.lagOverride = lagOverride
            self.lagOverrideDays = lagOverrideDays
            self.earliest = earliest
            self.earliestSpreadDays = earliestSpreadDays
            self.dueDate = dueDate
            self.dueDays = dueDays
            self.slaTier = slaTier
            self.indices = indices
            self.weight = weight
            self.history = history
        }
    }

    /// Rolling caps on every account: a window length, and caps as a share of what the
    /// account's daily limit would allow over the window.
    public struct RollingShape: Hashable, Sendable {
        public var days: ClosedRange<Int>
        public var soft: Bool
        public var hard: Bool
        /// The hard cap's share of `days × dailyLimit` (the soft cap is 80% of it).
        public var fill: Double
        /// When set, the hard cap is m × the daily limit with m drawn from it, whatever the
        /// window's length (`fill` is then ignored; the soft cap is still 80% of the hard one).
        public var dailyLimitMultiple: ClosedRange<Int>?

        public init(
            days: ClosedRange<Int> = 7...7, soft: Bool = true, hard: Bool = true, fill: Double = 0.7,
            dailyLimitMultiple: ClosedRange<Int>? = nil
        ) {
            self.days = days
            self.soft = soft
            self.hard = hard
            self.fill = fill
            self.dailyLimitMultiple = dailyLimitMultiple
        }
    }

    /// History from an earlier plan: some lines were planned from `days` before `start`;
    /// their tasks before `start` are completed (or missed), later ones may stay pending.
    public struct HistoryShape: Hashable, Sendable {
        public var days: Int
        /// Share of lines that were in the earlier plan.
        public var lines: Double
        /// Chance that a task before `start` was missed rather than completed.
        public var missed: Double
        /// Chance that a task on or after `start` is kept as `pending`.
        public var pending: Double

        public init(days: Int = 7, lines: Double = 0.3, missed: Double = 0.2, pending: Double = 0.5) {
            self.days = days
            self.lines = lines
            self.missed = missed
            self.pending = pending
        }
    }
}
