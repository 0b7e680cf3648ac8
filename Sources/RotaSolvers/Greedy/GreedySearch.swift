import RotaCore

/// The target-makespan search behind `GreedySolver`: which passes run, and the best plan kept.
///
/// On a machine with more than one core and a problem of at least `parallelLineFloor` lines,
/// passes the search is sure or likely to ask for next run side by side (`runAhead`): the two
/// orders at the same target, and the two line orders with `seed-greedy`'s pass. A pass run
/// ahead is kept aside and counts only when the search asks for it, in the order it asks, so
/// the plan, the number of passes and every score are those of the one-after-the-other search.
struct GreedySearch {
    /// Problems with fewer lines run every pass in turn: their passes take milliseconds.
    static let parallelLineFloor = 10_000
    /// This search's floor (tests lower it to compare both ways on small problems).
    var lineFloor = parallelLineFloor

    let problem: PlanningProblem
    let options: SolveOptions
    let stopwatch: GreedyStopwatch
    /// The sweeps' storage: the first runs the passes asked for; more run passes ahead.
    private var slots: [SweepSlot]
    /// Passes run ahead and not asked for yet, keyed like `tried`.
    private var ahead: [Int: PassRunAhead] = [:]
    private(set) var best: GreedyDecisions
    private(set) var bestScore: ObjectiveValues?
    private(set) var passes = 0
    private(set) var stoppedEarly = false
    /// Scores of the (target, order index) pairs already run, keyed `target * 8 + index`.
    private var tried: [Int: ObjectiveValues] = [:]

    init(problem: PlanningProblem, options: SolveOptions, stopwatch: GreedyStopwatch) {
        self.problem = problem
        self.options = options
        self.stopwatch = stopwatch
        slots = [SweepSlot(problem)]
        best = GreedyDecisions(lineCount: problem.lineCount)
    }

    /// Whether passes may run side by side.
    private var runsAhead: Bool { Concurrently.isParallel && problem.lineCount >= lineFloor }

    mutating func run() {
        let scarcity = GreedyLineOrder.scarcity(problem)
        let grouping = GreedyLineOrder.Grouping(problem)
        // The two line orders and seed-greedy's pass do not depend on each other.
        let problem = self.problem
        let slackFirst = JobResult<GreedyLineOrder>()
        let dueFirst = JobResult<GreedyLineOrder>()
        let seed = JobResult<ObjectiveValues>()
        let primary = slots[0]
        let jobs: [() -> Void] = [
            { slackFirst.value = GreedyLineOrder.slackFirst(problem, scarcity: scarcity, grouping: grouping) },
            { dueFirst.value = GreedyLineOrder.dueFirst(problem, scarcity: scarcity, grouping: grouping) },
            { seed.value = primary.sweep.runSeed() },
        ]
        if runsAhead { Concurrently.run(jobs) } else { jobs.forEach { $0() } }
        guard let seedScore = seed.value, let slack = slackFirst.value, let due = dueFirst.value else { return }
        let orders = [slack, due]
        // seed-greedy's plan first: whatever the time limit, the result is never worse.
        let horizon = problem.horizon
        consider(seedScore, stage: "seed-greedy") { primary.sweep.swapDecisions(with: &$0) }
        if timeUp() { return }
        runAhead([(horizon, 0), (horizon, 1)], orders: orders)
        let first = pass(target: horizon, order: orders[0], index: 0)
        if timeUp() { return }
        let second = pass(target: horizon, order: orders[1], index: 1)
        let preferred = Objective.default.compare(second, first) == .better ? 1 : 0
        let other = 1 - preferred

        // Bisection on the target with the better order; the other order then gets one try just
        // below the result, and a bisection of its own when it gets there.
        let low = lowerBound()
        var high = bestScore?.makespan ?? 0
        if !bisect(orders: orders, index: preferred, low: low, high: &high) { return }
        if high > low {
            if timeUp() { return }
            let score = pass(target: high - 1, order: orders[other], index: other)
            if reaches(score, target: high - 1) {
                high = bestScore?.makespan ?? high
                if !bisect(orders: orders, index: other, low: low, high: &high) { return }
            }
        }
        // At the final target, every order gets its chance at lateness and balance.
        runAhead([(high, 0), (high, 1)], orders: orders)
        for (index, order) in orders.enumerated() {
            if timeUp() { return }
            _ = pass(target: high, order: order, index: index)
        }
    }

    /// Narrows `high` (a reached target) down towards `low` with order `index`; false when the
    /// time is up. Beside each pass, the other order runs ahead at the same target: where the
    /// bisection ends, the search asks for both orders.
    private mutating func bisect(orders: [GreedyLineOrder], index: Int, low: Int, high: inout Int) -> Bool {
        var low = low
        while low < high {
            if timeUp() { return false }
            let mid = (low + high) / 2
            runAhead([(mid, index), (mid, 1 - index)], orders: orders)
            if reaches(pass(target: mid, order: orders[index], index: index), target: mid) {
                high = bestScore?.makespan ?? mid
            } else {
                low = mid + 1
            }
        }
        return true
    }

