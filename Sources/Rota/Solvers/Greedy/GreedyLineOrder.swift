/// A priority order of the lines to buy, with the lines released on each day bucketed, so a
/// sweep can add them to its pool in O(1) each. Lines that cannot be reviewed before the
/// horizon ends even if bought on their first day are kept apart in `beyondHorizon`.
struct GreedyLineOrder: Sendable {
    /// What the order favours, for progress reports.
    let name: String
    /// `lines[rank]`: the line with that priority (0 first).
    let lines: [Int32]
    /// Item and lag of `lines[rank]`, stored by rank so a sweep reads them in order.
    let items: [Int32]
    let lags: [Int32]
    /// Group of `lines[rank]`: lines with the same item and lag share one.
    let groups: [Int32]
    let groupCount: Int
    /// Ranks released on day `d`: `releaseRanks[releaseStart[d] ..< releaseStart[d + 1]]`.
    let releaseStart: [Int32]
    let releaseRanks: [Int32]
    let beyondHorizon: [Int]

    /// Least slack first (the longest lag has the earliest latest purchase day), then scarce
    /// items, then the latest on-time purchase day, then heavier weight, then input order.
    static func slackFirst(_ problem: PlanningProblem, scarcity: [Double]) -> GreedyLineOrder {
        make(problem, name: "slack-first") { a, b in
            if problem.lag[a] != problem.lag[b] { return problem.lag[a] > problem.lag[b] }
            let sa = scarcity[problem.lineItem[a]], sb = scarcity[problem.lineItem[b]]
            if sa != sb { return sa > sb }
            let da = onTimeDay(problem, a), db = onTimeDay(problem, b)
            if da != db { return da < db }
            if problem.weight[a] != problem.weight[b] { return problem.weight[a] > problem.weight[b] }
            return a < b
        }
    }

    /// Earliest on-time purchase deadline first (due day minus lag; lines without a due date
    /// last), then least slack, scarce items, heavier weight, input order.
    static func dueFirst(_ problem: PlanningProblem, scarcity: [Double]) -> GreedyLineOrder {
        make(problem, name: "due-first") { a, b in
            let da = onTimeDay(problem, a), db = onTimeDay(problem, b)
            if da != db { return da < db }
            if problem.lag[a] != problem.lag[b] { return problem.lag[a] > problem.lag[b] }
            let sa = scarcity[problem.lineItem[a]], sb = scarcity[problem.lineItem[b]]
            if sa != sb { return sa > sb }
            if problem.weight[a] != problem.weight[b] { return problem.weight[a] > problem.weight[b] }
            return a < b
        }
    }

    /// The last purchase day that lets the review be on time; `Int.max` without a due date.
    private static func onTimeDay(_ problem: PlanningProblem, _ l: Int) -> Int {
        problem.due[l].map { $0 - problem.lag[l] } ?? Int.max
    }

    private static func make(
        _ problem: PlanningProblem, name: String, by before: (Int, Int) -> Bool
    ) -> GreedyLineOrder {
        let horizon = problem.horizon
        var lines: [Int] = []
        var beyond: [Int] = []
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview {
            if problem.lag[l] > horizon - 1 - problem.firstPurchaseDay[l] {
                beyond.append(l)
            } else {
                lines.append(l)
            }
        }
        lines.sort(by: before)
        var start = [Int32](repeating: 0, count: horizon + 1)
        for l in lines { start[problem.firstPurchaseDay[l] + 1] += 1 }
        for d in 0..<horizon { start[d + 1] += start[d] }
        var fill = start
        var ranks = [Int32](repeating: 0, count: lines.count)
        for (rank, l) in lines.enumerated() {
            let d = problem.firstPurchaseDay[l]
            ranks[Int(fill[d])] = Int32(rank)
            fill[d] += 1
        }
        var groupOf: [Int: Int32] = [:]
        let groups = lines.map { l in
            let key = problem.lineItem[l] * horizon + problem.lag[l]
            if let g = groupOf[key] { return g }
            let g = Int32(groupOf.count)
            groupOf[key] = g
            return g
        }
        return GreedyLineOrder(
            name: name, lines: lines.map { Int32($0) }, items: lines.map { Int32(problem.lineItem[$0]) },
            lags: lines.map { Int32(problem.lag[$0]) }, groups: groups, groupCount: groupOf.count,
            releaseStart: start, releaseRanks: ranks,
            beyondHorizon: beyond)
    }

    /// Per item: lines wanting it over how many purchases of it accounts may still make
    /// (`sameItemPerAccount` less history, bounded by what the horizon allows); infinite when
    /// no account may buy it.
    static func scarcity(_ problem: PlanningProblem) -> [Double] {
        var demand = [Double](repeating: 0, count: problem.itemCount)
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview {
            demand[problem.lineItem[l]] += 1
        }
        let perAccount = Double(
            min(problem.sameItemTotal, problem.sameItemPerDay.multipliedReportingOverflow(by: problem.horizon).partialValue,
                max(1, problem.lineCount)))
        let buyers = Double(problem.dailyLimit.filter { $0 > 0 }.count)
        var supply = [Double](repeating: buyers * max(0, perAccount), count: problem.itemCount)
        if problem.sameItemTotal < PlanningProblem.unlimited {
            var bought: [Int: Int] = [:]
            for purchase in problem.completedPurchases {
                bought[purchase.account * problem.itemCount + purchase.item, default: 0] += 1
            }
            for (pair, count) in bought where problem.dailyLimit[pair / max(1, problem.itemCount)] > 0 {
                supply[pair % problem.itemCount] -= min(Double(count), perAccount)
            }
        }
        return zip(demand, supply).map { $1 > 0 ? $0 / $1 : .infinity }
    }
}
