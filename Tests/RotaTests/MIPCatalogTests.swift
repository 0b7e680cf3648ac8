import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

/// The catalog's `mip` starts from greedy's plan: a search cut short still returns a full plan.
@Suite struct MIPCatalogTests {
    @Test func limitedSearchKeepsGreedysPlan() throws {
        let instance = InstanceFamily.small.generate(seed: 1)
        let problem = PlanningProblem(instance)
        let solver = try #require(SolverCatalog.solver(named: "mip") as? MIPSolver)
        let report = try solver.run(problem, options: SolveOptions(nodeLimit: 1))
        let result = solver.result(of: report, in: problem, options: SolveOptions(nodeLimit: 1))
        let greedy = try GreedySolver().solve(problem, options: SolveOptions()).plan
        #expect(result.plan.unscheduled.count <= greedy.unscheduled.count)
        #expect(report.warmStart == .accepted)
        #expect(Validator().validate(result.plan, against: instance).isFeasible)
    }
}
