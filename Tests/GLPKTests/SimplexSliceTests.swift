import Foundation
import Testing
import _GLPK

/// GLPK's simplex has no callback: `LinearModel.solve` runs it in slices of
/// `LinearModel.simplexSlice` iterations, each going on from the last one's basis, and checks
/// the stop token between them.
@Suite struct SimplexSliceTests {
    /// A balanced transportation problem with pseudo-random unit costs: each of `sources`
    /// supplies `sinks` units, each of `sinks` demands `sources` units, one column per pair.
    /// Its LP needs a few iterations per row: a few thousand, several slices, for the sizes here.
    struct Transportation {
        let sources: Int
        let sinks: Int
        /// Unit costs, source-major.
        let costs: [Int]

        init(sources: Int, sinks: Int, seed: UInt64 = 7) {
            self.sources = sources
            self.sinks = sinks
            var state = seed
            costs = (0..<(sources * sinks)).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return 1 + Int((state >> 33) % 1000)
            }
        }

        func model() throws -> LinearModel {
            let model = LinearModel()
            let columns = try model.addColumns(count: sources * sinks)
            for (column, cost) in zip(columns, costs) { try model.setCost(Double(cost), for: column) }
            for i in 0..<sources {
                let terms = (0..<sinks).map { (columns[i * sinks + $0], 1.0) }
                try model.addRow(terms: terms, bounds: .atMost(Double(sinks)))
            }
            for j in 0..<sinks {
                let terms = (0..<sources).map { (columns[$0 * sinks + j], 1.0) }
                try model.addRow(terms: terms, bounds: .atLeast(Double(sources)))
            }
            return model
        }

        /// The optimum by GLPK's min-cost-flow algorithm, independent of the simplex.
        func flowOptimum() throws -> Int? {
            let network = FlowNetwork()
            let from = try network.addNodes(count: sources)
            let to = try network.addNodes(count: sinks)
            for node in from { try network.setSupply(sinks, for: node) }
            for node in to { try network.setSupply(-sources, for: node) }
            for i in 0..<sources {
                for j in 0..<sinks {
                    try network.addArc(from: from[i], to: to[j], upper: sinks, cost: costs[i * sinks + j])
                }
            }
            return try network.minCostFlow().cost
        }
    }

    /// How many slices ran out of iterations (GLPK logs each).
    static func cutSlices(_ outcome: MIPOutcome) -> Int {
        outcome.log.count { $0.contains("ITERATION LIMIT EXCEEDED") }
    }

    @Test(arguments: [false, true])
    func slicedSolveReachesTheOptimum(presolve: Bool) throws {
        let problem = Transportation(sources: 800, sinks: 12)
        let outcome = try problem.model().solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .optimal)
        #expect(Self.cutSlices(outcome) >= 1)
        let optimum = try #require(try problem.flowOptimum())
        #expect(outcome.objective == Double(optimum))
    }

    @Test func slicedSolveIsDeterministic() throws {
        let problem = Transportation(sources: 800, sinks: 12, seed: 11)
        let first = try problem.model().solve(MIPOptions(presolve: false))
        let second = try problem.model().solve(MIPOptions(presolve: false))
        #expect(first.status == .optimal)
        #expect(Self.cutSlices(first) >= 1)
        #expect(first.values == second.values)
    }

    /// The token is polled before the solve and after each slice: raised at the second poll,
    /// one slice runs, and the model goes on to its optimum when solved again.
    @Test func stopIsCheckedBetweenSlices() throws {
        let polls = Locked(0)
        let stop = StopToken(polling: {
            polls.update { $0 += 1 }
            return polls.value >= 2
        })
        let problem = Transportation(sources: 800, sinks: 12)
        let model = try problem.model()
        let stopped = try model.solve(MIPOptions(presolve: false, stop: stop))
        #expect(stopped.status == .interrupted)
        #expect(Self.cutSlices(stopped) == 1)
        #expect(polls.value == 2)

        let resumed = try model.solve(MIPOptions(presolve: false))
        #expect(resumed.status == .optimal)
        #expect(resumed.objective == Double(try #require(try problem.flowOptimum())))
    }

    /// Unsliced, this LP takes GLPK several seconds (about 7,000 iterations); raised during it,
    /// the token ends the solve within a slice.
    @Test func tokenRaisedDuringALongSolveStopsIt() throws {
        let model = try Transportation(sources: 3000, sinks: 10, seed: 5).model()
        let stop = StopToken()
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 0.5)
            stop.stop()
        }
        stopper.start()
        let outcome = try model.solve(MIPOptions(stop: stop))
        #expect(outcome.status == .interrupted)
        #expect(outcome.seconds < 5, "took \(outcome.seconds) s to stop")
        #expect(!outcome.log.contains("OPTIMAL LP SOLUTION FOUND"))
    }

    @Test func pollingTokenFollowsItsCondition() {
        let raised = Locked(false)
        let stop = StopToken(polling: { raised.value })
        #expect(!stop.isStopped)
        raised.update { $0 = true }
        #expect(stop.isStopped)
        let own = StopToken(polling: { false })
        own.stop()
        #expect(own.isStopped)
    }
}
