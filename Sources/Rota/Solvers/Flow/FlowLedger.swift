/// Every cap of the format, kept up to date as tasks are placed: a placement is taken only
/// when it breaks none of the nine rules given the history and the tasks already placed.
///
/// It is the flow plan's last check (an exact flow passes it untouched) and the repair for
/// what the flow relaxes: rolling-window hard caps, reviews per account per day, and the
/// whole-plan same-item cap of items whose lines differ in first day or lag.
struct FlowLedger {
    let demand: FlowDemand
    private var purchases: [[Int]]
    private var reviews: [[Int]]
    private var itemDay: [FlowItemAccountDay: Int]
    private var itemTotal: [FlowItemAccount: Int]
    /// Per account with a hard rolling cap: every purchase day (history included), ascending.
    private var purchaseDays: [[Int]?]
    /// Purchases per account, history included (ties go to the least loaded account).
    private(set) var load: [Int]

    init(_ demand: FlowDemand) {
        self.demand = demand
        let problem = demand.problem
        purchases = demand.purchasesOn
        reviews = [[Int]](repeating: [Int](repeating: 0, count: problem.horizon), count: problem.accountCount)
        for review in problem.completedReviews where review.day >= 0 && review.day < problem.horizon {
            reviews[review.account][review.day] += 1
        }
        itemDay = demand.itemPurchasesOn
        itemTotal = demand.itemPurchases
        purchaseDays = problem.rolling.map { rolling in
            guard let rolling, rolling.hard != nil, rolling.days >= 1 else { return nil }
            return []
        }
        load = [Int](repeating: 0, count: problem.accountCount)
        for purchase in problem.completedPurchases {
            load[purchase.account] += 1
            if purchaseDays[purchase.account] != nil { purchaseDays[purchase.account]?.append(purchase.day) }
        }
        for a in purchaseDays.indices { purchaseDays[a]?.sort() }
    }

    /// Whether `account` may purchase `line`'s item on `day` (rules 2 to 5 and 7).
    func canPurchase(_ line: Int, _ account: Int, _ day: Int) -> Bool {
        let problem = demand.problem
        let item = problem.lineItem[line]
        guard day >= problem.firstPurchaseDay[line], demand.calendar.isAvailable(account, on: day),
            purchases[account][day] < problem.dailyLimit[account],
            itemDay[FlowItemAccountDay(item: item, account: account, day: day), default: 0] < problem.sameItemPerDay,
            itemTotal[FlowItemAccount(item: item, account: account), default: 0] < problem.sameItemTotal
        else { return false }
        return rollingAllows(account, day)
    }

    /// The first day from `day` on that `account` can review (available, under the daily
    /// review cap), nil when there is none before the horizon.
    func reviewDay(_ account: Int, from day: Int) -> Int? {
        var candidate = demand.calendar.firstAvailable(account, from: day)
        while let d = candidate, reviews[account][d] >= demand.problem.reviewsPerDay {
            candidate = demand.calendar.firstAvailable(account, from: d + 1)
        }
        return candidate
    }

    /// The review day of a purchase by `account` on `day` for `line`.
    func reviewDay(_ line: Int, _ account: Int, purchasedOn day: Int) -> Int? {
        let (earliest, overflow) = day.addingReportingOverflow(demand.problem.lag[line])
        return overflow ? nil : reviewDay(account, from: earliest)
    }

    /// Whether the placement breaks no rule now (rules 2 to 8).
    func allows(_ line: Int, _ placement: FlowPlacement) -> Bool {
        let purchase = placement.purchase
        let review = placement.review
        let (earliest, overflow) = purchase.day.addingReportingOverflow(demand.problem.lag[line])
        return purchase.account == review.account && canPurchase(line, purchase.account, purchase.day)
            && !overflow && review.day >= earliest && demand.calendar.isAvailable(review.account, on: review.day)
            && reviews[review.account][review.day] < demand.problem.reviewsPerDay
    }

    /// The placement of `line` with the earliest review (then earliest purchase, least-loaded
    /// account), nil when no account and day are left.
    func bestPlacement(_ line: Int) -> FlowPlacement? {
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
        let item = demand.problem.lineItem[line]
        purchases[placement.account][placement.day] += 1
        itemDay[FlowItemAccountDay(item: item, account: placement.account, day: placement.day), default: 0] += 1
        itemTotal[FlowItemAccount(item: item, account: placement.account), default: 0] += 1
        load[placement.account] += 1
        if let position = purchaseDays[placement.account].map({ Self.firstIndex(in: $0, notBelow: placement.day) }) {
            purchaseDays[placement.account]?.insert(placement.day, at: position)
        }
    }

    /// Records a new review.
    mutating func recordReview(_ placement: Placement) {
        reviews[placement.account][placement.day] += 1
    }

    /// Whether one more purchase on `day` keeps every window of the account's hard rolling cap.
    ///
    /// A window holding `day` can slide right, losing nothing, until it starts on a purchase
    /// day or on `day` itself; so only windows starting there are counted.
    private func rollingAllows(_ account: Int, _ day: Int) -> Bool {
        guard let days = purchaseDays[account], let rolling = demand.problem.rolling[account],
            let hard = rolling.hard
        else { return true }
        let length = rolling.days
        var candidates = [day]
        var index = Self.firstIndex(in: days, notBelow: day - (length - 1))
        while index < days.count, days[index] < day {
            candidates.append(days[index])
            index += 1
        }
        for start in candidates {
            let (end, overflow) = start.addingReportingOverflow(length - 1)
            let count =
                Self.firstIndex(in: days, above: overflow ? Int.max : end) - Self.firstIndex(in: days, notBelow: start)
            if count + 1 > hard { return false }
        }
        return true
    }

    /// The first position in ascending `days` whose day is ≥ `day`.
    private static func firstIndex(in days: [Int], notBelow day: Int) -> Int {
        var low = 0
        var high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first position in ascending `days` whose day is > `day`.
    private static func firstIndex(in days: [Int], above day: Int) -> Int {
        var low = 0
        var high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
