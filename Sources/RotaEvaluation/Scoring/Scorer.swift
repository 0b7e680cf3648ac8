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
        var lineIndex: [LineID: Int] = [:]
        for (i, line) in lines.enumerated() where lineIndex[line.id] == nil { lineIndex[line.id] = i }
        var accountIndex: [AccountID: Int] = [:]
        for (i, account) in instance.accounts.enumerated() where accountIndex[account.id] == nil {
            accountIndex[account.id] = i
        }

        var purchaseCount = [Int](repeating: 0, count: instance.accounts.count)
        var reviewCount = [Int](repeating: 0, count: instance.accounts.count)
        var purchaseDays = [[Day]](repeating: [], count: instance.accounts.count)
        var lastReviewOfLine = [Day?](repeating: nil, count: lines.count)
        var lastReview: Day?
        var dayWork: [Day: (purchases: Int, reviews: Int)] = [:]
        var purchases = 0
        var reviews = 0
        for task in plan.tasks where task.status != .missed {
            guard let l = lineIndex[task.line], let a = accountIndex[task.account] else { continue }
            switch task.kind {
            case .purchase:
                purchases += 1
                purchaseCount[a] += 1
                purchaseDays[a].append(task.date)
                dayWork[task.date, default: (0, 0)].purchases += 1
            case .review:
                reviews += 1
                reviewCount[a] += 1
                dayWork[task.date, default: (0, 0)].reviews += 1
                if let last = lastReviewOfLine[l], last >= task.date {} else { lastReviewOfLine[l] = task.date }
                if let last = lastReview, last >= task.date {} else { lastReview = task.date }
            }
        }

        let listed = Set(plan.unscheduled.map(\.line))
        var unscheduled = 0
        var weightedLateness = 0.0
        var lateLines = 0
        var tiers: [String: TierAdherence] = [:]
        for (l, line) in lines.enumerated() {
            // A line is scheduled when it has a review and is not listed as left out.
            let review = listed.contains(line.id) ? nil : lastReviewOfLine[l]
            if review == nil { unscheduled += 1 }
            guard let due = line.due else { continue }
            let onTime = review.map { $0 <= due } ?? false
            if let review, review > due {
                lateLines += 1
                weightedLateness += line.weight * Double(review - due)
            }
            if let tier = line.slaTier {
                tiers[tier, default: TierAdherence(tier: tier, lines: 0, onTime: 0)].lines += 1
                if onTime { tiers[tier]?.onTime += 1 }
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
                purchaseDays: purchaseDays[a].map(\.ordinal), windowDays: rolling.days, soft: soft)
        }

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
            dayLoads: dayWork.sorted { $0.key < $1.key }.map {
                DayLoad(day: $0.key, purchases: $0.value.purchases, reviews: $0.value.reviews)
            },
            changes: previous.map { Self.changes(from: $0, to: plan) })
    }
}
