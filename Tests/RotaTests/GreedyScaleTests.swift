import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

/// A larger instance with every rule on: both solvers finish quickly and stay valid.
@Suite struct GreedyScaleTests {
    @Test func thousandsOfLinesWithEveryRule() throws {
        let shape = InstanceGenerator.Shape(
            name: "scale", accounts: 60, lines: 6_000, linesPerOrder: 1...5, items: 600, itemSkew: 1.0,
            horizonDays: 150, dailyLimit: 1...4, unavailable: 0.05,
            rolling: .init(days: 7...7, soft: true, hard: true, fill: 0.8), sameItemPerAccount: 2,
            reviewsPerAccountPerDay: 3, reviewLag: 4...4, lagOverride: 0.1, lagOverrideDays: 2...14, earliest: 0.2,
            earliestSpreadDays: 30, dueDate: 0.3, dueDays: 7...60, slaTier: 0.5, indices: 0.5,
            history: .init(days: 10, lines: 0.05))
        let instance = InstanceGenerator(shape: shape).generate(seed: 2026)
        let problem = PlanningProblem(instance)
        let seed = try SeedGreedySolver().solve(problem, options: SolveOptions())
        let greedy = try GreedySolver().solve(problem, options: SolveOptions(timeLimit: 60))
        for plan in [seed.plan, greedy.plan] {
            let report = Validator().validate(plan, against: instance)
            #expect(report.isFeasible, "\(report.violations.prefix(5))")
        }
        #expect(greedy.plan.unscheduled.count <= seed.plan.unscheduled.count)
        if greedy.plan.unscheduled.count == seed.plan.unscheduled.count {
            #expect(GreedyTestSupport.makespan(greedy.plan) <= GreedyTestSupport.makespan(seed.plan))
        }
        #expect(greedy.run.status == .heuristic)
        // Every left-out line says why, in words naming its item or days.
        #expect(greedy.plan.unscheduled.allSatisfy { $0.reason.count > 20 })
    }
}
