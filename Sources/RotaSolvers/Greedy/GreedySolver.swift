import RotaCore

/// The constructive heuristic (`greedy`): searches the target makespan by bisection between a
/// simple lower bound and the full horizon, running a priority sweep (`GreedySweep`) for each
/// target with two line orders, and keeps the best plan by the default lexicographic objective
/// (unscheduled, makespan, weighted lateness, largest load, spread). `seed-greedy`'s plan is one
/// of the candidates, so the result is never worse than it. Deterministic.
///
/// With `options.timeLimit` the search stops between passes once the time is up and returns the
/// best plan so far with status `time-limit`; the first pass (`seed-greedy`'s) always completes.
public struct GreedySolver: Solver {
    public let name = "greedy"

    public init() {}

    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        // Pins and forbidden accounts: placed first, the rest planned around them (OverrideSolving).
        if problem.hasOverridesToPlace {
            return try OverrideSolving.solve(self, in: SolveContext(problem, options: options))
        }
        let stopwatch = GreedyStopwatch()
        var search = GreedySearch(problem: problem, options: options, stopwatch: stopwatch)
        search.run()
        var settings: [String: String] = [:]
        if let limit = options.timeLimit { settings["time-limit"] = String(limit) }
        let run = SolverRun(
            name: name, status: search.stoppedEarly ? .timeLimit : .heuristic, seconds: stopwatch.seconds,
            settings: settings, versions: ["rota": RotaVersion.current])
        return SolveResult(plan: search.best.plan(problem: problem, run: run), run: run)
    }
}
