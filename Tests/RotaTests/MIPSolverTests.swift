import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import RotaOracle

@Suite struct MIPSolverTests {
    /// Every work line is either planned (purchase when needed, review) or left out with a reason.
    static func checkCoverage(_ plan: Plan, _ problem: PlanningProblem) {
        let reviewed = Set(plan.tasks.filter { $0.status == .pending && $0.kind == .review }.map(\.line))
        for l in problem.workLines {
            let id = problem.lines[l].id
            let left = plan.unscheduled.first { $0.line == id }
            #expect(reviewed.contains(id) != (left != nil), "line \(id)")
            if let left { #expect(!left.reason.isEmpty) }
        }
        let history = problem.instance.existing.filter { $0.status != .pending }
        #expect(plan.tasks.filter { $0.status != .pending } == history)
        let report = Validator().validate(plan, against: problem.instance)
        #expect(report.isFeasible, "\(report.violations.prefix(3))")
    }

    @Test(arguments: 0..<60)
    func matchesTheExhaustiveOptimumAtEveryLevel(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed)))
        let optimum = try ExhaustiveSolver().optimum(problem).objective
        let report = try MIPSolver().run(problem, options: SolveOptions())
        #expect(report.schedule.violations(in: problem).isEmpty)
        let plan = report.schedule.plan(in: problem, run: nil)
        #expect(Validator().validate(plan, against: problem.instance).isFeasible, "seed \(seed)")
        MIPTinyInstances.expectEveryLevel(report.objective, equals: optimum, "seed \(seed)")
        #expect(report.status == .optimal || report.status == .infeasible)
        #expect(report.makespanBound == optimum.makespan)
    }

    @Test(arguments: 0..<30)
    func plansAreValidAndRecordTheRun(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 700))
        let result = try MIPSolver().solve(problem, options: SolveOptions(timeLimit: 20))
        #expect(result.run.name == "mip")
        #expect(result.plan.solver == result.run)
        #expect(result.run.versions["glpk"]?.isEmpty == false)
        #expect(result.run.versions["rota"] == RotaVersion.current)
        #expect(result.run.settings["time-limit"] == "20.0")
        Self.checkCoverage(result.plan, problem)
        if result.run.status == .optimal { #expect(result.run.gap == 0) }
    }

    @Test(arguments: 0..<20)
    func warmStartIsNeverBeaten(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 300))
        let optimum = try ExhaustiveSolver().optimum(problem)
        // From the optimum itself, with a one-node budget: nothing worse comes back.
        let report = try MIPSolver(warmStart: optimum.schedule).run(problem, options: SolveOptions(nodeLimit: 1))
        #expect(report.warmStart == .accepted)
        #expect(!optimum.objective.isBetter(than: report.objective), "seed \(seed)")
        #expect(report.schedule.violations(in: problem).isEmpty)
        #expect(Validator().validate(report.schedule.plan(in: problem, run: nil), against: problem.instance).isFeasible)
    }

    /// Small instances (beyond the exhaustive search) are proven optimal at every level.
    @Test(arguments: 0..<6)
    func smallInstancesAreProvenOptimal(seed: Int) throws {
        let problem = PlanningProblem(
            MIPSizedInstances.make(seed: UInt64(seed) + 40, accounts: 3 + seed % 2, lines: 16 + 2 * seed, items: 6, days: 10, lag: 2))
        let result = try MIPSolver().solve(problem, options: SolveOptions(timeLimit: 60))
        #expect(result.run.status == .optimal, "seed \(seed)")
        #expect(result.run.gap == 0)
        Self.checkCoverage(result.plan, problem)
    }

    @Test func rejectsAnInvalidWarmStart() throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 4))
        var bad = DenseSchedule(lineCount: problem.lineCount)
        let l = try #require(problem.workLines.first)
        bad.schedule(line: l, purchase: Placement(account: 0, day: 0), review: Placement(account: 0, day: -1))
        let report = try MIPSolver(warmStart: bad).run(problem, options: SolveOptions())
        #expect(report.warmStart == .rejected(.violations(bad.violations(in: problem))))
        #expect(report.warmStart.description.hasPrefix("rejected: rule "))
        #expect(report.status == .optimal)
    }

    @Test func impossibleLinesAreLeftOutWithReasons() throws {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 3, rules: Rules(reviewLagDays: 5),
            accounts: [Account(id: "a", dailyLimit: 2)],
            orders: [Order(id: "o", lines: [Line(id: "o/1", item: "i"), Line(id: "o/2", item: "j")])])
        let problem = PlanningProblem(instance)
        let result = try MIPSolver().solve(problem, options: SolveOptions())
        #expect(result.run.status == .infeasible)
        #expect(result.plan.tasks.isEmpty)
        #expect(result.plan.unscheduled.map(\.line) == ["o/1", "o/2"])
        #expect(result.plan.unscheduled.allSatisfy { $0.reason.contains("available") })
    }

    /// A window far longer than the plan counts everything once, without long loops.
    @Test func hugeRollingWindowIsHarmless() throws {
        var instance = MIPTinyInstances.make(seed: 48)
        for a in instance.accounts.indices { instance.accounts[a].rolling = RollingCap(days: 1_000_000_000, soft: 2, hard: 5) }
        let problem = PlanningProblem(instance)
        let optimum = try ExhaustiveSolver().optimum(problem).objective
        let result = try MIPSolver().run(problem, options: SolveOptions(timeLimit: 30))
        #expect(result.objective.unscheduled == optimum.unscheduled)
        #expect(result.objective.makespan == optimum.makespan)
        #expect(Validator().validate(result.schedule.plan(in: problem, run: nil), against: instance).isFeasible)
    }

    @Test func reportsProgressAndStages() throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 48))
        let report = try MIPSolver().run(problem, options: SolveOptions(progress: { _ in }))
        #expect(report.stages.map(\.level) == ObjectiveLevel.stages)
        #expect(report.size.columns > 0 && report.size.rows > 0)
    }
}
