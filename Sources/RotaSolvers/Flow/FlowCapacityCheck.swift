/// A quick necessary condition for routing lines at a makespan, checked before a network is
/// built: Hall's condition over day intervals, with each day's capacity the daily room of the
/// accounts that could buy that day and review before the makespan (item caps ignored).
///
/// If the lines that can only be bought within some run of days outnumber the purchases those
/// days allow, no flow routes them all. The condition is checked by earliest deadline first
/// (day by day, each day's capacity goes to the waiting lines whose last purchase day comes
/// first), which meets it exactly on interval demands, in O(days + lines log lines) time and
/// O(days + lines) memory for the days before the makespan.
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
        // Lines by first purchase day; each waits in a heap keyed by its last purchase day.
        var release = [[Int]](repeating: [], count: days)
        for line in lines {
            guard line.earliestReview < makespan else { return false }
            let (last, underflow) = (makespan - 1).subtractingReportingOverflow(line.lag)
            guard !underflow, line.first <= last else { return false }
            release[line.first].append(min(last, days - 1))
        }
        var waiting = MinHeap()
        for d in 0..<days {
            for last in release[d] { waiting.push(last) }
            if let due = waiting.min, due < d { return false }
            var left = capacity[d]
            while left > 0, waiting.popMin() != nil { left -= 1 }
        }
        return waiting.isEmpty
    }
}