    /// The pass leaves out no more lines than the best plan and ends within `target`.
    private func reaches(_ score: ObjectiveValues, target: Int) -> Bool {
        guard let best = bestScore else { return false }
        return score.unscheduled <= best.unscheduled && score.makespan <= target
    }

    /// Runs one sweep unless this (target, order) was run already; returns its score. A pass
    /// run ahead counts now, as if it had just run.
    private mutating func pass(target: Int, order: GreedyLineOrder, index: Int) -> ObjectiveValues {
        let key = target * 8 + index
        if let score = tried[key] { return score }
        let stage = "greedy \(order.name) target \(target)"
        if var early = ahead.removeValue(forKey: key) {
            tried[key] = early.score
            consider(early.score, stage: stage) { swap(&early.decisions, &$0) }
            return early.score
        }
        let slot = slots[0]
        let score = slot.sweep.run(target: target, order: order)
        tried[key] = score
        consider(score, stage: stage) { slot.sweep.swapDecisions(with: &$0) }
        return score
    }

    /// Runs the passes of `wanted` (target, order index) not run yet side by side, one per
    /// core, and keeps them aside until `pass` asks for them. Nothing happens on one core, for
    /// small problems, or when fewer than two passes are left to run.
    private mutating func runAhead(_ wanted: [(target: Int, index: Int)], orders: [GreedyLineOrder]) {
        guard runsAhead else { return }
        var fresh: [(target: Int, index: Int)] = []
        for pass in wanted {
            let key = pass.target * 8 + pass.index
            guard tried[key] == nil, ahead[key] == nil, !fresh.contains(where: { $0 == pass }) else { continue }
            fresh.append(pass)
        }
        fresh = Array(fresh.prefix(Concurrently.cores))
        guard fresh.count > 1 else { return }
        while slots.count < fresh.count { slots.append(SweepSlot(problem)) }
        let jobs: [() -> Void] = fresh.enumerated().map { n, pass in
            let slot = slots[n]
            let order = orders[pass.index]
            return { slot.score = slot.sweep.run(target: pass.target, order: order) }
        }
        Concurrently.run(jobs)
        for (n, pass) in fresh.enumerated() {
            guard let score = slots[n].score else { continue }
            var decisions = GreedyDecisions(lineCount: problem.lineCount)
            slots[n].sweep.swapDecisions(with: &decisions)
            ahead[pass.target * 8 + pass.index] = PassRunAhead(score: score, decisions: decisions)
        }
    }

    /// Keeps a pass's decisions (`swapIn` trades them for the given buffer) when they beat the
    /// best so far; true when they do.
    @discardableResult
    private mutating func consider(
        _ score: ObjectiveValues, stage: String, swapIn: (inout GreedyDecisions) -> Void
    ) -> Bool {
        passes += 1
        let better = bestScore.map { Objective.default.compare(score, $0) == .better } ?? true
        if better {
            bestScore = score
            swapIn(&best)
        }
        if let progress = options.progress, let best = bestScore {
            progress(
                SolveProgress(
                    stage: stage, incumbent: Double(best.makespan), bound: nil, gap: nil, nodes: passes,
                    seconds: stopwatch.seconds))
        }
        return better
    }

    private mutating func timeUp() -> Bool {
        guard let limit = options.timeLimit, stopwatch.seconds >= limit else { return false }
        stoppedEarly = true
        return true
    }

    /// No plan that schedules the best plan's lines ends before any of their reviews can:
    /// each line's first purchase day plus its lag (or its completed purchase's review day),
    /// every completed review, and the day by which the accounts could have bought them all.
    private func lowerBound() -> Int {
        var bound = 0
        var purchases = 0
        var shortestLag = Int.max
        for review in problem.completedReviews { bound = max(bound, review.day + 1) }
        for l in 0..<problem.lineCount where best.cause[l] == .none && best.reviewDay[l] >= 0 {
            switch problem.need[l] {
            case .purchaseAndReview:
                purchases += 1
                shortestLag = min(shortestLag, problem.lag[l])
                bound = max(bound, problem.firstPurchaseDay[l] + problem.lag[l] + 1)
            case .review(_, let purchaseDay):
                bound = max(bound, max(0, purchaseDay + problem.lag[l]) + 1)
            case .done:
                break
            }
        }
        if purchases > 0 { bound = max(bound, purchaseCapacityBound(purchases: purchases, shortestLag: shortestLag)) }
        return min(bound, bestScore?.makespan ?? 0)
    }
}

/// A sweep's storage, held by reference so that passes on different sweeps can run on
/// different threads without copying it.
private final class SweepSlot: @unchecked Sendable {
    var sweep: GreedySweep
    /// The score of the last pass run ahead on this sweep.
    var score: ObjectiveValues?

    init(_ problem: PlanningProblem) { sweep = GreedySweep(problem: problem) }
}

/// A pass run ahead (`GreedySearch.runAhead`): its score and decisions, until the search asks.
private struct PassRunAhead {
    var score: ObjectiveValues
    var decisions: GreedyDecisions
}
