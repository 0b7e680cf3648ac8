import Testing
@testable import Rota

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
        }
        print("bound equals the optimum on \(exact) of \(seeds.count) tiny instances")
        // Tightness is not a validity property, but a bound this loose would be a regression.
        #expect(exact >= seeds.count * 9 / 10)
    }
}
