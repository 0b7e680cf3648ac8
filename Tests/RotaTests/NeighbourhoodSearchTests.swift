import PropertyBased
import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaOracle
@testable import RotaSolvers
@testable import Rota

/// `auto`'s improvement phase: every plan it returns is valid (the rule ledger and the
/// independent validator), never worse than its start by `Objective.default`, the same on
/// every run, never better than the exhaustive optimum, and stops at the bound.
@Suite struct NeighbourhoodSearchTests {
    /// The problems found with the search's result from `start`, and the result.
    static func check(_ instance: Instance, start: DenseSchedule, workLimit: Int = 200_000, seed: UInt64 = 7)
        -> (problems: [String], outcome: NeighbourhoodSearch.Outcome)
    {
        let problem = PlanningProblem(instance)
        let startValues = start.objectiveValues(in: problem)
        var search = NeighbourhoodSearch(problem: problem, floor: LowerBounds.compute(problem), workLimit: workLimit)
        search.seed = seed
        let outcome = search.improve(start, values: startValues)
        var problems = outcome.schedule.violations(in: problem).map { "ledger: \($0)" }
        let plan = outcome.schedule.plan(in: problem, run: nil)
        problems += Validator().validate(plan, against: instance).violations.map { "validator: \($0)" }
        if Objective.default.compare(outcome.values, startValues) == .worse {
            problems.append("worse than the start: \(outcome.values) against \(startValues)")
        }
        if Objective.default.compare(outcome.values, outcome.schedule.objectiveValues(in: problem)) != .equal {
            problems.append("reported values are not the schedule's")
        }
        let again = search.improve(start, values: startValues)
        if again.schedule != outcome.schedule { problems.append("not deterministic") }
        return (problems, outcome)
    }

    /// Greedy's dense plan of `problem`.
    static func greedy(_ problem: PlanningProblem) -> DenseSchedule {
        var search = GreedySearch(problem: problem, options: SolveOptions(), stopwatch: GreedyStopwatch())
        search.run()
        return search.best.schedule
    }

    /// From seed-greedy's plan (weak, so moves are kept and improve it) and from greedy's, on
    /// generated small, compact tight (issue 10's tight, every few seeds) and rescheduling instances.
    @Test(arguments: Array(UInt64(1)...30))
    func validAndNeverWorseOnGeneratedInstances(seed: UInt64) throws {
        var instances = [
            ("small", InstanceFamily.small.generate(seed: seed)), ("compact-tight", CompactTight.generate(seed: seed)),
            ("resched", InstanceFamily.resched.generate(seed: seed)),
        ]
        if seed % 10 == 1 { instances.append(("tight", InstanceFamily.tight.generate(seed: seed))) }
        for (family, instance) in instances {
            let problem = PlanningProblem(instance)
            var ledger = CapacityLedger(problem: problem)
            let naive = SeedGreedySolver.decide(problem, ledger: &ledger).schedule
            for (name, start) in [("seed-greedy", naive), ("greedy", Self.greedy(problem))] {
                let (problems, _) = Self.check(instance, start: start)
                #expect(problems.isEmpty, "\(family)-\(seed) from \(name): \(problems)")
            }
        }
    }

    /// Random shapes (every rule drawn at random), from seed-greedy's plan.
    @Test func randomShapes() async {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &rng)).generate(seed: seed)
            let problem = PlanningProblem(instance)
            var ledger = CapacityLedger(problem: problem)
            let start = SeedGreedySolver.decide(problem, ledger: &ledger).schedule
            let (problems, _) = Self.check(instance, start: start, workLimit: 100_000, seed: seed)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
        }
    }

    /// Tiny instances: the search never claims more than the exhaustive optimum, and from
    /// seed-greedy's plan it improves somewhere.
    @Test func neverBeatsTheOracle() throws {
        var improved = 0
        for seed in UInt64(1)...40 {
            let instance = MIPTinyInstances.make(seed: seed + 3000, maxLines: 5, maxAccounts: 2, maxDays: 6)
            let problem = PlanningProblem(instance)
            var ledger = CapacityLedger(problem: problem)
            let start = SeedGreedySolver.decide(problem, ledger: &ledger).schedule
            let (problems, outcome) = Self.check(instance, start: start, workLimit: 20_000)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            let optimum = try ExhaustiveSolver().optimum(problem).objective
            #expect(Objective.default.compare(outcome.values, optimum) != .better, "seed \(seed)")
            if Objective.default.compare(outcome.values, start.objectiveValues(in: problem)) == .better { improved += 1 }
        }
        #expect(improved > 0, "the search improves some seed-greedy plan")
    }

    /// A plan that meets the bound is returned as it is, with no move tried.
    @Test func stopsAtTheBound() throws {
        let instance = InstanceFamily.small.generate(seed: 1)
        let problem = PlanningProblem(instance)
        let start = Self.greedy(problem)
        let values = start.objectiveValues(in: problem)
        let floor = MakespanBound(unscheduled: values.unscheduled, makespan: values.makespan)
        let outcome = NeighbourhoodSearch(problem: problem, floor: floor, workLimit: 1_000_000).improve(start, values: values)
        #expect(outcome.metFloor)
        #expect(outcome.moves == 0)
        #expect(outcome.schedule == start)
    }

    /// The work budget bounds the search: a zero budget tries nothing.
    @Test func zeroBudgetTriesNothing() throws {
        let problem = PlanningProblem(CompactTight.generate(seed: 3))
        let start = Self.greedy(problem)
        let values = start.objectiveValues(in: problem)
        let outcome = NeighbourhoodSearch(problem: problem, floor: MakespanBound(unscheduled: 0, makespan: 0), workLimit: 0)
            .improve(start, values: values)
        #expect(outcome.moves == 0)
        #expect(outcome.schedule == start)
    }
}
