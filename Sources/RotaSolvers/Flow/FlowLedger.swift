import RotaCore

/// Every cap of the format, kept up to date as tasks are placed: a placement is taken only
/// when it breaks none of the nine rules given the history and the tasks already placed.
///
/// It is the flow plan's last check (an exact flow passes it untouched) and the repair for
/// what the flow relaxes: rolling-window hard caps, reviews per account per day, and the
/// whole-plan same-item cap of items whose lines differ in first day or lag. The rules
/// themselves are the constructive solvers' shared `CapacityLedger`; this adds the lines.
struct FlowLedger {
    let demand: FlowDemand
    private var capacity: CapacityLedger

    init(_ demand: FlowDemand) {
        self.demand = demand
        capacity = CapacityLedger(problem: demand.problem)
    }

    /// Purchases per account, history included (ties go to the least loaded account).
    var load: [Int] { capacity.loads }

    /// Whether `account` may purchase `line`'s item on `day` (rules 2 to 5 and 7).
    mutating func canPurchase(_ line: Int, _ account: Int, _ day: Int) -> Bool {
        let problem = demand.problem
        return day >= problem.firstPurchaseDay[line]
            && capacity.canPurchase(account: account, item: problem.lineItem[line], day: day)
    }

    /// The first day from `day` on that `account` can review (available, under the daily
    /// review cap), nil when there is none before the horizon.
    mutating func reviewDay(_ account: Int, from day: Int) -> Int? {
        capacity.firstReviewDay(account: account, from: day, through: demand.problem.horizon - 1)
    }

    /// The review day of a purchase by `account` on `day` for `line`.
    mutating func reviewDay(_ line: Int, _ account: Int, purchasedOn day: Int) -> Int? {
        let (earliest, overflow) = day.addingReportingOverflow(demand.problem.lag[line])
        return overflow ? nil : reviewDay(account, from: earliest)
    }

    /// Whether the placement breaks no rule now (rules 2 to 8).
    mutating func allows(_ line: Int, _ placement: FlowPlacement) -> Bool {
        let purchase = placement.purchase
        let review = placement.review
        let (earliest, overflow) = purchase.day.addingReportingOverflow(demand.problem.lag[line])
        return purchase.account == review.account && canPurchase(line, purchase.account, purchase.day)
            && !overflow && review.day >= earliest && capacity.canReview(account: review.account, day: review.day)
    }

    /// The placement of `line` with the earliest review (then earliest purchase, least-loaded
    /// account), nil when no account and day are left.
    mutating func bestPlacement(_ line: Int) -> FlowPlacement? {
        let problem = demand.problem
        var best: (review: Int, day: Int, load: Int, account: Int)?
        var day = problem.firstPurchaseDay[line]
        while day < problem.horizon {
            let (earliest, overflow) = day.addingReportingOverflow(problem.lag[line])
            if overflow { break }
            if let best, earliest > best.review { break }
            for a in 0..<problem.accountCount where canPurchase(line, a, day) {
                guard let review = reviewDay(line, a, purchasedOn: day) else { continue }
                let candidate = (review, day, load[a], a)
                if best.map({ candidate < $0 }) ?? true { best = candidate }
            }
            day += 1
        }
        return best.map {
            FlowPlacement(
                purchase: Placement(account: $0.account, day: $0.day),
                review: Placement(account: $0.account, day: $0.review))
        }
    }

    /// Records a new purchase of `line`.
    mutating func recordPurchase(_ line: Int, _ placement: Placement) {
        capacity.recordPurchase(account: placement.account, item: demand.problem.lineItem[line], day: placement.day)
    }

    /// Records a new review.
    mutating func recordReview(_ placement: Placement) {
        capacity.recordReview(account: placement.account, day: placement.day)
    }
}
