import Testing
import _GLPK

@Suite struct WarmStartTests {
    /// Items by falling value/weight ratio, taken while they fit: feasible, rarely optimal.
    private func greedyKnapsack(_ model: LinearModel) throws -> (values: [Double], objective: Double) {
        let row = LinearModel.Row(0)
        let terms = try model.terms(of: row)
        guard case let .atMost(capacity) = try model.bounds(of: row) else { return ([], 0) }
        let order = try terms.sorted { a, b in
            try model.cost(of: a.0) / a.1 > model.cost(of: b.0) / b.1
        }
        var values = [Double](repeating: 0, count: model.counts.columns)
        var used = 0.0
        for (column, weight) in order where used + weight <= capacity {
            values[column.index] = 1
            used += weight
        }
        return (values, try model.objectiveValue(at: values))
    }

    @Test(arguments: [true, false])
    func feasibleWarmStartIsAcceptedAndNeverBeaten(presolve: Bool) throws {
        let model = try TestModels.hardKnapsack()
        let greedy = try greedyKnapsack(model)
        let outcome = try model.solve(MIPOptions(warmStart: greedy.values, presolve: presolve))
        #expect(outcome.warmStartAccepted)
        #expect(outcome.status == .optimal)
        #expect((outcome.objective ?? -1) >= greedy.objective)
        #expect(outcome.log.contains { $0.contains("Solution found by heuristic") })
    }

    @Test func warmStartUnderATightNodeLimitIsKept() throws {
        let model = try TestModels.hardKnapsack()
        let greedy = try greedyKnapsack(model)
        let outcome = try model.solve(MIPOptions(nodeLimit: 1, warmStart: greedy.values))
        #expect(outcome.status == .nodeLimit)
        #expect(outcome.warmStartAccepted)
        #expect((outcome.objective ?? -1) >= greedy.objective)
    }

    @Test func searchStoppedBeforeUsingItReturnsTheWarmStart() throws {
        let model = try TestModels.hardKnapsack()
        let greedy = try greedyKnapsack(model)
        let stop = StopToken()
        let outcome = try model.solve(MIPOptions(
            warmStart: greedy.values, progressInterval: 0, progress: { _ in stop.stop() }, stop: stop))
        #expect(outcome.status == .interrupted)
        #expect(!outcome.warmStartAccepted)
        #expect(outcome.objective == greedy.objective)
        #expect(outcome.values == greedy.values)
        #expect(outcome.log.contains { $0.contains("Using the warm start") })
    }

    @Test func infeasibleWarmStartIsRejected() throws {
        let model = try TestModels.hardKnapsack()
        let everything = [Double](repeating: 1, count: model.counts.columns)
        let outcome = try model.solve(MIPOptions(warmStart: everything))
        #expect(!outcome.warmStartAccepted)
        #expect(outcome.log.contains { $0.contains("Warm start rejected") && $0.contains("capacity") })
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == 1864.5)
    }

    @Test func fractionalWarmStartIsRejected() throws {
        let model = try TestModels.hardKnapsack()
        var values = try greedyKnapsack(model).values
        values[0] = 0.5
        let outcome = try model.solve(MIPOptions(warmStart: values))
        #expect(!outcome.warmStartAccepted)
        #expect(outcome.log.contains { $0.contains("Warm start rejected") && $0.contains("integer") })
        #expect(outcome.status == .optimal)
    }

    @Test func nearlyIntegerWarmStartIsSnapped() throws {
        let model = try TestModels.hardKnapsack()
        let greedy = try greedyKnapsack(model)
        let fuzzy = greedy.values.map { $0 == 1 ? 1 - 1e-9 : 1e-9 }
        let outcome = try model.solve(MIPOptions(nodeLimit: 1, warmStart: fuzzy))
        #expect(outcome.warmStartAccepted)
        #expect((outcome.objective ?? -1) >= greedy.objective)
    }

    @Test func warmStartOnAnLPIsIgnored() throws {
        let outcome = try TestModels.textbookLP().solve(MIPOptions(warmStart: [0, 0]))
        #expect(outcome.status == .optimal)
        #expect(!outcome.warmStartAccepted)
        #expect(outcome.log.contains { $0.contains("Warm start ignored") })
    }
}
