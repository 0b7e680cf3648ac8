import RotaCore

/// Puts a `LeaveOutCause` in words a planner can act on, with the line's own days and lag.
struct LeaveOutExplainer {
    let problem: PlanningProblem
    /// `buyers[d]`: how many accounts are available with a non-zero allowance on day `d`;
    /// prefix sums, so a day range is checked in O(1).
    private let buyersBefore: [Int]

    init(problem: PlanningProblem) {
        self.problem = problem
        var prefix = [Int](repeating: 0, count: problem.horizon + 1)
        for d in 0..<problem.horizon {
            var count = 0
            for a in 0..<problem.accountCount where problem.available[a][d] && problem.dailyLimit[a] > 0 {
                if let cap = problem.rolling[a], cap.days > 0, let hard = cap.hard, hard <= 0 { continue }
                count += 1
            }
            prefix[d + 1] = prefix[d] + count
        }
        buyersBefore = prefix
    }

    func reason(line l: Int, cause: LeaveOutCause) -> String {
        let start = problem.instance.start
        let lag = problem.lag[l]
        let first = problem.firstPurchaseDay[l]
        let lastPurchase = problem.horizon - 1 - lag
        switch cause {
        case .none:
            return "not left out"
        case .beyondHorizon:
            if problem.horizon == 0 { return "the horizon is empty (horizonDays is 0)" }
            return "no account can review it before the horizon ends (earliest purchase \(start + first), lag \(lag))"
        case .itemExhausted:
            let item = problem.itemIDs[problem.lineItem[l]]
            return "every account has reached its limit for item \(item) (\(problem.sameItemTotal) per account)"
        case .reviewBlocked:
            if case .review(let a, let day) = problem.need[l] {
                return "account \(problem.accountIDs[a]), which made the purchase on \(start + day), "
                    + "has no day left to review it before the horizon ends (lag \(lag))"
            }
            return "no day is left to review it before the horizon ends (lag \(lag))"
        case .noCapacity:
            if problem.accountCount == 0 { return "the instance has no accounts" }
            if first > lastPurchase {
                return "no account can review it before the horizon ends (earliest purchase \(start + first), lag \(lag))"
            }
            let window = "between \(start + first) and \(start + lastPurchase)"
            if buyersBefore[lastPurchase + 1] - buyersBefore[first] == 0 {
                return "no account is available to purchase it \(window), the last day that leaves time for the lag-\(lag) review"
            }
            return "every account that could buy it was at capacity (daily, rolling, item or review limits) "
                + "\(window), the last day that leaves time for the lag-\(lag) review"
        }
    }
}
