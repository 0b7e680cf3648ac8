import RotaCore

/// A seeded SplitMix64 generator: the same seed always gives the same instances.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Tiny random instances (≤ 5 lines, ≤ 2 accounts, ≤ 6 days) with caps, days off and history.
enum TinyInstances {
    static func make(seed: UInt64) -> Instance {
        var rng = SeededGenerator(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        let start = ScoringSupport.start
        let horizon = Int.random(in: 3...6, using: &rng)
        let accounts = (0..<Int.random(in: 1...2, using: &rng)).map { a in
            Account(
                id: AccountID("a\(a)"), dailyLimit: pick([nil, 1, 1, 2, 3]),
                unavailable: (0..<horizon).filter { _ in chance(0.15) }.map { start + $0 },
                rolling: chance(0.3)
                    ? RollingCap(days: Int.random(in: 2...3, using: &rng), soft: 1, hard: Int.random(in: 1...3, using: &rng))
                    : nil)
        }
        let rules = Rules(
            reviewLagDays: Int.random(in: 0...2, using: &rng), sameItemPerAccountPerDay: pick([1, 1, 2, nil]),
            sameItemPerAccount: pick([nil, nil, 1, 2]), reviewsPerAccountPerDay: pick([nil, nil, 1, 2]))
        let itemCount = Int.random(in: 1...3, using: &rng)
        let lines = (0..<Int.random(in: 1...5, using: &rng)).map { l in
            Line(
                id: LineID("l\(l)"), item: ItemID("i\(Int.random(in: 0..<itemCount, using: &rng))"),
                earliest: chance(0.3) ? start + Int.random(in: -1...3, using: &rng) : nil,
                reviewLagDays: chance(0.2) ? Int.random(in: 0...3, using: &rng) : nil)
        }
        var existing: [PlanTask] = []
        for line in lines where chance(0.25) {
            let account = pick(accounts).id
            let lag = line.reviewLagDays ?? rules.reviewLagDays
            let bought = Int.random(in: -3...1, using: &rng)
            let purchaseStatus: TaskStatus = chance(0.8) ? .completed : .missed
            existing.append(
                PlanTask(
                    id: TaskID("P:\(line.id)"), kind: .purchase, line: line.id, order: "o", item: line.item,
                    account: account, date: start + bought, status: purchaseStatus))
            if purchaseStatus == .completed, chance(0.5) {
                existing.append(
                    PlanTask(
                        id: TaskID("R:\(line.id)"), kind: .review, line: line.id, order: "o", item: line.item,
                        account: account, date: start + bought + lag + Int.random(in: 0...1, using: &rng),
                        status: chance(0.7) ? .completed : .missed, after: TaskID("P:\(line.id)")))
            }
        }
        return Instance(
            name: "tiny-\(seed)", start: start, horizonDays: horizon, rules: rules, accounts: accounts,
            orders: [Order(id: "o", lines: lines)], existing: existing)
    }
}

/// Exhaustive search over every plan of a tiny instance, for the lexicographic optimum (fewest
/// lines left out, then smallest makespan). What each line needs is worked out here from the
/// instance; whether an account may buy or review on a day is the rule ledger's answer
/// (`CapacityLedger`, history included), which `searchChecksAgreeWithTheValidator` holds
/// against the `Validator`.
struct BruteForce {
    let instance: Instance
    let horizon: Int
    /// Per line: the fixed work still needed.
    private var needs: [Need] = []
    private var lags: [Int] = []
    private var firstDays: [Int] = []
    /// Per line: its item's index in the problem.
    private var items: [Int] = []
    private var historyReviewEnd = 0

    /// History and the tasks of the partial plan, against every cap.
    private var ledger: CapacityLedger

    enum Need {
        case done
        case review(account: Int, day: Int)
        case purchaseAndReview
    }

    /// One line's choice in a plan: left out, or purchase (nil when completed) and review.
    struct Choice: Hashable {
        var account: Int
        var purchase: Int?
        var review: Int
    }

    private(set) var best: (unscheduled: Int, makespan: Int, choices: [Choice?])?
    private var current: [Choice?] = []

    init(_ instance: Instance) {
        self.instance = instance
        horizon = instance.horizonDays
        let accountIndex = Dictionary(uniqueKeysWithValues: instance.accounts.enumerated().map { ($1.id, $0) })
        let problem = PlanningProblem(instance)
        ledger = CapacityLedger(problem: problem)
        let lines = instance.resolvedLines
        for line in lines {
            lags.append(line.lag)
            firstDays.append(max(0, (line.earliest ?? instance.start) - instance.start))
            items.append(problem.itemIndex[line.item] ?? 0)
            var need = Need.purchaseAndReview
            for task in instance.existing where task.line == line.id && task.status == .completed && task.kind == .purchase {
                need = .review(account: accountIndex[task.account] ?? 0, day: task.date - instance.start)
            }
            for task in instance.existing where task.line == line.id && task.status == .completed && task.kind == .review {
                need = .done
            }
            needs.append(need)
        }
        for task in instance.existing where task.status == .completed && task.kind == .review {
            historyReviewEnd = max(historyReviewEnd, task.date - instance.start + 1)
        }
    }

