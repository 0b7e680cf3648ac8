import Testing
import RotaCore
import RotaEvaluation

@Suite struct BoundBruteForceTests {
    /// On many tiny random instances, the bound never exceeds the exhaustive optimum: no plan
    /// leaves out fewer lines than `unscheduled`, and when that many is achievable, no such plan
    /// ends before `makespan`.
    @Test func boundNeverExceedsTheOptimum() {
        var exact = 0
        let seeds: [UInt64] = Array(1...1000)
        for seed in seeds {
            let instance = TinyInstances.make(seed: seed)
            var brute = BruteForce(instance)
            let optimum = brute.solve()
            let bound = LowerBounds.compute(PlanningProblem(instance))
            #expect(bound.unscheduled <= optimum.unscheduled, "seed \(seed): \(bound) vs \(optimum.unscheduled), \(optimum.makespan)")
            if bound.unscheduled == optimum.unscheduled {
                #expect(bound.makespan <= optimum.makespan, "seed \(seed): \(bound) vs \(optimum.unscheduled), \(optimum.makespan)")
                if bound.makespan == optimum.makespan { exact += 1 }
            }
            // The scorer agrees with the search on the optimal plan.
            let metrics = Scorer().score(brute.plan(optimum.choices), for: instance)
            #expect(metrics.unscheduled == optimum.unscheduled, "seed \(seed)")
            #expect(metrics.makespan == optimum.makespan, "seed \(seed)")
            // The validator accepts it.
            let report = Validator().validate(brute.plan(optimum.choices), against: instance)
            #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        }
        print("bound equals the optimum on \(exact) of \(seeds.count) tiny instances")
        // Tightness is not a validity property, but a bound this loose would be a regression.
        #expect(exact >= seeds.count * 9 / 10)
    }

    /// The search's feasibility checks agree with `Validator` on random plans, so the search
    /// neither misses valid plans (which would hide a bound above the optimum) nor counts
    /// invalid ones.
    @Test func searchChecksAgreeWithTheValidator() {
        var rng = SeededGenerator(seed: 99)
        var feasible = 0
        for seed in UInt64(1)...300 {
            let instance = TinyInstances.make(seed: seed)
            let brute = BruteForce(instance)
            for _ in 0..<20 {
                let choices = brute.randomChoices(using: &rng)
                let report = Validator().validate(brute.plan(choices), against: instance)
                let ours = brute.isFeasible(choices)
                #expect(ours == report.isFeasible, "seed \(seed): \(choices) \(report.violations)")
                if ours { feasible += 1 }
            }
        }
        print("search checks agree with the validator on 6000 random plans, \(feasible) feasible")
        // Both verdicts occur often enough for the comparison to mean something.
        #expect(feasible > 300 && feasible < 5700)
    }
}
