import Foundation
import Testing
import RotaCore
import RotaFormat
import RotaEvaluation
import RotaSolvers
import RotaOracle

@Suite struct MIPGreedyTests {
    /// Never worse than greedy: alone (proven optimal) and warm-started from greedy's plan.
    @Test(arguments: 0..<20)
    func neverWorseThanGreedy(seed: Int) throws {
        let problem = PlanningProblem(
            MIPSizedInstances.make(seed: UInt64(seed) + 90, accounts: 3 + seed % 3, lines: 12 + seed, items: 6, days: 10, lag: 2))
        let greedy = try GreedySolver().solve(problem, options: SolveOptions())
        let start = DenseSchedule(plan: greedy.plan, problem: problem)
        #expect(start.violations(in: problem).isEmpty)
        let greedyObjective = start.objectiveValues(in: problem)
        let alone = try MIPSolver().run(problem, options: SolveOptions(timeLimit: 60))
        let seeded = try MIPSolver(warmStart: start).run(problem, options: SolveOptions(timeLimit: 60))
        #expect(seeded.warmStart == .accepted)
        #expect(!greedyObjective.isBetter(than: seeded.objective), "seed \(seed)")
        if alone.status == .optimal { #expect(!greedyObjective.isBetter(than: alone.objective), "seed \(seed)") }
        #expect(alone.objective.isEquivalent(to: seeded.objective) || alone.status != .optimal || seeded.status != .optimal)
    }

    /// A warm start from a plan round-trips through the dense form.
    @Test func planRoundTripsThroughDenseForm() throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 48))
        let optimum = try ExhaustiveSolver().optimum(problem)
        let plan = optimum.schedule.plan(in: problem, run: nil)
        #expect(DenseSchedule(plan: plan, problem: problem) == optimum.schedule)
    }

    /// The project's seed instance is proven optimal.
    @Test func seedInstanceIsProvenOptimal() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instances/seed.json").path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let instance = try RotaJSON.decodeInstance(bytes, file: path)
        let problem = PlanningProblem(instance)
        let result = try MIPSolver().solve(problem, options: SolveOptions(timeLimit: 60))
        #expect(result.run.status == .optimal)
        #expect(Validator().validate(result.plan, against: instance).isFeasible)
        let greedy = try GreedySolver().solve(problem, options: SolveOptions())
        let greedyObjective = DenseSchedule(plan: greedy.plan, problem: problem).objectiveValues(in: problem)
        let mipObjective = DenseSchedule(plan: result.plan, problem: problem).objectiveValues(in: problem)
        #expect(!greedyObjective.isBetter(than: mipObjective))
    }
}
