import RotaCore

/// Recomputes every quality metric of a plan from its tasks alone (never trusts stored metrics).
///
/// Robust to invalid plans: tasks whose line or account is not in the instance are skipped,
/// and a line with several reviews is judged by its latest one.
public struct Scorer: Sendable {
    public init() {}

    /// The plan's metrics; `changes` is filled when `previous` is given.
    public func score(_ plan: Plan, for instance: Instance, previous: Plan? = nil) -> PlanMetrics {
        let lines = instance.resolvedLines
        var lineIndex = IdentifierMap<LineTag>(capacity: lines.count)
        var isFirstLine = [Bool](repeating: false, count: lines.count)
        for (i, line) in lines.enumerated() where lineIndex.insertIfAbsent(line.id, i) == nil {
            isFirstLine[i] = true
        }
        var accountIndex = IdentifierMap<AccountTag>(capacity: instance.accounts.count)
        var isFirstAccount = [Bool](repeating: false, count: instance.accounts.count)
        for (i, account) in instance.accounts.enumerated() where accountIndex.insertIfAbsent(account.id, i) == nil {
            isFirstAccount[i] = true
        }
        // Tasks come line by line, a review after its purchase by the same account: the
        // previous task's line (or the next) and account are tried first, and taken only when
        // equal and first with their id, which is what the dictionaries would answer.
        var lineGuess = 0
        var accountGuess = 0
        func line(of id: LineID) -> Int? {
            for guess in lineGuess...(lineGuess + 1)
            where guess < lines.count && isFirstLine[guess] && lines[guess].id == id {
                return guess
            }
            return lineIndex[id]
        }
        func account(of id: AccountID) -> Int? {
            if accountGuess < instance.accounts.count, isFirstAccount[accountGuess],
                instance.accounts[accountGuess].id == id
            {
                return accountGuess
            }
            return accountIndex[id]
        }
        let tasks = plan.tasks
        return metrics(of: plan, for: instance, lines: lines, previous: previous) { position in
            guard let l = line(of: tasks[position].line), let a = account(of: tasks[position].account) else { return nil }
            lineGuess = l
            accountGuess = a
            return (l, a)
        }
    }

    /// The metrics of the plan the validator's context holds, with the lines and accounts it
    /// has already found for each task (so that finishing a plan looks its ids up once).
    package func score(in context: ValidationContext, previous: Plan? = nil) -> PlanMetrics {
        metrics(of: context.plan, for: context.instance, lines: context.lines, previous: previous) { position in
            guard let l = context.lineOfTask[position], let a = context.accountOfTask[position] else { return nil }
            return (l, a)
        }
    }

