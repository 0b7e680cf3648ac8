import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import Rota

/// `auto`'s steps: the flow's work budget, the improvement phase, dense hand-offs.
@Suite struct AutoStepsTests {
    /// A budget too small for one network stops the flow before it solves anything; without a
    /// budget the same request runs.
    @Test func flowStopsAtItsWorkBudget() throws {
        let problem = PlanningProblem(InstanceFamily.small.generate(seed: 2))
        #expect(throws: FlowBudgetExceeded.self) {
            _ = try FlowSolver().find(.solve, in: problem, workLimit: 1, knownCut: nil)
        }
        let found = try FlowSolver().find(.solve, in: problem, workLimit: nil, knownCut: nil)
        #expect(found.work > 1)
        #expect(found.schedule?.violations(in: problem).isEmpty == true)
    }

    /// The standalone flow solver ignores budgets unless given one: same plan as before.
    @Test func standaloneFlowIsUnlimited() throws {
        let instance = InstanceFamily.small.generate(seed: 2)
        let problem = PlanningProblem(instance)
        let plain = try FlowSolver().solve(problem, options: SolveOptions())
        var limited = FlowSolver()
        limited.workLimit = 1
        #expect(throws: FlowBudgetExceeded.self) { _ = try limited.solve(problem, options: SolveOptions()) }
        #expect(Validator().validate(plain.plan, against: instance).isFeasible)
    }

    /// With and without the improvement phase: valid plans, never worse with it, the same on
    /// every run.
    @Test(arguments: [UInt64(3), 5, 8, 12])
    func improvementNeverMakesAutoWorse(seed: UInt64) throws {
        let instance = CompactTight.generate(seed: seed)
        let problem = PlanningProblem(instance)
        var without = AutoSolver()
        without.improves = false
        let plain = try without.solve(problem, options: SolveOptions())
        let improved = try AutoSolver().solve(problem, options: SolveOptions())
        for result in [plain, improved] {
            #expect(Validator().validate(result.plan, against: instance).isFeasible, "seed \(seed)")
        }
        let scorer = Scorer()
        let a = scorer.score(improved.plan, for: instance).objectiveValues
        let b = scorer.score(plain.plan, for: instance).objectiveValues
        #expect(Objective.default.compare(a, b) != .worse, "seed \(seed): \(a) against \(b)")
        let again = try AutoSolver().solve(problem, options: SolveOptions())
        #expect(again.plan.tasks == improved.plan.tasks, "deterministic")
    }

    /// Greedy's dense decisions are the tasks of its plan.
    @Test func greedyScheduleIsItsPlan() throws {
        let problem = PlanningProblem(InstanceFamily.resched.generate(seed: 4))
        var search = GreedySearch(problem: problem, options: SolveOptions(), stopwatch: GreedyStopwatch())
        search.run()
        let plan = try GreedySolver().solve(problem, options: SolveOptions()).plan
        #expect(search.best.schedule == DenseSchedule(plan: plan, problem: problem))
    }
}
