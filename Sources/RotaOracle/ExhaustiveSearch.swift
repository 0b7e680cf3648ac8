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
        /// The line itself when an override restricts it (pins, forbidden accounts): such a
        /// line is like no other, so no symmetry is broken across it.
        var restricted: Int?
    }

    let problem: PlanningProblem
    let history: PlanningHistory
    /// Work lines in search order (interchangeable lines adjacent).
    let order: [Int]
    let choices: [[Choice]]
    let sameAsPrevious: [Bool]

    /// History and the partial schedule against every cap: the rule ledger the solvers use.
    private var ledger: CapacityLedger
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
        var groups: [Signature: [Int]] = [:]
        var groupOrder: [Signature] = []
        for l in problem.workLines {
            let signature = Signature(
                need: problem.need[l], item: problem.lineItem[l], first: problem.firstPurchaseDay[l],
                lag: problem.lag[l], due: problem.due[l], weight: problem.weight[l],
                restricted: problem.overrides.restricts(line: l) ? l : nil)
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

        ledger = CapacityLedger(problem: problem)
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
                let before = ledger
                place(options[index], line: l)
                descend(k + 1)
                ledger = before
                schedule.leaveOut(line: l)
                if stopped != nil { return }
            }
        }
        // A pinned line may not be left out (rule 10).
        if problem.overrides.pinnedAccount[l] != nil || problem.overrides.pinnedDay[l] != nil { return }
        picked[k] = options.count
        schedule.leaveOut(line: l)
        descend(k + 1)
    }

    /// Whether the ledger lets the choice's tasks in now (the choices already obey
    /// availability, the earliest day, the lag and the horizon).
    private mutating func fits(_ choice: Choice, line l: Int) -> Bool {
        guard ledger.canReview(account: choice.account, day: choice.reviewDay) else { return false }
        // Overrides: a pinned purchase only where pinned, no task by a forbidden account.
        guard problem.overrides.allowsReview(line: l, account: choice.account) else { return false }
        guard let d = choice.purchaseDay else { return true }
        guard problem.overrides.allowsPurchase(line: l, account: choice.account, day: d) else { return false }
        return ledger.canPurchase(account: choice.account, item: problem.lineItem[l], day: d)
    }

    /// Records the choice in the ledger and the schedule (undone by restoring a saved ledger).
    private mutating func place(_ choice: Choice, line l: Int) {
        let a = choice.account
        if let d = choice.purchaseDay { ledger.recordPurchase(account: a, item: problem.lineItem[l], day: d) }
        ledger.recordReview(account: a, day: choice.reviewDay)
        schedule.schedule(
            line: l, purchase: choice.purchaseDay.map { Placement(account: a, day: $0) },
            review: Placement(account: a, day: choice.reviewDay))
    }

    /// A bound every completion of levels `k...` is lexicographically no better than: a line
    /// with no fitting placement now is left out; if all others are placed, each takes at least
    /// its earliest fitting review day, the loads spread at best evenly, and soft overruns
    /// already counted stay.
    private mutating func lowerBound(from k: Int) -> ObjectiveValues {
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
        let load = ledger.loads
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
