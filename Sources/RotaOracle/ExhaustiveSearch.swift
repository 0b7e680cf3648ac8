import RotaCore

/// Depth-first branch and bound over the lines needing work, one line per level.
///
/// Each level tries the line's placements (account, purchase day, review day) in order of
/// review day, then purchase day, then account, and finally leaving the line out. Lines that
/// cannot be told apart (same item, days, lag, due date and weight) take non-decreasing choices,
/// so permutations of one assignment are visited once. A node is cut when a lower bound on every
/// completion is lexicographically no better than the best schedule found.
struct ExhaustiveSearch {
    struct Choice: Hashable {
        var account: Int
        var purchaseDay: Int?
        var reviewDay: Int
    }

    /// What the search proves optimal: the default objective, then soft overruns.
    static let objective = Objective.defaultThenSoftOverruns

    struct Outcome {
        var schedule: DenseSchedule
        var objective: ObjectiveValues
        var status: SolveStatus
    }

    /// What makes two lines interchangeable for the search.
    private struct Signature: Hashable {
        var need: LineNeed
        var item: Int
        var first: Int
        var lag: Int
        var due: Int?
        var weight: Double
    }

    let problem: PlanningProblem
    let history: PlanningHistory
    /// Work lines in search order (interchangeable lines adjacent).
    let order: [Int]
    let choices: [[Choice]]
    let sameAsPrevious: [Bool]

    // Room left by history, and room used by the partial schedule.
    private var dailyRoom: [[Int]]
    private var itemDayRoom: [[[Int]]]
    private var itemTotalRoom: [[Int]]
    private var reviewRoom: [[Int]]
    /// `windowRoom[a][k]`: hard cap minus history for the window starting at `k - length + 1`.
    private var windowRoom: [[Int]]
    /// Rolling window length per account (when it has a hard cap).
    private let windowLength: [Int?]
    private var usedDay: [[Int]]
    private var usedItemDay: [[[Int]]]
    private var usedItemTotal: [[Int]]
    private var usedReview: [[Int]]
    private var usedWindow: [[Int]]
    private var load: [Int]
    /// Lateness of the lines whose review is completed.
    private let historyLateness: Double

    private var schedule: DenseSchedule
    private var picked: [Int]
    private var best: (schedule: DenseSchedule, objective: ObjectiveValues)?
    private var nodes = 0
    private var stopped: SolveStatus?
    private var nodeLimit = Int.max
    private var deadline: ContinuousClock.Instant?
    private var shouldStop: (@Sendable () -> Bool)?

