import Testing
@testable import RotaCore
@testable import RotaSolvers
@testable import Rota

/// The greedy search compares plans by scores computed from dense decisions; they must be the
/// metrics the format defines, computed from the plan itself.
@Suite struct GreedyScoreTests {
    @Test func scoresMatchThePlansMetrics() throws {
        var shapes = SplitMix64(seed: 77)
        for seed in UInt64(1)...150 {
            let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &shapes)).generate(seed: seed)
            let problem = PlanningProblem(instance)
            var sweep = GreedySweep(problem: problem)
            let order = GreedyLineOrder.dueFirst(
                problem, scarcity: GreedyLineOrder.scarcity(problem), grouping: GreedyLineOrder.Grouping(problem))
            let score = sweep.run(target: max(1, problem.horizon / 2), order: order)
            let plan = sweep.decisions.plan(
                problem: problem, run: SolverRun(name: "greedy", status: .heuristic, seconds: 0))

            #expect(score.unscheduled == plan.unscheduled.count)
            #expect(score.makespan == GreedyTestSupport.makespan(plan, start: instance.start))
            var loads = Dictionary(uniqueKeysWithValues: instance.accounts.map { ($0.id, 0) })
            for task in plan.tasks where task.kind == .purchase && task.status != .missed { loads[task.account]? += 1 }
            let largest = loads.values.max() ?? 0
            #expect(score.largestLoad == largest)
            #expect(score.spread == largest - (loads.values.min() ?? 0))
            var lateness = 0.0
            let lines = Dictionary(uniqueKeysWithValues: instance.resolvedLines.map { ($0.id, $0) })
            let pendingReviews = plan.tasks.filter { $0.kind == .review && $0.status == .pending }
            for review in pendingReviews {
                if let due = lines[review.line]?.due, review.date > due {
                    lateness += (lines[review.line]?.weight ?? 0) * Double(review.date - due)
                }
            }
            #expect(abs(score.weightedLateness - lateness) < 1e-9)
        }
    }
}
