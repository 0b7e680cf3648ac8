import PropertyBased
import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

/// Both greedy solvers over many generated instances: every plan is valid, and `greedy`
/// never does worse than `seed-greedy` on unscheduled lines, then makespan.
@Suite struct GreedyPropertyTests {
    struct Outcome {
        var problems: [String]
        var seedUnscheduled: Int
        var greedyUnscheduled: Int
        var seedMakespan: Int
        var greedyMakespan: Int
    }

    static func outcome(seed: UInt64) throws -> Outcome {
        var rng = SplitMix64(seed: seed)
        let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &rng)).generate(seed: seed)
        let problem = PlanningProblem(instance)
        let seedPlan = try SeedGreedySolver().solve(problem, options: SolveOptions()).plan
        let greedyPlan = try GreedySolver().solve(problem, options: SolveOptions()).plan
        // Two checks: the validator, and the dense schedule through the rule ledger.
        let validator = Validator()
        let problems =
            DenseSchedule(plan: seedPlan, problem: problem).violations(in: problem).map { "seed-greedy: \($0)" }
            + DenseSchedule(plan: greedyPlan, problem: problem).violations(in: problem).map { "greedy: \($0)" }
            + validator.validate(seedPlan, against: instance).violations.map { "seed-greedy: \($0)" }
            + validator.validate(greedyPlan, against: instance).violations.map { "greedy: \($0)" }
        return Outcome(
            problems: problems, seedUnscheduled: seedPlan.unscheduled.count,
            greedyUnscheduled: greedyPlan.unscheduled.count,
            seedMakespan: GreedyTestSupport.makespan(seedPlan, start: instance.start),
            greedyMakespan: GreedyTestSupport.makespan(greedyPlan, start: instance.start))
    }

    @Test func fiveHundredSeededInstances() throws {
        var strictlyBetter = 0
        for seed in UInt64(1)...500 {
            let o = try Self.outcome(seed: seed)
            #expect(o.problems.isEmpty, "seed \(seed): \(o.problems)")
            #expect(o.greedyUnscheduled <= o.seedUnscheduled, "seed \(seed)")
            if o.greedyUnscheduled == o.seedUnscheduled {
                #expect(o.greedyMakespan <= o.seedMakespan, "seed \(seed)")
                if o.greedyMakespan < o.seedMakespan { strictlyBetter += 1 }
            } else {
                strictlyBetter += 1
            }
        }
        #expect(strictlyBetter > 25)
    }

    @Test func randomSeeds() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            let o = try Self.outcome(seed: seed)
            #expect(o.problems.isEmpty, "seed \(seed): \(o.problems)")
            #expect(o.greedyUnscheduled <= o.seedUnscheduled, "seed \(seed)")
            if o.greedyUnscheduled == o.seedUnscheduled { #expect(o.greedyMakespan <= o.seedMakespan, "seed \(seed)") }
        }
    }
}
