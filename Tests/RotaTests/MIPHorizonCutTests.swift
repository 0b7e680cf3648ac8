import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import RotaOracle

/// Warm-started from greedy, the MIP models only the days before greedy's makespan when
/// greedy leaves out the proven fewest lines; the optimum stays the exhaustive one.
@Suite struct MIPHorizonCutTests {
    @Test(arguments: 0..<40)
    func cutModelKeepsTheExhaustiveOptimum(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 1_000))
        let optimum = try ExhaustiveSolver().optimum(problem).objective
        let report = try MIPSolver(startFromGreedy: true).run(problem, options: SolveOptions())
        #expect(report.warmStart == .accepted, "seed \(seed)")
        #expect(Validator().validate(report.schedule.plan(in: problem, run: nil), against: problem.instance).isFeasible)
        MIPTinyInstances.expectEveryLevel(report.objective, equals: optimum, "seed \(seed)")
        #expect(report.horizon <= problem.horizon)
    }

    @Test func cutsToTheWarmStartsMakespanOnlyWhenUnscheduledIsProven() throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 3))
        let floor = LowerBounds.compute(problem)
        let proven = ObjectiveValues(
            unscheduled: floor.unscheduled, makespan: 3, weightedLateness: 0, largestLoad: 0, spread: 0, softOverruns: 0)
        #expect(MIPSolver.modelledProblem(problem, warmObjective: proven, floor: floor).horizon == min(3, problem.horizon))
        var more = proven
        more.unscheduled += 1
        #expect(MIPSolver.modelledProblem(problem, warmObjective: more, floor: floor).horizon == problem.horizon)
        #expect(MIPSolver.modelledProblem(problem, warmObjective: nil, floor: floor).horizon == problem.horizon)
    }

    @Test func runSettingsReportTheModelSizeAndTheCut() throws {
        let problem = PlanningProblem(
            MIPSizedInstances.make(seed: 7, accounts: 4, lines: 20, items: 6, days: 20, lag: 2))
        let mip = MIPSolver(startFromGreedy: true)
        let report = try mip.run(problem, options: SolveOptions(nodeLimit: 50))
        let result = mip.result(of: report, in: problem, options: SolveOptions(nodeLimit: 50))
        #expect(result.model == report.size.model)
        #expect(result.run.settings["rows"] == String(report.size.rows))
        #expect(result.run.settings["columns"] == String(report.size.columns))
        #expect(result.run.settings["nonzeros"] == String(report.size.nonZeros))
        #expect(result.run.settings["warm-start"] == report.warmStart.description)
        #expect(
            result.run.settings["stages"]
                == report.stages.map { "\($0.level.stageName) \($0.outcome.rawValue)" }.joined(separator: ", "))
        if let horizon = result.run.settings["horizon"] { #expect(horizon.hasSuffix("of 20 days (the warm start's makespan)")) }
        #expect(Validator().validate(result.plan, against: problem.instance).isFeasible)
    }
}
