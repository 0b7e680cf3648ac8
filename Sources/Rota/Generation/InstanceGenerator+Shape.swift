import RotaCore

extension InstanceGenerator {
    /// What generated instances look like: sizes, rules and how often each feature appears.
    /// Probabilities are in 0 ... 1; ranges are drawn from uniformly.
    package struct Shape: Hashable, Sendable {
        /// Prefix of the instance's name (`<name>-<seed>`); a family name such as `small`.
        package var name: String
        package var start: Day
        package var accounts: Int
        package var lines: Int
        package var linesPerOrder: ClosedRange<Int>
        package var items: Int
        /// Zipf exponent of item popularity: 0 is uniform, larger favours the first items.
        package var itemSkew: Double
        package var horizonDays: Int

        package var dailyLimit: ClosedRange<Int>
        /// Chance that an account has no daily limit (`null`).
        package var unlimitedDailyLimit: Double
        /// Chance that an account is unavailable on a given day of the horizon.
        package var unavailable: Double
        package var rolling: RollingShape?

        package var sameItemPerAccountPerDay: Int?
        package var sameItemPerAccount: Int?
        package var reviewsPerAccountPerDay: Int?
        /// The instance's `reviewLagDays` is drawn from it.
        package var reviewLag: ClosedRange<Int>
        /// Chance that a line overrides the lag, and the overrides' range.
        package var lagOverride: Double
        package var lagOverrideDays: ClosedRange<Int>
        /// Chance that a line has an `earliest` day, up to `earliestSpreadDays` after `start`.
        package var earliest: Double
        package var earliestSpreadDays: Int

        /// Chance that an order has an explicit `dueDate`, `dueDays` after `start`.
        package var dueDate: Double
        package var dueDays: ClosedRange<Int>
        /// Chance that an order has an SLA tier (due `createdAt` + the tier's days).
        package var slaTier: Double
        /// Chance that an order has `indices` (its priority becomes the policy's score).
        package var indices: Double
        package var weight: ClosedRange<Double>

        /// Each item on ⌊lines / items⌋ or ⌈lines / items⌉ lines, in a shuffled order, instead of
        /// drawn by popularity (`itemSkew` is then ignored): every item is wanted equally often.
        package var evenItems = false
        /// When set, each account's hard rolling cap (if `rolling` has one) is m × its daily
        /// limit, m drawn from this range, whatever the window's length; `rolling.fill` is then
        /// ignored (the soft cap is still 80% of the hard one).
        package var hardCapPerDailyLimit: ClosedRange<Int>?

        /// Tasks of an earlier plan in `existing`, or none.
        package var history: HistoryShape?

        package init(
            name: String = "generated", start: Day = InstanceGenerator.defaultStart, accounts: Int = 3, lines: Int = 12,
            linesPerOrder: ClosedRange<Int> = 1...3, items: Int = 6, itemSkew: Double = 0, horizonDays: Int = 60,
            dailyLimit: ClosedRange<Int> = 1...3, unlimitedDailyLimit: Double = 0, unavailable: Double = 0,
            rolling: RollingShape? = nil, sameItemPerAccountPerDay: Int? = 1, sameItemPerAccount: Int? = nil,
            reviewsPerAccountPerDay: Int? = nil, reviewLag: ClosedRange<Int> = 4...4, lagOverride: Double = 0,
            lagOverrideDays: ClosedRange<Int> = 2...7, earliest: Double = 0, earliestSpreadDays: Int = 0,
            dueDate: Double = 0, dueDays: ClosedRange<Int> = 7...21, slaTier: Double = 0, indices: Double = 0,
            weight: ClosedRange<Double> = 1...1, history: HistoryShape? = nil
        ) {
            self.name = name
            self.start = start
            self.accounts = accounts
            self.lines = lines
            self.linesPerOrder = linesPerOrder
            self.items = items
            self.itemSkew = itemSkew
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
    package struct RollingShape: Hashable, Sendable {
        package var days: ClosedRange<Int>
        package var soft: Bool
        package var hard: Bool
        /// The hard cap's share of `days × dailyLimit` (the soft cap is 80% of it).
        package var fill: Double

        package init(days: ClosedRange<Int> = 7...7, soft: Bool = true, hard: Bool = true, fill: Double = 0.7) {
            self.days = days
            self.soft = soft
            self.hard = hard
            self.fill = fill
        }
    }

    /// History from an earlier plan: some lines were planned from `days` before `start`;
    /// their tasks before `start` are completed (or missed), later ones may stay pending.
    package struct HistoryShape: Hashable, Sendable {
        package var days: Int
        /// Share of lines that were in the earlier plan.
        package var lines: Double
        /// Chance that a task before `start` was missed rather than completed.
        package var missed: Double
        /// Chance that a task on or after `start` is kept as `pending`.
        package var pending: Double

        package init(days: Int = 7, lines: Double = 0.3, missed: Double = 0.2, pending: Double = 0.5) {
            self.days = days
            self.lines = lines
            self.missed = missed
            self.pending = pending
        }
    }
}
