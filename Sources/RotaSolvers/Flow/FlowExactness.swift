import RotaCore

/// What the flow cannot express, and whether any of it can bind on a problem.
///
/// The network holds availability, earliest days, lags, the horizon, daily limits and the
/// same-item daily cap exactly. The whole-plan same-item cap goes in as an (item, account)
/// layer for items whose purchase lines share first day and lag; for other items, and for
/// rolling-window hard caps and reviews per account per day, the flow is a relaxation —
/// unless the cap is too loose to bind, which is checked here.
struct FlowExactness: Sendable {
    /// Items whose whole-plan same-item cap can bind and is routed through the layer.
    let layeredItems: Set<Int>
    /// The caps that can bind and that the flow relaxes, in words; empty when exact.
    let relaxed: [String]
    /// Whether rolling-window hard caps can bind.
    let relaxesRollingCaps: Bool

    var isExact: Bool { relaxed.isEmpty }

    init(_ demand: FlowDemand) {
        let problem = demand.problem
        var relaxed: [String] = []
        let purchaseCount = demand.purchaseLines.count

        // Whole-plan same-item cap: binds for an item when some account could exceed it.
        var layered = Set<Int>()
        var looseItems: [Int] = []
        if problem.sameItemTotal < PlanningProblem.unlimited {
            var linesOfItem: [Int: [Int]] = [:]
            for l in demand.purchaseLines { linesOfItem[problem.lineItem[l], default: []].append(l) }
            var mostHistory: [Int: Int] = [:]
            for (pair, count) in demand.itemPurchases {
                mostHistory[pair.item] = max(mostHistory[pair.item] ?? 0, count)
            }
            for item in linesOfItem.keys.sorted() {
                let lines = linesOfItem[item] ?? []
                guard lines.count + (mostHistory[item] ?? 0) > problem.sameItemTotal else { continue }
                let first = lines.map { problem.firstPurchaseDay[$0] }
                let lags = lines.map { problem.lag[$0] }
                if Set(first).count == 1 && Set(lags).count == 1 {
                    layered.insert(item)
                } else {
                    looseItems.append(item)
                }
            }
        }
        if !looseItems.isEmpty {
            let names = looseItems.prefix(3).map { problem.itemIDs[$0].rawValue }.joined(separator: ", ")
            relaxed.append(
                "the whole-plan same-item cap (items whose lines differ in first day or lag: \(names)"
                    + (looseItems.count > 3 ? ", …" : "") + ")")
        }

        // Rolling hard caps: bind when a window can hold more purchases than the cap.
        var rollingAccounts: [Int] = []
        for (a, rolling) in problem.rolling.enumerated() {
            guard let rolling, let hard = rolling.hard, rolling.days >= 1 else { continue }
            let history = problem.completedPurchases.count { $0.account == a }
            let (window, overflow) = min(problem.dailyLimit[a], purchaseCount).multipliedReportingOverflow(
                by: min(rolling.days, problem.horizon))
            let most = history + min(purchaseCount, overflow ? Int.max : window)
            if most > hard { rollingAccounts.append(a) }
        }
        if !rollingAccounts.isEmpty { relaxed.append("rolling-window hard caps (\(rollingAccounts.count) accounts)") }

        // Reviews per account per day: bind when one day could hold more reviews than the cap.
        if problem.reviewsPerDay < PlanningProblem.unlimited {
            var historyReviews: [FlowItemAccountDay: Int] = [:]
            for review in problem.completedReviews {
                historyReviews[FlowItemAccountDay(item: 0, account: review.account, day: review.day), default: 0] += 1
            }
            let most = (historyReviews.values.max() ?? 0) + purchaseCount + demand.reviewLines.count
            if most > problem.reviewsPerDay { relaxed.append("the daily review cap per account") }
        }
        layeredItems = layered
        self.relaxed = relaxed
        relaxesRollingCaps = !rollingAccounts.isEmpty
    }
}