    init(problem: PlanningProblem) {
        self.problem = problem
        let history = PlanningHistory(problem)
        self.history = history
        let horizon = problem.horizon
        let accounts = problem.accountCount

        var groups: [Signature: [Int]] = [:]
        var groupOrder: [Signature] = []
        for l in problem.workLines {
            let signature = Signature(
                need: problem.need[l], item: problem.lineItem[l], first: problem.firstPurchaseDay[l],
                lag: problem.lag[l], due: problem.due[l], weight: problem.weight[l])
            if groups[signature] == nil { groupOrder.append(signature) }
            groups[signature, default: []].append(l)
        }
        var order: [Int] = []
        var sameAsPrevious: [Bool] = []
        for signature in groupOrder {
            for (k, l) in (groups[signature] ?? []).enumerated() {
                order.append(l)
                sameAsPrevious.append(k > 0)
            }
        }
        self.order = order
        self.sameAsPrevious = sameAsPrevious
        let earliestReviewOnly = problem.reviewsPerDay >= PlanningProblem.unlimited
        choices = order.map { Self.choices(for: $0, in: problem, earliestReviewOnly: earliestReviewOnly) }

        dailyRoom = (0..<accounts).map { a in
            (0..<horizon).map { d in problem.dailyLimit[a] - history.purchases(account: a, day: d) }
        }
        itemDayRoom = (0..<accounts).map { a in
            (0..<problem.itemCount).map { i in
                (0..<horizon).map { d in problem.sameItemPerDay - history.purchases(account: a, item: i, day: d) }
            }
        }
        itemTotalRoom = (0..<accounts).map { a in
            (0..<problem.itemCount).map { i in problem.sameItemTotal - history.purchases(account: a, item: i) }
        }
        reviewRoom = (0..<accounts).map { a in
            (0..<horizon).map { d in problem.reviewsPerDay - history.reviews(account: a, day: d) }
        }
        windowLength = (0..<accounts).map { a in problem.rolling[a]?.hard == nil ? nil : problem.windowLength(account: a) }
        windowRoom = (0..<accounts).map { a in
            guard let length = problem.windowLength(account: a), let hard = problem.rolling[a]?.hard else { return [] }
            return (0..<(horizon + length - 1)).map { k in
                hard - history.purchases(account: a, window: k - length + 1, length: length)
            }
        }
        usedDay = dailyRoom.map { $0.map { _ in 0 } }
        usedItemDay = itemDayRoom.map { $0.map { $0.map { _ in 0 } } }
        usedItemTotal = itemTotalRoom.map { $0.map { _ in 0 } }
        usedReview = reviewRoom.map { $0.map { _ in 0 } }
        usedWindow = windowRoom.map { $0.map { _ in 0 } }
        load = history.load
        historyLateness = (0..<problem.lineCount).reduce(0.0) { sum, l in
            guard problem.need[l] == .done, let r = history.lineReviewDay[l] else { return sum }
            return sum + problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: r))
        }
        schedule = DenseSchedule(lineCount: problem.lineCount)
        picked = Array(repeating: 0, count: order.count)
    }

    /// Every placement of line `l` that availability, the earliest day, the lag and the
    /// horizon allow, by review day, purchase day, account.
    ///
    /// With `earliestReviewOnly`, a purchase's review goes only on the first day the account
    /// may work after the lag: when reviews have no daily cap, a later review never helps
    /// (it only adds makespan or lateness), so this dominance rule loses no optimum. The tests
    /// check it against the full enumeration.
    static func choices(for l: Int, in problem: PlanningProblem, earliestReviewOnly: Bool = false) -> [Choice] {
        var result: [Choice] = []
        let horizon = problem.horizon
        if earliestReviewOnly {
            switch problem.need[l] {
            case .done:
                return []
            case .review(let a, let purchaseDay):
                return problem.firstAvailableDay(account: a, onOrAfter: purchaseDay + problem.lag[l]).map {
                    [Choice(account: a, purchaseDay: nil, reviewDay: $0)]
                } ?? []
            case .purchaseAndReview:
                for a in 0..<problem.accountCount {
                    for d in problem.firstPurchaseDay[l]..<max(problem.firstPurchaseDay[l], horizon)
                    where problem.available[a][d] {
                        if let r = problem.firstAvailableDay(account: a, onOrAfter: d + problem.lag[l]) {
                            result.append(Choice(account: a, purchaseDay: d, reviewDay: r))
                        }
                    }
                }
                return result.sorted {
                    ($0.reviewDay, $0.purchaseDay ?? -1, $0.account) < ($1.reviewDay, $1.purchaseDay ?? -1, $1.account)
                }
            }
        }
        switch problem.need[l] {
        case .done:
            break
        case .review(let a, let purchaseDay):
            let from = max(0, purchaseDay + problem.lag[l])
            for r in from..<max(from, horizon) where problem.available[a][r] {
                result.append(Choice(account: a, purchaseDay: nil, reviewDay: r))
            }
        case .purchaseAndReview:
            let first = problem.firstPurchaseDay[l]
            for r in 0..<horizon {
                for d in first..<max(first, r - problem.lag[l] + 1) {
                    for a in 0..<problem.accountCount where problem.available[a][d] && problem.available[a][r] {
                        result.append(Choice(account: a, purchaseDay: d, reviewDay: r))
                    }
                }
            }
        }
        return result
    }

    mutating func run(nodeLimit: Int, timeLimit: Double?, shouldStop: (@Sendable () -> Bool)? = nil) -> Outcome {
        self.nodeLimit = nodeLimit
        self.shouldStop = shouldStop
        if let timeLimit { deadline = .now + .milliseconds(Int(max(0, timeLimit) * 1000)) }
        descend(0)
        let found = best ?? (schedule, schedule.objectiveValues(in: problem, history: history))
        return Outcome(schedule: found.schedule, objective: found.objective, status: stopped ?? .optimal)
    }

    private mutating func descend(_ k: Int) {
        if stopped != nil { return }
        nodes += 1
        if nodes > nodeLimit {
            stopped = .nodeLimit
            return
        }
        if nodes & 1023 == 0 {
            if let deadline, ContinuousClock.now >= deadline {
                stopped = .timeLimit
                return
            }
            if shouldStop?() == true {
                stopped = .interrupted
                return
            }
        }
        if k == order.count {
            let objective = schedule.objectiveValues(in: problem, history: history)
            if best.map({ Self.objective.compare(objective, $0.objective) == .better }) ?? true { best = (schedule, objective) }
            return
        }
        if let best, Self.objective.compare(lowerBound(from: k), best.objective) != .better { return }
        let l = order[k]
        let lowest = sameAsPrevious[k] ? picked[k - 1] : 0
        let options = choices[k]
        if lowest < options.count {
            for index in lowest..<options.count where fits(options[index], line: l) {
                picked[k] = index
                place(options[index], line: l, sign: 1)
                descend(k + 1)
                place(options[index], line: l, sign: -1)
                if stopped != nil { return }
            }
        }
        picked[k] = options.count
        schedule.leaveOut(line: l)
        descend(k + 1)
    }

    private func fits(_ choice: Choice, line l: Int) -> Bool {
        let a = choice.account
        if usedReview[a][choice.reviewDay] + 1 > reviewRoom[a][choice.reviewDay] { return false }
        guard let d = choice.purchaseDay else { return true }
        let item = problem.lineItem[l]
        if usedDay[a][d] + 1 > dailyRoom[a][d] { return false }
        if usedItemDay[a][item][d] + 1 > itemDayRoom[a][item][d] { return false }
        if usedItemTotal[a][item] + 1 > itemTotalRoom[a][item] { return false }
        if let length = windowLength[a], !windowRoom[a].isEmpty {
            for k in d..<(d + length) where usedWindow[a][k] + 1 > windowRoom[a][k] { return false }
        }
        return true
    }

    private mutating func place(_ choice: Choice, line l: Int, sign: Int) {
        let a = choice.account
        usedReview[a][choice.reviewDay] += sign
        if let d = choice.purchaseDay {
            let item = problem.lineItem[l]
            usedDay[a][d] += sign
            usedItemDay[a][item][d] += sign
            usedItemTotal[a][item] += sign
            load[a] += sign
            if let length = windowLength[a], !windowRoom[a].isEmpty {
                for k in d..<(d + length) { usedWindow[a][k] += sign }
            }
        }
        if sign > 0 {
            schedule.schedule(
                line: l, purchase: choice.purchaseDay.map { Placement(account: a, day: $0) },
                review: Placement(account: a, day: choice.reviewDay))
        } else {
            schedule.leaveOut(line: l)
        }
    }

    /// A bound every completion of levels `k...` is lexicographically no better than: a line
    /// with no fitting placement now is left out; if all others are placed, each takes at least
    /// its earliest fitting review day, the loads spread at best evenly, and soft overruns
    /// already counted stay.
    private func lowerBound(from k: Int) -> ObjectiveValues {
        var unscheduled = 0
        var makespan = history.makespanFloor
        var lateness = historyLateness
        var purchases = 0
        for j in 0..<k {
            let l = order[j]
            if let r = schedule.review[l] {
                makespan = max(makespan, r.day + 1)
                lateness += problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: r.day))
            } else {
                unscheduled += 1
            }
        }
        for j in k..<order.count {
            let l = order[j]
            guard let first = choices[j].first(where: { fits($0, line: l) }) else {
                unscheduled += 1
                continue
            }
            makespan = max(makespan, first.reviewDay + 1)
            lateness += problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: first.reviewDay))
            if first.purchaseDay != nil { purchases += 1 }
        }
        let total = load.reduce(0, +) + purchases
        let accounts = max(1, problem.accountCount)
        let largest = max(load.max() ?? 0, (total + accounts - 1) / accounts)
        // The idlest account ends with at most its load plus every remaining purchase.
        let spread = max(0, (load.max() ?? 0) - ((load.min() ?? 0) + purchases))
        // Overruns only grow as purchases are added.
        let overruns = schedule.softOverruns(in: problem, history: history)
        return ObjectiveValues(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: lateness, largestLoad: largest,
            spread: spread, softOverruns: overruns)
    }
}
