import Testing
import _GLPK

@Suite struct SolveTests {
    @Test(arguments: [true, false])
    func textbookLPIsOptimal(presolve: Bool) throws {
        let model = try TestModels.textbookLP()
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .optimal)
        #expect(abs((outcome.objective ?? 0) - 11) < 1e-9)
        #expect(outcome.values.count == 2)
        #expect(abs(outcome.values[0] - 3) < 1e-9 && abs(outcome.values[1] - 1) < 1e-9)
        #expect(outcome.bestBound == outcome.objective)
        #expect(outcome.gap == 0)
        #expect(outcome.nodes == 0)
        #expect(outcome.log.contains { $0.contains("GLPK Simplex Optimizer") })
        #expect(outcome.log.contains("OPTIMAL LP SOLUTION FOUND"))
    }

    /// max 5x + 4y  s.t.  6x + 4y ≤ 24, x + 2y ≤ 6, x, y ≥ 0 integer: LP optimum 21, MIP 20 at (4, 0).
    @Test(arguments: [true, false])
    func smallMIPIsOptimal(presolve: Bool) throws {
        let model = LinearModel()
        let x = try model.addColumn(name: "x", kind: .integer, cost: 5)
        let y = try model.addColumn(name: "y", kind: .integer, cost: 4)
        try model.setObjectiveDirection(.maximize)
        try model.addRow(terms: [(x, 6), (y, 4)], bounds: .atMost(24))
        try model.addRow(terms: [(x, 1), (y, 2)], bounds: .atMost(6))
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == 20)
        #expect(outcome.values == [4, 0])
        #expect(outcome.bestBound == 20)
        #expect(outcome.log.contains { $0.contains("GLPK Integer Optimizer") })
        #expect(outcome.log.contains("INTEGER OPTIMAL SOLUTION FOUND"))
    }

    @Test func smallKnapsackPicksBestItems() throws {
        let model = try TestModels.knapsack(values: [10, 13, 7, 8], weights: [5, 6, 3, 4], capacity: 10)
        let outcome = try model.solve()
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == 21)
        #expect(outcome.values == [0, 1, 0, 1])
    }

    @Test func knapsackMatchesBruteForce() throws {
        let values: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82, 12, 17]
        let weights: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72, 15, 21]
        let capacity = 300.0
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            var weight = 0.0, value = 0.0
            for item in values.indices where mask & (1 << item) != 0 {
                weight += weights[item]
                value += values[item]
            }
            if weight <= capacity { best = max(best, value) }
        }
        for presolve in [true, false] {
            let outcome = try TestModels.knapsack(values: values, weights: weights, capacity: capacity)
                .solve(MIPOptions(presolve: presolve))
            #expect(outcome.status == .optimal)
            #expect(outcome.objective == best)
        }
    }

    @Test(arguments: [true, false])
    func infeasibleLPIsAStatus(presolve: Bool) throws {
        let model = LinearModel()
        let x = try model.addColumn(lower: 0, upper: 10)
        try model.addRow(terms: [(x, 1)], bounds: .atLeast(20))
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .infeasible)
        #expect(outcome.objective == nil && outcome.values.isEmpty && !outcome.hasSolution)
    }

    @Test(arguments: [true, false])
    func unboundedLPIsAStatus(presolve: Bool) throws {
        let model = LinearModel()
        let x = try model.addColumn(cost: 1)
        let y = try model.addColumn(cost: 1)
        try model.setObjectiveDirection(.maximize)
        try model.addRow(terms: [(x, 1), (y, -1)], bounds: .atMost(1))
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .unbounded)
        #expect(outcome.objective == nil)
    }

    @Test(arguments: [true, false])
    func infeasibleMIPRelaxationIsInfeasible(presolve: Bool) throws {
        let model = LinearModel()
        let x = try model.addColumn(kind: .binary)
        let y = try model.addColumn(kind: .binary)
        try model.addRow(terms: [(x, 1), (y, 1)], bounds: .atLeast(3))
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .infeasible)
        #expect(outcome.values.isEmpty)
    }

    @Test(arguments: [true, false])
    func integerInfeasibleMIPHasNoIntegerSolution(presolve: Bool) throws {
        let outcome = try TestModels.jeroslow(5).solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .noIntegerSolution)
        #expect(outcome.objective == nil && outcome.bestBound == nil)
    }

    @Test(arguments: [true, false])
    func unboundedMIPIsAStatus(presolve: Bool) throws {
        let model = LinearModel()
        let x = try model.addColumn(kind: .integer, cost: 1)
        let y = try model.addColumn(kind: .integer, cost: 1)
        try model.setObjectiveDirection(.maximize)
        try model.addRow(terms: [(x, 1), (y, -1)], bounds: .atMost(1))
        let outcome = try model.solve(MIPOptions(presolve: presolve))
        #expect(outcome.status == .unbounded)
    }

    @Test func emptyModelSolvesToItsConstant() throws {
        let model = LinearModel()
        try model.setObjectiveConstant(4.5)
        let outcome = try model.solve()
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == 4.5)
        #expect(outcome.values.isEmpty)

        let column = try model.addColumn(lower: 1, upper: 2, cost: 1)
        #expect(try model.solve().objective == 5.5)
        try model.setKind(.integer, for: column)
        #expect(try model.solve().objective == 5.5)
    }

    /// Stage 1 maximises value (two optima: items {0, 2} and {1, 2}); stage 2 keeps that
    /// value and minimises the weight used; stage 3 fixes item 1 through its bounds.
    @Test func lexicographicStagesReuseTheModel() throws {
        let values: [Double] = [4, 4, 4]
        let weights: [Double] = [2, 3, 1]
        let model = try TestModels.knapsack(values: values, weights: weights, capacity: 4)
        let first = try model.solve()
        #expect(first.status == .optimal && first.objective == 8)

        let items = (0..<values.count).map(LinearModel.Column.init)
        let level = try model.addRow(name: "value_level", terms: Array(zip(items, values)), bounds: .atLeast(8))
        try model.setObjectiveDirection(.minimize)
        for (item, weight) in zip(items, weights) { try model.setCost(weight, for: item) }
        let second = try model.solve()
        #expect(second.status == .optimal)
        #expect(second.objective == 3)
        #expect(second.values == [1, 0, 1])
        #expect(try model.bounds(of: level) == .atLeast(8))

        try model.setBounds(lower: 1, upper: 1, for: items[1])
        let third = try model.solve()
        #expect(third.status == .optimal && third.objective == 4)
        #expect(third.values == [0, 1, 1])
    }

    @Test func modelsSolvedOneAfterAnotherKeepSeparateLogs() throws {
        let lp = try TestModels.textbookLP().solve()
        let mip = try TestModels.knapsack(values: [1, 2], weights: [1, 1], capacity: 1).solve()
        let lpAgain = try TestModels.textbookLP().solve()
        #expect(!lp.log.contains { $0.contains("Integer Optimizer") })
        #expect(mip.log.contains { $0.contains("Integer Optimizer") })
        #expect(lp.log == lpAgain.log)
    }
}
