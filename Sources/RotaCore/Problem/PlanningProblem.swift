/// The instance in dense integer form for solvers and bounds: days are offsets from `start`
/// (0 ..< `horizon`), accounts, items and lines are array indices, and unlimited caps are
/// `PlanningProblem.unlimited`.
public struct PlanningProblem: Sendable {
    /// Stands for "no cap": large, yet safe to add up over a million account-days.
    package static let unlimited = 1 << 40

    public let instance: Instance
    /// Days 0 ..< horizon are plannable.
    public let horizon: Int

    package let accountIDs: [AccountID]
    package let accountIndex: IdentifierMap<AccountTag>
    package let itemIDs: [ItemID]
    package let itemIndex: IdentifierMap<ItemTag>
    /// Lines in input order (order by order, line by line), resolved.
    package let lines: [ResolvedLine]
    package let lineIndex: IdentifierMap<LineTag>

    // Per account.
    package let dailyLimit: [Int]
    /// `available[a][d]`: account `a` may work on day `d`.
    package let available: [[Bool]]
    package let rolling: [RollingCap?]

    // Rules.
    package let sameItemPerDay: Int
    package let sameItemTotal: Int
    package let reviewsPerDay: Int

    // Per line.
    package let lineItem: [Int]
    /// First day the purchase may be made (`max(start, earliest)`, as an offset).
    package let firstPurchaseDay: [Int]
    package let lag: [Int]
    /// Due day offset (the review should be on or before it), if any.
    package let due: [Int?]
    package let weight: [Double]
    /// What is still to plan for each line, given completed history.
    package let need: [LineNeed]

    // Completed history (never missed ones): it counts against every cap.
    package let completedPurchases: [HistoryPurchase]
    package let completedReviews: [HistoryReview]
    /// Pending tasks of `existing`, by line: where the earlier plan had them.
    package let pendingPurchase: [Int: Placement]
    package let pendingReview: [Int: Placement]
    /// Overrides (pins, forbidden accounts, weight floors) in dense form: hard constraints.
    package let overrides: ProblemOverrides

    /// Builds the dense form. The instance must have passed the format checks (ids known, unique).
    public init(_ instance: Instance) {
        self.init(instance, lineIndex: nil)
    }

    /// The problem of `instance`, taking `lineIndex` as its line index when given: it must be
    /// the index of this instance's line ids, each line's position in `Instance.resolvedLines`
    /// (the one `InstanceChecker.checkAndIndex` builds on an instance it passes; a policy file
    /// laid over the instance changes no line). Half a million line ids are then not hashed
    /// a second time.
    package init(_ instance: Instance, lineIndex given: IdentifierMap<LineTag>?) {
        self.instance = instance
        horizon = max(0, instance.horizonDays)
        let start = instance.start
        func cap(_ value: Int?) -> Int { value.map { max(0, $0) } ?? Self.unlimited }

        accountIDs = instance.accounts.map(\.id)
        var accountIndex = IdentifierMap<AccountTag>(capacity: accountIDs.count)
        for (i, id) in accountIDs.enumerated() { accountIndex.insertIfAbsent(id, i) }
        self.accountIndex = accountIndex
        dailyLimit = instance.accounts.map { cap($0.dailyLimit) }
        rolling = instance.accounts.map(\.rolling)
        available = instance.accounts.map { account in
            var days = [Bool](repeating: true, count: max(0, instance.horizonDays))
            for day in account.unavailable {
                let d = day - start
                if d >= 0 && d < days.count { days[d] = false }
            }
            return days
        }

        sameItemPerDay = cap(instance.rules.sameItemPerAccountPerDay)
        sameItemTotal = cap(instance.rules.sameItemPerAccount)
        reviewsPerDay = cap(instance.rules.reviewsPerAccountPerDay)

        let lines = instance.resolvedLines
        self.lines = lines
        let lineIndex: IdentifierMap<LineTag>
        if let given, given.count == lines.count {
            lineIndex = given
        } else {
            var built = IdentifierMap<LineTag>(capacity: lines.count)
            for (i, line) in lines.enumerated() { built.insertIfAbsent(line.id, i) }
            lineIndex = built
        }
        self.lineIndex = lineIndex

        var itemIDs: [ItemID] = []
        var itemIndex = IdentifierMap<ItemTag>(capacity: 1024)
        var lineItem: [Int] = []
        lineItem.reserveCapacity(lines.count)
        for line in lines {
            if let i = itemIndex.insertIfAbsent(line.item, itemIDs.count) {
                lineItem.append(i)
            } else {
                lineItem.append(itemIDs.count)
                itemIDs.append(line.item)
            }
        }
        self.itemIDs = itemIDs
        self.itemIndex = itemIndex
        self.lineItem = lineItem
        firstPurchaseDay = lines.map { line in max(0, (line.earliest ?? start) - start) }
        lag = lines.map { max(0, $0.lag) }
        due = lines.map { $0.due.map { $0 - start } }
        weight = lines.map(\.weight)

        var need = [LineNeed](repeating: .purchaseAndReview, count: lines.count)
        var completedPurchases: [HistoryPurchase] = []
        var completedReviews: [HistoryReview] = []
        var pendingPurchase: [Int: Placement] = [:]
        var pendingReview: [Int: Placement] = [:]
        var reviewDone = Set<Int>()
        for task in instance.existing {
            guard let l = lineIndex[task.line], let a = accountIndex[task.account] else { continue }
            let d = task.date - start
            switch (task.status, task.kind) {
            case (.completed, .purchase):
                completedPurchases.append(HistoryPurchase(account: a, item: lineItem[l], day: d, line: l))
                need[l] = reviewDone.contains(l) ? .done : .review(account: a, purchaseDay: d)
            case (.completed, .review):
                completedReviews.append(HistoryReview(account: a, day: d, line: l))
                reviewDone.insert(l)
                if case .review = need[l] { need[l] = .done }
            case (.pending, .purchase):
                pendingPurchase[l] = Placement(account: a, day: d)
            case (.pending, .review):
                pendingReview[l] = Placement(account: a, day: d)
            case (.missed, _):
                break
            }
        }
        self.need = need
        self.completedPurchases = completedPurchases
        self.completedReviews = completedReviews
        self.pendingPurchase = pendingPurchase
        self.pendingReview = pendingReview
        overrides =
            instance.overrides.isEmpty
            ? ProblemOverrides() : ProblemOverrides(instance, lineIndex: lineIndex, accountIndex: accountIndex)
    }

    public var accountCount: Int { accountIDs.count }
    public var itemCount: Int { itemIDs.count }
    public var lineCount: Int { lines.count }
}

/// What a line still needs, given the instance's completed history.
package enum LineNeed: Hashable, Sendable {
    /// A new purchase and its review.
    case purchaseAndReview
    /// Its purchase is completed (by `account`, on day offset `purchaseDay`); a review is needed.
    case review(account: Int, purchaseDay: Int)
    /// Purchase and review are both completed.
    case done
}

/// An account and a day offset.
package struct Placement: Hashable, Sendable {
    package var account: Int
    package var day: Int
    package init(account: Int, day: Int) {
        self.account = account
        self.day = day
    }
}

/// A completed purchase of `existing`, in dense form (`day` may be before 0).
package struct HistoryPurchase: Hashable, Sendable {
    package var account: Int
    package var item: Int
    package var day: Int
    package var line: Int
}

/// A completed review of `existing`, in dense form (`day` may be before 0).
package struct HistoryReview: Hashable, Sendable {
    package var account: Int
    package var day: Int
    package var line: Int
}
