import RotaCore

/// The dense outcome of a greedy run: per line, the account, purchase day and review day it
/// got, or why it was left out.
package struct GreedyDecisions: Sendable {
    /// The account that buys and reviews the line, -1 when it gets nothing.
    private(set) var account: [Int32]
    /// The new purchase's day, -1 when there is none (not scheduled, or already completed).
    private(set) var purchaseDay: [Int32]
    /// The review's day, -1 when the line gets no review.
    private(set) var reviewDay: [Int32]
    private(set) var cause: [LeaveOutCause]

    init(lineCount: Int) {
        account = [Int32](repeating: -1, count: lineCount)
        purchaseDay = [Int32](repeating: -1, count: lineCount)
        reviewDay = [Int32](repeating: -1, count: lineCount)
        cause = [LeaveOutCause](repeating: .none, count: lineCount)
    }

    mutating func reset() {
        for l in account.indices {
            account[l] = -1
            purchaseDay[l] = -1
            reviewDay[l] = -1
            cause[l] = .none
        }
    }

    /// Gives line `line` to `account`: a new purchase on `purchaseDay` (nil when completed) and
    /// its review on `reviewDay`.
    mutating func schedule(line: Int, account a: Int, purchaseDay p: Int?, reviewDay r: Int) {
        account[line] = Int32(a)
        purchaseDay[line] = Int32(p ?? -1)
        reviewDay[line] = Int32(r)
        cause[line] = .none
    }

    mutating func leaveOut(line: Int, cause why: LeaveOutCause) {
        account[line] = -1
        purchaseDay[line] = -1
        reviewDay[line] = -1
        cause[line] = why
    }

    /// The values of `Objective.default`'s levels (and late lines), computed from these decisions
    /// and the ledger's account loads, for the search to keep its best pass. Soft overruns are
    /// not counted (0): the default objective does not rank by them, and counting them on every
    /// pass would cost a sort of all purchases.
    func score(problem: PlanningProblem, loads: [Int]) -> ObjectiveValues {
        var unscheduled = 0
        var last = -1
        var lateness = 0.0
        var lateLines = 0
        for l in 0..<cause.count {
            if cause[l] != .none {
                unscheduled += 1
                continue
            }
            let r = Int(reviewDay[l])
            guard r >= 0 else { continue }
            last = max(last, r)
            if let due = problem.due[l], r > due {
                lateness += problem.weight[l] * Double(r - due)
                lateLines += 1
            }
        }
        for review in problem.completedReviews { last = max(last, review.day) }
        let largest = loads.max() ?? 0
        let smallest = loads.min() ?? 0
        return ObjectiveValues(
            unscheduled: unscheduled, makespan: max(0, last + 1), weightedLateness: lateness, lateLines: lateLines,
            largestLoad: largest, spread: largest - smallest)
    }

    /// The plan: history verbatim, new tasks through `PlanBuilder`, reasons in words.
    package func plan(problem: PlanningProblem, run: SolverRun) -> Plan {
        var builder = PlanBuilder(problem: problem)
        let explainer = LeaveOutExplainer(problem: problem)
        for l in 0..<cause.count {
            if cause[l] != .none {
                builder.leaveOut(line: l, reason: explainer.reason(line: l, cause: cause[l]))
                continue
            }
            let a = Int(account[l])
            let r = Int(reviewDay[l])
            guard a >= 0, r >= 0 else { continue }
            let p = Int(purchaseDay[l])
            builder.schedule(
                line: l, purchase: p >= 0 ? Placement(account: a, day: p) : nil,
                review: Placement(account: a, day: r))
        }
        return builder.build(run: run)
    }
}
