import Testing

@testable import RotaCore
@testable import RotaSolvers

/// The makespan search's shortcuts against plain computation: the capacity check never
/// rejects a makespan the flow can route, and the galloping search finds the same smallest
/// makespan as a scan of every makespan.
@Suite struct FlowMakespanSearchTests {
    typealias T = FlowTestInstances

    @Test func capacityCheckNeverRejectsARoutableMakespan() throws {
        var rejected = 0
        for seed in UInt64(3000)..<3120 {
            let problem = PlanningProblem(T.random(seed: seed, caps: false, sameItemTotal: false))
            let demand = FlowDemand(problem)
            let check = FlowCapacityCheck(demand)
            var search = FlowMakespanSearch(demand, layered: [])
            let reachable = check.earliestReviews.count
            for makespan in 0...problem.horizon where !check.mayRouteAll(makespan: makespan) {
                rejected += 1
                #expect(try search.routing(makespan: makespan).value < reachable, "seed \(seed) makespan \(makespan)")
            }
        }
        #expect(rejected > 100)
    }

    @Test func gallopingFindsTheSmallestMakespanAScanFinds() throws {
        for seed in UInt64(3200)..<3300 {
            let problem = PlanningProblem(T.random(seed: seed, caps: false))
            let demand = FlowDemand(problem)
            let layered = FlowExactness(demand).layeredItems
            var search = FlowMakespanSearch(demand, layered: layered)
            var scan = FlowMakespanSearch(demand, layered: layered)
            let most = try search.mostRouted()
            // The search stops at greedy's makespan when greedy leaves out the proven fewest
            // lines; an exact flow routes there what it routes at the horizon.
            #expect(most == (try scan.routing(makespan: search.limit).value), "seed \(seed)")
            if FlowExactness(demand).isExact {
                #expect(most == (try scan.routing(makespan: problem.horizon).value), "seed \(seed)")
            }
            for count in 0...(most + 1) {
                var expected: Int?
                for makespan in 0...search.limit where try scan.routing(makespan: makespan).value >= count {
                    expected = makespan
                    break
                }
                #expect(try search.smallestMakespan(routing: count) == expected, "seed \(seed) count \(count)")
            }
        }
    }
}
