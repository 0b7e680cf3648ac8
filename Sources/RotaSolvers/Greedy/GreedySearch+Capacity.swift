extension GreedySearch {
    /// The smallest makespan by which the accounts could have made `purchases` purchases, each
    /// at least `shortestLag` days before the makespan's last day: per account, its available
    /// days times its daily limit (and hard cap), bounded by the hard cap per rolling window.
    /// History is ignored, so this never overstates what is possible.
    func purchaseCapacityBound(purchases: Int, shortestLag: Int) -> Int {
        let horizon = problem.horizon
        let accounts = problem.accountCount
        var perDay = [Int](repeating: 0, count: accounts)
        var running = [Int](repeating: 0, count: accounts)
        for a in 0..<accounts {
            var slots = problem.dailyLimit[a]
            if let cap = problem.rolling[a], cap.days > 0, let hard = cap.hard { slots = min(slots, max(0, hard)) }
            perDay[a] = slots
        }
        for days in 1...max(1, horizon - shortestLag) where days <= horizon {
            var capacity = 0
            for a in 0..<accounts {
                if problem.available[a][days - 1] { running[a] += perDay[a] }
                var slots = running[a]
                if let cap = problem.rolling[a], cap.days > 0, let hard = cap.hard {
                    let windows = days <= cap.days ? 1 : (days - 1) / cap.days + 1
                    slots = min(slots, max(0, hard).multipliedReportingOverflow(by: windows).partialValue)
                }
                capacity += min(slots, purchases)
                if capacity >= purchases { return days + shortestLag }
            }
        }
        return 0
    }
}
