import RotaCore

/// What the flow must plan, read off a problem: the lines that need a purchase, the lines
/// whose purchase is completed and need only a review, and the completed history that holds
/// capacity.
struct FlowDemand: Sendable {
    let problem: PlanningProblem
    let calendar: FlowCalendar
    /// Lines needing a new purchase and its review, in line order.
    let purchaseLines: [Int]
    /// Lines whose purchase is completed and whose review is still to plan, in line order.
    let reviewLines: [FlowReviewLine]
    /// The makespan the completed reviews already reach (`max(0, last day + 1)`).
    let historyMakespan: Int
    /// The distinct lags of `purchaseLines`, ascending, and each purchase line's position in it.
    let lags: [Int]
    let lagIndex: [Int: Int]
    /// Completed purchases per account and day of the horizon.
    let purchasesOn: [[Int]]
    /// Completed purchases per (item, account, day of the horizon); absent means none.
    let itemPurchasesOn: [FlowItemAccountDay: Int]
    /// Completed purchases per (item, account), whatever the day.
    let itemPurchases: [FlowItemAccount: Int]
    /// Accounts with a completed purchase on a day of the horizon, per day.
    let itemHistoryAccounts: [Set<Int>]

    /// Per account and day, a cap on new purchases that keeps every window of the account's
    /// hard rolling cap (nil: no such cap applied): `days[d]` for the days listed, `after` for
    /// every later day (no completed purchase shares a window with them).
    let spreadCap: [(days: [Int], after: Int)]?

    /// The demand of `problem`; with `spreadingRollingCaps`, each account's new purchases are
    /// also capped per day so that no window of its hard rolling cap can be exceeded: a
    /// restriction (its flows are plans), not a relaxation (its makespans are no bounds).
    init(_ problem: PlanningProblem, spreadingRollingCaps: Bool = false) {
        self.problem = problem
        calendar = FlowCalendar(problem)
        var purchaseLines: [Int] = []
        var reviewLines: [FlowReviewLine] = []
        for (l, need) in problem.need.enumerated() {
            switch need {
            case .purchaseAndReview:
                purchaseLines.append(l)
            case .review(let account, let purchaseDay):
                let day = calendar.reviewDay(account, purchasedOn: purchaseDay, lag: problem.lag[l])
                reviewLines.append(
                    FlowReviewLine(line: l, account: account, purchaseDay: purchaseDay, earliestReview: day))
            case .done:
                break
            }
        }
        self.purchaseLines = purchaseLines
        self.reviewLines = reviewLines
        historyMakespan = problem.completedReviews.reduce(0) { max($0, $1.day < Int.max ? $1.day + 1 : $1.day) }
        lags = Array(Set(purchaseLines.map { problem.lag[$0] })).sorted()
        var lagIndex: [Int: Int] = [:]
        for (k, lag) in lags.enumerated() { lagIndex[lag] = k }
        self.lagIndex = lagIndex

        let horizon = problem.horizon
        var purchasesOn = [[Int]](repeating: [Int](repeating: 0, count: horizon), count: problem.accountCount)
        var itemPurchasesOn: [FlowItemAccountDay: Int] = [:]
        var itemPurchases: [FlowItemAccount: Int] = [:]
        var itemHistoryAccounts = [Set<Int>](repeating: [], count: horizon)
        for purchase in problem.completedPurchases {
            itemPurchases[FlowItemAccount(item: purchase.item, account: purchase.account), default: 0] += 1
            guard purchase.day >= 0, purchase.day < horizon else { continue }
            purchasesOn[purchase.account][purchase.day] += 1
            itemPurchasesOn[
                FlowItemAccountDay(item: purchase.item, account: purchase.account, day: purchase.day), default: 0] += 1
            itemHistoryAccounts[purchase.day].insert(purchase.account)
        }
        self.purchasesOn = purchasesOn
        self.itemPurchasesOn = itemPurchasesOn
        self.itemPurchases = itemPurchases
        self.itemHistoryAccounts = itemHistoryAccounts
        spreadCap = spreadingRollingCaps ? Self.spreadCaps(problem) : nil
    }

