import RotaCore

/// The target-makespan search behind `GreedySolver`: which passes run, and the best plan kept.
struct GreedySearch {
    let problem: PlanningProblem
    let options: SolveOptions
    let stopwatch: GreedyStopwatch
    private var sweep: GreedySweep
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
        sweep = GreedySweep(problem: problem)
        best = GreedyDecisions(lineCount: problem.lineCount)
    }

    mutating func run() {
        let scarcity = GreedyLineOrder.scarcity(problem)
        let grouping = GreedyLineOrder.Grouping(problem)
        let orders = [
            GreedyLineOrder.slackFirst(problem, scarcity: scarcity, grouping: grouping),
            GreedyLineOrder.dueFirst(problem, scarcity: scarcity, grouping: grouping),
        ]
        // seed-greedy's plan first: whatever the time limit, the result is never worse.
        let horizon = problem.horizon
        consider(sweep.runSeed(), stage: "seed-greedy")
        if timeUp() { return }
        let first = pass(target: horizon, order: orders[0], index: 0)
        if timeUp() { return }
        let second = pass(target: horizon, order: orders[1], index: 1)
        let preferred = Objective.default.compare(second, first) == .better ? 1 : 0
        let other = 1 - preferred

        // Bisection on the target with the better order; the other order then gets one try just
        // below the result, and a bisection of its own when it gets there.
        let low = lowerBound()
        var high = bestScore?.makespan ?? 0
        if !bisect(order: orders[preferred], index: preferred, low: low, high: &high) { return }
        if high > low {
            if timeUp() { return }
            let score = pass(target: high - 1, order: orders[other], index: other)
            if reaches(score, target: high - 1) {
                high = bestScore?.makespan ?? high
                if !bisect(order: orders[other], index: other, low: low, high: &high) { return }
            }
        }
        // At the final target, every order gets its chance at lateness and balance.
        for (index, order) in orders.enumerated() {
            if timeUp() { return }
            _ = pass(target: high, order: order, index: index)
        }
    }

    /// Narrows `high` (a reached target) down towards `low` with one order; false when the
    /// time is up.
    private mutating func bisect(order: GreedyLineOrder, index: Int, low: Int, high: inout Int) -> Bool {
        var low = low
        while low < high {
            if timeUp() { return false }
            let mid = (low + high) / 2
            if reaches(pass(target: mid, order: order, index: index), target: mid) {
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

    /// Runs one sweep unless this (target, order) was run already; returns its score.
    private mutating func pass(target: Int, order: GreedyLineOrder, index: Int) -> ObjectiveValues {
        let key = target * 8 + index
        if let score = tried[key] { return score }
        let score = sweep.run(target: target, order: order)
        tried[key] = score
        consider(score, stage: "greedy \(order.name) target \(target)")
        return score
    }

    /// Keeps the sweep's current decisions when they beat the best so far; true when they do.
    @discardableResult
    private mutating func consider(_ score: ObjectiveValues, stage: String) -> Bool {
        passes += 1
        let better = bestScore.map { Objective.default.compare(score, $0) == .better } ?? true
        if better {
            bestScore = score
            sweep.swapDecisions(with: &best)
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
