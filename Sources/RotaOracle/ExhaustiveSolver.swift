import RotaCore

/// The test oracle: enumerates every placement of every line (purchase account and day, review
/// day, or left out) by branch and bound, and returns a lexicographically optimal plan.
///
/// For tiny instances only: it refuses more than `maxLines` lines needing work, and gives up
/// (throws) after `maxNodes` search nodes unless the caller set a node or time limit, in which
/// case it returns the best plan found so far.
package struct ExhaustiveSolver: Solver {
    package let name = "exhaustive"
    /// Most lines needing a task that the search accepts.
    package var maxLines: Int
    /// Most search nodes before the search gives up.
    package var maxNodes: Int

    package init(maxLines: Int = 8, maxNodes: Int = 10_000_000) {
        self.maxLines = maxLines
        self.maxNodes = maxNodes
    }

    package func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        let clock = ContinuousClock.now
        let outcome = try search(problem, options: options)
        let seconds = clock.secondsElapsed
        var settings: [String: String] = ["max-lines": String(maxLines), "max-nodes": String(maxNodes)]
        if let limit = options.timeLimit { settings["time-limit"] = String(limit) }
        if let limit = options.nodeLimit { settings["node-limit"] = String(limit) }
        let run = SolverRun(
            name: name, status: outcome.status, seconds: seconds,
            lowerBound: outcome.status == .optimal ? outcome.objective.makespan : nil,
            gap: outcome.status == .optimal ? 0 : nil, settings: settings,
            versions: ["rota": RotaVersion.current])
        return SolveResult(plan: outcome.schedule.plan(in: problem, run: run), run: run)
    }

    /// The optimal schedule and its objective; throws when the instance is too large.
    package func optimum(_ problem: PlanningProblem) throws -> (schedule: DenseSchedule, objective: ObjectiveValues)
    {
        let outcome = try search(problem, options: SolveOptions())
        return (outcome.schedule, outcome.objective)
    }

    func search(_ problem: PlanningProblem, options: SolveOptions) throws -> ExhaustiveSearch.Outcome {
        let work = problem.workLines.count
        guard work <= maxLines else { throw ExhaustiveSolverError.tooManyLines(work, limit: maxLines) }
        // Placements per line: account × purchase day × review day (review day fixed when uncapped).
        let days = min(problem.horizon, 1 << 20)
        let reviewDays = problem.reviewsPerDay < PlanningProblem.unlimited ? days : 1
        let choices = Double(problem.accountCount) * Double(days) * Double(reviewDays) * Double(max(1, work))
        if choices > Double(Self.maxChoices) { throw ExhaustiveSolverError.tooManyChoices(limit: Self.maxChoices) }
        var search = ExhaustiveSearch(problem: problem)
        let limited = options.nodeLimit != nil || options.timeLimit != nil || options.shouldStop != nil
        let nodeLimit = min(options.nodeLimit ?? maxNodes, maxNodes)
        let outcome = search.run(nodeLimit: nodeLimit, timeLimit: options.timeLimit, shouldStop: options.shouldStop)
        if outcome.status == .nodeLimit, !limited || options.nodeLimit.map({ $0 > maxNodes }) == true {
            throw ExhaustiveSolverError.tooManyStates(limit: maxNodes)
        }
        return outcome
    }

    /// Most placements the search lists over all lines.
    static let maxChoices = 2_000_000

}

/// Why the exhaustive search refuses an instance.
package enum ExhaustiveSolverError: Error, Equatable, CustomStringConvertible {
    case tooManyLines(Int, limit: Int)
    case tooManyStates(limit: Int)
    case tooManyChoices(limit: Int)

    package var description: String {
        switch self {
        case .tooManyLines(let n, let limit):
            return "the exhaustive solver handles at most \(limit) lines needing work; this instance has \(n)"
        case .tooManyStates(let limit):
            return "the exhaustive search gave up after \(limit) nodes; the instance is too large for it"
        case .tooManyChoices(let limit):
            return "the exhaustive solver lists at most \(limit) placements; the accounts and days of this instance allow more"
        }
    }
}
