/// A quick necessary condition for routing lines at a makespan, checked before a network is
/// built: Hall's condition over day intervals, with each day's capacity the daily room of the
/// accounts that could buy that day and review before the makespan (item caps ignored).
///
/// If the lines that can only be bought within some run of days outnumber the purchases those
/// days allow, no flow routes them all.
struct FlowCapacityCheck {
    private let demand: FlowDemand
    /// Per purchase line that can be reached at all: first purchase day and lag.
    private let lines: [(first: Int, lag: Int, earliestReview: Int)]
    private let shortestLag: Int

    init(_ demand: FlowDemand) {
        self.demand = demand
        let problem = demand.problem
        var lines: [(first: Int, lag: Int, earliestReview: Int)] = []
        for l in demand.purchaseLines {
            var best: Int?
            for a in 0..<problem.accountCount {
                guard let day = demand.calendar.firstAvailable(a, from: problem.firstPurchaseDay[l]),
                    let review = demand.calendar.reviewDay(a, purchasedOn: day, lag: problem.lag[l])
                else { continue }
                best = min(best ?? review, review)
            }
            if let best { lines.append((problem.firstPurchaseDay[l], problem.lag[l], best)) }
        }
        self.lines = lines
        shortestLag = demand.lags.first ?? 0
    }

    /// The earliest possible review of every line that can be reached, ascending.
    var earliestReviews: [Int] { lines.map(\.earliestReview).sorted() }

    /// False when the lines that can be reached at all cannot all be routed with every review
    /// before `makespan`; true means only that this check finds no obstacle.
    func mayRouteAll(makespan: Int) -> Bool {
        let problem = demand.problem
        let days = min(makespan, problem.horizon)
        guard days > 0 else { return lines.isEmpty }
        var capacity = [Int](repeating: 0, count: days)
        let most = lines.count
        for a in 0..<problem.accountCount {
            for d in 0..<days where demand.calendar.isAvailable(a, on: d) {
                guard let review = demand.calendar.reviewDay(a, purchasedOn: d, lag: shortestLag), review < makespan
                else { continue }
                capacity[d] = min(most, capacity[d] + min(most, demand.dayRoom(a, d)))
            }
        }
        // within[x][y]: lines whose purchase must fall on days x...y.
        var within = [[Int]](repeating: [Int](repeating: 0, count: days), count: days + 1)
        for line in lines {
            guard line.earliestReview < makespan else { return false }
            let (last, underflow) = (makespan - 1).subtractingReportingOverflow(line.lag)
            guard !underflow, line.first <= last else { return false }
            within[line.first][min(last, days - 1)] += 1
        }
        var prefix = [Int](repeating: 0, count: days + 1)
        for d in 0..<days { prefix[d + 1] = prefix[d] + capacity[d] }
        for x in stride(from: days - 1, through: 0, by: -1) {
            for y in x..<days {
                within[x][y] += within[x + 1][y] + (y > x ? within[x][y - 1] - within[x + 1][y - 1] : 0)
                if within[x][y] > prefix[y + 1] - prefix[x] { return false }
            }
        }
        return true
    }
}
