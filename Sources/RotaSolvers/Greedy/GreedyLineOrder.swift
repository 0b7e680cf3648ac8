import RotaCore

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
    /// Group of `lines[rank]`: lines with the same item and lag share one (see `Grouping`).
    let groups: [Int32]
    /// Lines per group.
    let groupSizes: [Int]
    /// Ranks released on day `d`: `releaseRanks[releaseStart[d] ..< releaseStart[d + 1]]`.
    let releaseStart: [Int32]
    let releaseRanks: [Int32]
    let beyondHorizon: [Int]

    /// Least slack first (the longest lag has the earliest latest purchase day), then scarce
    /// items, then the latest on-time purchase day, then heavier weight, then input order.
    static func slackFirst(_ problem: PlanningProblem, scarcity: [Double], grouping: Grouping) -> GreedyLineOrder {
        make(problem, name: "slack-first", grouping: grouping) { l in
            SortKey(
                first: -problem.lag[l], second: -scarcity[problem.lineItem[l]], third: onTimeDay(problem, l),
                fourth: 0, fifth: -weight(problem, l), line: l)
        }
    }

    /// Earliest on-time purchase deadline first (due day minus lag; lines without a due date
    /// last), then least slack, scarce items, heavier weight, input order.
    static func dueFirst(_ problem: PlanningProblem, scarcity: [Double], grouping: Grouping) -> GreedyLineOrder {
        make(problem, name: "due-first", grouping: grouping) { l in
            SortKey(
                first: onTimeDay(problem, l), second: 0, third: -problem.lag[l],
                fourth: -scarcity[problem.lineItem[l]], fifth: -weight(problem, l), line: l)
        }
    }

    /// The last purchase day that lets the review be on time; `Int.max` without a due date.
    private static func onTimeDay(_ problem: PlanningProblem, _ l: Int) -> Int {
        problem.due[l].map { $0.subtractingReportingOverflow(problem.lag[l]).partialValue } ?? Int.max
    }

    private static func weight(_ problem: PlanningProblem, _ l: Int) -> Double {
        problem.weight[l].isNaN ? 0 : problem.weight[l]
    }

    /// Compared field by field; the line index makes every key distinct.
    private struct SortKey {
        var first: Int
        var second: Double
        var third: Int
        var fourth: Double
        var fifth: Double
        var line: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.first != b.first { return a.first < b.first }
            if a.second != b.second { return a.second < b.second }
            if a.third != b.third { return a.third < b.third }
            if a.fourth != b.fourth { return a.fourth < b.fourth }
            if a.fifth != b.fifth { return a.fifth < b.fifth }
            return a.line < b.line
        }
    }

    /// Lines to buy that can be reviewed in time, and those that cannot.
    static func candidates(_ problem: PlanningProblem) -> (lines: [Int], beyondHorizon: [Int]) {
        var lines: [Int] = []
        var beyond: [Int] = []
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview {
            if problem.lag[l] > problem.horizon - 1 - problem.firstPurchaseDay[l] {
                beyond.append(l)
            } else {
                lines.append(l)
            }
        }
        return (lines, beyond)
    }

    private static func make(
        _ problem: PlanningProblem, name: String, grouping: Grouping, key: (Int) -> SortKey
    ) -> GreedyLineOrder {
        let horizon = problem.horizon
        let (candidates, beyond) = candidates(problem)
        var keys = candidates.map(key)
        keys.sort { $0 < $1 }
        let lines = keys.map(\.line)
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
        return GreedyLineOrder(
            name: name, lines: lines.map { Int32($0) }, items: lines.map { Int32(problem.lineItem[$0]) },
            lags: lines.map { Int32(problem.lag[$0]) }, groups: lines.map { grouping.groupOfLine[$0] },
            groupSizes: grouping.sizes, releaseStart: start, releaseRanks: ranks, beyondHorizon: beyond)
    }

    /// Per item: lines wanting it over how many purchases of it accounts may still make
    /// (`sameItemPerAccount` less history, bounded by what the horizon allows); infinite when
    /// no account may buy it.
    static func scarcity(_ problem: PlanningProblem) -> [Double] {
        var demand = [Double](repeating: 0, count: problem.itemCount)
        for l in 0..<problem.lineCount where problem.need[l] == .purchaseAndReview {
            demand[problem.lineItem[l]] += 1
        }
        let (perDayOverHorizon, overflow) = problem.sameItemPerDay.multipliedReportingOverflow(by: problem.horizon)
        let perAccount = Double(
            min(problem.sameItemTotal, overflow ? Int.max : perDayOverHorizon, max(1, problem.lineCount)))
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