    /// The optimum over all plans.
    mutating func solve() -> (unscheduled: Int, makespan: Int, choices: [Choice?]) {
        current = []
        search(line: 0, unscheduled: 0, makespan: historyReviewEnd)
        return best ?? (0, historyReviewEnd, [])
    }

    private mutating func search(line: Int, unscheduled: Int, makespan: Int) {
        if let best, (unscheduled, makespan) >= (best.unscheduled, best.makespan) { return }
        guard line < needs.count else {
            best = (unscheduled, makespan, current)
            return
        }
        var options: [Choice] = []
        switch needs[line] {
        case .done:
            current.append(nil)
            search(line: line + 1, unscheduled: unscheduled, makespan: makespan)
            current.removeLast()
            return
        case .review(let a, let day):
            for r in stride(from: max(0, day + lags[line]), to: horizon, by: 1) where ledger.canReview(account: a, day: r) {
                options.append(Choice(account: a, purchase: nil, review: r))
            }
        case .purchaseAndReview:
            for a in instance.accounts.indices {
                for p in stride(from: firstDays[line], to: horizon, by: 1)
                where ledger.canPurchase(account: a, item: items[line], day: p) {
                    for r in stride(from: max(0, p + lags[line]), to: horizon, by: 1) where ledger.canReview(account: a, day: r) {
                        options.append(Choice(account: a, purchase: p, review: r))
                    }
                }
            }
        }
        options.sort { $0.review < $1.review }
        for option in options {
            let before = ledger
            place(option, line: line)
            current.append(option)
            search(line: line + 1, unscheduled: unscheduled, makespan: max(makespan, option.review + 1))
            current.removeLast()
            ledger = before
        }
        current.append(nil)
        search(line: line + 1, unscheduled: unscheduled + 1, makespan: makespan)
        current.removeLast()
    }

    private mutating func place(_ choice: Choice, line: Int) {
        if let p = choice.purchase { ledger.recordPurchase(account: choice.account, item: items[line], day: p) }
        ledger.recordReview(account: choice.account, day: choice.review)
    }

    /// Whether the choices make a feasible plan, by the same checks as the search.
    func isFeasible(_ choices: [Choice?]) -> Bool {
        var state = ledger
        for (line, choice) in choices.enumerated() {
            guard let choice else { continue }
            if let p = choice.purchase {
                guard case .purchaseAndReview = needs[line], p >= firstDays[line],
                    state.canPurchase(account: choice.account, item: items[line], day: p)
                else { return false }
                state.recordPurchase(account: choice.account, item: items[line], day: p)
            } else {
                guard case .review(let account, _) = needs[line], account == choice.account else { return false }
            }
            guard state.canReview(account: choice.account, day: choice.review) else { return false }
            state.recordReview(account: choice.account, day: choice.review)
        }
        return true
    }

    /// Random choices within the structural rules (lag, earliest, horizon), ignoring every cap.
    func randomChoices(using rng: inout SeededGenerator) -> [Choice?] {
        needs.indices.map { line -> Choice? in
            guard horizon > 0, Int.random(in: 0..<4, using: &rng) > 0 else { return nil }
            switch needs[line] {
            case .done: return nil
            case .review(let a, let day):
                let from = max(0, day + lags[line])
                guard from < horizon else { return nil }
                return Choice(account: a, purchase: nil, review: Int.random(in: from..<horizon, using: &rng))
            case .purchaseAndReview:
                guard firstDays[line] < horizon, !instance.accounts.isEmpty else { return nil }
                let p = Int.random(in: firstDays[line]..<horizon, using: &rng)
                let from = max(0, p + lags[line])
                guard from < horizon else { return nil }
                return Choice(
                    account: Int.random(in: 0..<instance.accounts.count, using: &rng), purchase: p,
                    review: Int.random(in: from..<horizon, using: &rng))
            }
        }
    }

    /// The plan for `choices`, through `PlanBuilder`.
    func plan(_ choices: [Choice?]) -> Plan {
        let problem = PlanningProblem(instance)
        var builder = PlanBuilder(problem: problem)
        for (l, choice) in choices.enumerated() {
            guard case .done = needs[l] else {
                if let choice {
                    builder.schedule(
                        line: l, purchase: choice.purchase.map { Placement(account: choice.account, day: $0) },
                        review: Placement(account: choice.account, day: choice.review))
                } else {
                    builder.leaveOut(line: l, reason: "no room")
                }
                continue
            }
        }
        return builder.build()
    }
}
