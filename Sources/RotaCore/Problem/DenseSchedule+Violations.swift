extension DenseSchedule {
    /// Every breach of FORMAT.md's feasibility rules by the planned (pending) tasks, with
    /// completed history counted against each cap; empty when the schedule is valid.
    public func violations(in problem: PlanningProblem) -> [String] {
        let history = PlanningHistory(problem)
        let horizon = problem.horizon
        var found: [String] = []
        var purchases: [[Int: Int]] = Array(repeating: [:], count: problem.accountCount)
        var itemDay: [[Int: [Int: Int]]] = Array(repeating: [:], count: problem.accountCount)
        var itemTotal: [[Int: Int]] = Array(repeating: [:], count: problem.accountCount)
        var reviews: [[Int: Int]] = Array(repeating: [:], count: problem.accountCount)

        func placed(_ p: Placement, _ what: String, line l: Int) -> Bool {
            guard p.account >= 0, p.account < problem.accountCount else {
                found.append("line \(l): \(what) by unknown account \(p.account)")
                return false
            }
            guard p.day >= 0, p.day < horizon else {
                found.append("line \(l): \(what) on day \(p.day) outside 0..<\(horizon)")
                return false
            }
            if !problem.available[p.account][p.day] {
                found.append("line \(l): \(what) on day \(p.day) when account \(p.account) is unavailable")
            }
            return true
        }

        for l in 0..<problem.lineCount {
            switch problem.need[l] {
            case .done:
                if purchase[l] != nil || review[l] != nil { found.append("line \(l): planned although completed") }
            case .purchaseAndReview:
                guard let r = review[l] else {
                    if purchase[l] != nil { found.append("line \(l): purchase without review") }
                    continue
                }
                guard let p = purchase[l] else {
                    found.append("line \(l): review without purchase")
                    continue
                }
                if placed(p, "purchase", line: l) {
                    if p.day < problem.firstPurchaseDay[l] { found.append("line \(l): purchase before its earliest day") }
                    purchases[p.account][p.day, default: 0] += 1
                    itemDay[p.account][problem.lineItem[l], default: [:]][p.day, default: 0] += 1
                    itemTotal[p.account][problem.lineItem[l], default: 0] += 1
                }
                if placed(r, "review", line: l) { reviews[r.account][r.day, default: 0] += 1 }
                if r.account != p.account { found.append("line \(l): review by another account than the purchase") }
                if r.day < p.day + problem.lag[l] { found.append("line \(l): review before purchase + lag") }
            case .review(let account, let purchaseDay):
                if purchase[l] != nil { found.append("line \(l): new purchase although completed") }
                guard let r = review[l] else { continue }
                if placed(r, "review", line: l) { reviews[r.account][r.day, default: 0] += 1 }
                if r.account != account { found.append("line \(l): review by another account than the purchase") }
                if r.day < purchaseDay + problem.lag[l] { found.append("line \(l): review before purchase + lag") }
            }
        }

        for a in 0..<problem.accountCount {
            for (d, n) in purchases[a].sorted(by: { $0.key < $1.key })
            where n + history.purchases(account: a, day: d) > problem.dailyLimit[a] {
                found.append("account \(a) day \(d): purchases over the daily limit")
            }
            for (i, days) in itemDay[a].sorted(by: { $0.key < $1.key }) {
                for (d, n) in days.sorted(by: { $0.key < $1.key })
                where n + history.purchases(account: a, item: i, day: d) > problem.sameItemPerDay {
                    found.append("account \(a) item \(i) day \(d): over the same-item-per-day cap")
                }
            }
            for (i, n) in itemTotal[a].sorted(by: { $0.key < $1.key })
            where n + history.purchases(account: a, item: i) > problem.sameItemTotal {
                found.append("account \(a) item \(i): over the same-item-per-account cap")
            }
            for (d, n) in reviews[a].sorted(by: { $0.key < $1.key })
            where n + history.reviews(account: a, day: d) > problem.reviewsPerDay {
                found.append("account \(a) day \(d): reviews over the daily review cap")
            }
            if let length = problem.windowLength(account: a), let hard = problem.rolling[a]?.hard,
                let first = purchases[a].keys.min(), let last = purchases[a].keys.max()
            {
                // Only windows holding a planned purchase can be the plan's fault.
                for s in (first - length + 1)...last {
                    let planned = (s..<(s + length)).reduce(0) { $0 + (purchases[a][$1] ?? 0) }
                    if planned > 0, planned + history.purchases(account: a, window: s, length: length) > hard {
                        found.append("account \(a) window from day \(s): purchases over the hard rolling cap")
                    }
                }
            }
        }
        return found
    }
}