    /// A new-purchase cap per account and day that no window of `length` days can exceed:
    /// `(hard − h) / min(length, horizon)`, rounded down, where h is the most completed
    /// purchases in any window holding the day. A window holds at most `min(length, horizon)`
    /// plan days, each capped by at most `(hard − its history) / min(length, horizon)`.
    private static func spreadCaps(_ problem: PlanningProblem) -> [(days: [Int], after: Int)] {
        let horizon = problem.horizon
        var history = [[Int]](repeating: [], count: problem.accountCount)
        for purchase in problem.completedPurchases { history[purchase.account].append(purchase.day) }
        return (0..<problem.accountCount).map { a in
            guard let rolling = problem.rolling[a], let hard = rolling.hard, rolling.days >= 1, horizon > 0 else {
                return ([], PlanningProblem.unlimited)
            }
            let days = history[a].sorted()
            let length = rolling.days
            let span = min(length, horizon)
            func count(from start: Int) -> Int {
                let (end, overflow) = start.addingReportingOverflow(length - 1)
                let last = overflow ? Int.max : end
                return days.count { $0 >= start && $0 <= last }
            }
            // From `last + length` on, no window holding a day holds a completed purchase.
            let (reach, overflow) = (days.last ?? -1).addingReportingOverflow(length)
            let listed = days.isEmpty ? 0 : overflow ? horizon : min(horizon, max(0, reach))
            let capped = (0..<listed).map { d in
                // The fullest window holding d starts on d or on a purchase day before it.
                var most = count(from: d)
                for p in days where p < d && p > d - length { most = max(most, count(from: p)) }
                return max(0, hard - most) / span
            }
            return (capped, max(0, hard) / span)
        }
    }

    /// Purchases of `item` that `account` may still make on `day` under the same-item daily cap.
    func itemRoom(_ item: Int, _ account: Int, _ day: Int) -> Int {
        let used = itemPurchasesOn[FlowItemAccountDay(item: item, account: account, day: day)] ?? 0
        return max(0, problem.sameItemPerDay - used)
    }

    /// Purchases `account` may still make on `day` under its daily limit.
    func dayRoom(_ account: Int, _ day: Int) -> Int {
        let room = max(0, problem.dailyLimit[account] - purchasesOn[account][day])
        return spreadCap.map { caps in
            let cap = caps[account]
            return min(room, day < cap.days.count ? cap.days[day] : cap.after)
        } ?? room
    }

    /// Purchases of `item` that `account` may still make under the whole-plan same-item cap.
    func itemTotalRoom(_ item: Int, _ account: Int) -> Int {
        max(0, problem.sameItemTotal - (itemPurchases[FlowItemAccount(item: item, account: account)] ?? 0))
    }

    /// Whether `line` can be bought and reviewed at all before the horizon (ignoring every cap
    /// but availability): some account works on a day from its first day whose review fits.
    func isReachable(_ line: Int) -> Bool {
        let first = problem.firstPurchaseDay[line]
        guard first < problem.horizon else { return false }
        for a in 0..<problem.accountCount {
            for d in first..<problem.horizon where calendar.isAvailable(a, on: d) {
                if calendar.reviewDay(a, purchasedOn: d, lag: problem.lag[line]) != nil { return true }
                break
            }
        }
        return false
    }
}

/// A line whose purchase is completed: it needs only a review, by the purchasing account.
struct FlowReviewLine: Hashable, Sendable {
    var line: Int
    var account: Int
    var purchaseDay: Int
    /// The first day the review can be (nil: none before the horizon).
    var earliestReview: Int?
}

/// An (item, account) pair, as a dictionary key.
struct FlowItemAccount: Hashable, Sendable {
    var item: Int
    var account: Int
}

/// An (item, account, day) triple, as a dictionary key.
struct FlowItemAccountDay: Hashable, Sendable {
    var item: Int
    var account: Int
    var day: Int
}