    /// The metrics, given where each task's line and account are (`nil` skips the task).
    private func metrics(
        of plan: Plan, for instance: Instance, lines: [ResolvedLine], previous: Plan?,
        resolving resolve: (Int) -> (line: Int, account: Int)?
    ) -> PlanMetrics {
        var purchaseCount = [Int](repeating: 0, count: instance.accounts.count)
        var reviewCount = [Int](repeating: 0, count: instance.accounts.count)
        var purchaseDays = [[Int]](repeating: [], count: instance.accounts.count)
        var lastReviewOfLine = [Day?](repeating: nil, count: lines.count)
        var lastReview: Day?
        // Work per day is counted after the pass, over the span of days used (an array, not
        // a dictionary keyed by day: a plan has a million tasks and a few hundred days).
        var reviewDays: [Int] = []
        reviewDays.reserveCapacity(plan.tasks.count / 2)
        var purchases = 0
        var reviews = 0
        // Fields are read in place, not through a copy of each task.
        let tasks = plan.tasks
        for position in tasks.indices where tasks[position].status != .missed {
            guard let (l, a) = resolve(position) else { continue }
            let date = tasks[position].date
            switch tasks[position].kind {
            case .purchase:
                purchases += 1
                purchaseCount[a] += 1
                purchaseDays[a].append(date.ordinal)
            case .review:
                reviews += 1
                reviewCount[a] += 1
                reviewDays.append(date.ordinal)
                if let last = lastReviewOfLine[l], last >= date {} else { lastReviewOfLine[l] = date }
                if let last = lastReview, last >= date {} else { lastReview = date }
            }
        }

        let listed = Set(plan.unscheduled.map(\.line))
        var unscheduled = 0
        var weightedLateness = 0.0
        var lateLines = 0
        var tiers: [String: TierAdherence] = [:]
        for (l, line) in lines.enumerated() {
            // A line is scheduled when it has a review and is not listed as left out.
            let review = !listed.isEmpty && listed.contains(line.id) ? nil : lastReviewOfLine[l]
            if review == nil { unscheduled += 1 }
            guard let due = line.due else { continue }
            let onTime = review.map { $0 <= due } ?? false
            if let review, review > due {
                lateLines += 1
                weightedLateness += line.weight * Double(review - due)
            }
            if let tier = line.slaTier {
                // One hash per line (the entry is updated in place).
                Self.count(&tiers[tier, default: TierAdherence(tier: tier, lines: 0, onTime: 0)], onTime: onTime)
            }
        }

        let accountLoads = instance.accounts.indices.map {
            AccountLoad(account: instance.accounts[$0].id, purchases: purchaseCount[$0], reviews: reviewCount[$0])
        }
        let largestLoad = purchaseCount.max() ?? 0
        let spread = largestLoad - (purchaseCount.min() ?? 0)
        var softOverruns = 0
        for (a, account) in instance.accounts.enumerated() {
            guard let rolling = account.rolling, let soft = rolling.soft else { continue }
            softOverruns += SoftOverruns.count(
                purchaseDays: purchaseDays[a], windowDays: rolling.days, soft: soft)
        }
        let dayLoads = Self.dayLoads(purchaseDays: purchaseDays, reviewDays: reviewDays)

        return PlanMetrics(
            unscheduled: unscheduled,
            makespan: lastReview.map { max(0, $0 - instance.start + 1) } ?? 0,
            weightedLateness: weightedLateness,
            lateLines: lateLines,
            slaAdherence: tiers.values.sorted { $0.tier < $1.tier },
            largestLoad: largestLoad,
            spread: spread,
            softOverruns: softOverruns,
            purchases: purchases,
            reviews: reviews,
            accountLoads: accountLoads,
            dayLoads: dayLoads,
            changes: previous.map { Self.changes(from: $0, to: plan) })
    }

    /// One more line of a tier, on time or not.
    private static func count(_ tier: inout TierAdherence, onTime: Bool) {
        tier.lines += 1
        if onTime { tier.onTime += 1 }
    }

    /// Purchases and reviews per day, for the days with any, in day order.
    static func dayLoads(purchaseDays: [[Int]], reviewDays: [Int]) -> [DayLoad] {
        var low = Int.max
        var high = Int.min
        for days in purchaseDays {
            for day in days {
                low = min(low, day)
                high = max(high, day)
            }
        }
        for day in reviewDays {
            low = min(low, day)
            high = max(high, day)
        }
        guard low <= high else { return [] }
        guard high - low < max(1 << 16, reviewDays.count) else {
            // Days scattered over centuries (an invalid plan): count by dictionary instead.
            var work: [Int: (purchases: Int, reviews: Int)] = [:]
            for days in purchaseDays {
                for day in days { work[day, default: (0, 0)].purchases += 1 }
            }
            for day in reviewDays { work[day, default: (0, 0)].reviews += 1 }
            return work.keys.sorted().map { day in
                DayLoad(day: Day(ordinal: day), purchases: work[day]?.purchases ?? 0, reviews: work[day]?.reviews ?? 0)
            }
        }
        var purchases = [Int](repeating: 0, count: high - low + 1)
        var reviews = [Int](repeating: 0, count: high - low + 1)
        for days in purchaseDays {
            for day in days { purchases[day - low] += 1 }
        }
        for day in reviewDays { reviews[day - low] += 1 }
        var loads: [DayLoad] = []
        for offset in purchases.indices where purchases[offset] > 0 || reviews[offset] > 0 {
            loads.append(DayLoad(day: Day(ordinal: low + offset), purchases: purchases[offset], reviews: reviews[offset]))
        }
        return loads
    }
}
