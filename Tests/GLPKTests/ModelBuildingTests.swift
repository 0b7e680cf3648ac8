import Testing
import _GLPK

@Suite struct ModelBuildingTests {
    @Test func countsAndGettersReflectTheModel() throws {
        let model = try TestModels.textbookLP()
        #expect(model.counts == LinearModel.Counts(rows: 3, columns: 2, nonZeros: 5))
        #expect(model.objectiveDirection == .maximize)
        #expect(try model.name(of: LinearModel.Column(1)) == "y")
        #expect(try model.name(of: LinearModel.Row(2)) == "c3")
        #expect(try model.cost(of: LinearModel.Column(0)) == 3)
        #expect(try model.bounds(of: LinearModel.Row(1)) == .atMost(6))
        let terms = try model.terms(of: LinearModel.Row(1))
        #expect(terms.map(\.0) == [LinearModel.Column(0), LinearModel.Column(1)])
        #expect(terms.map(\.1) == [1, 3])
    }

    @Test func columnKindsAndBounds() throws {
        let model = LinearModel()
        let free = try model.addColumn(lower: -.infinity, upper: .infinity)
        let binary = try model.addColumn(kind: .binary)
        let clipped = try model.addColumn(lower: -3, upper: 7, kind: .binary)
        let integer = try model.addColumn(lower: -2, upper: 5, kind: .integer)
        #expect(try model.bounds(of: free) == (-.infinity, .infinity))
        #expect(try model.kind(of: binary) == .binary)
        #expect(try model.bounds(of: clipped) == (0, 1))
        #expect(try model.kind(of: integer) == .integer)
        #expect(model.integerColumnCount == 3)
        try model.setBounds(lower: 1, upper: 1, for: binary)
        #expect(try model.bounds(of: binary) == (1, 1))
        try model.setKind(.continuous, for: integer)
        #expect(try model.kind(of: integer) == .continuous)
    }

    @Test func rowBoundsRoundTrip() throws {
        let model = LinearModel()
        let x = try model.addColumn()
        let cases: [(LinearModel.RowBounds, LinearModel.RowBounds)] = [
            (.free, .free), (.atLeast(1), .atLeast(1)), (.atMost(2), .atMost(2)),
            (.range(1, 3), .range(1, 3)), (.fixed(4), .fixed(4)), (.range(5, 5), .fixed(5)),
            (.range(-.infinity, 6), .atMost(6)), (.atLeast(-.infinity), .free),
        ]
        for (given, expected) in cases {
            let row = try model.addRow(terms: [(x, 1)], bounds: given)
            #expect(try model.bounds(of: row) == expected)
        }
    }

    @Test func addColumnsAddsABlock() throws {
        let model = LinearModel()
        let first = try model.addColumns(count: 3, upper: 4, kind: .integer, cost: 2)
        let second = try model.addColumns(count: 2)
        #expect(first.map(\.index) == [0, 1, 2])
        #expect(second.map(\.index) == [3, 4])
        #expect(try model.cost(of: first[2]) == 2)
        #expect(try model.bounds(of: first[1]) == (0, 4))
    }

    @Test func zeroCoefficientsAreDroppedAndTermsReplaced() throws {
        let model = LinearModel()
        let xs = try model.addColumns(count: 3)
        let row = try model.addRow(terms: [(xs[0], 1), (xs[1], 0), (xs[2], 2)], bounds: .atMost(1))
        #expect(model.counts.nonZeros == 2)
        try model.setTerms([(xs[1], 5)], for: row)
        #expect(model.counts.nonZeros == 1)
        #expect(try model.terms(of: row).map(\.1) == [5])
    }

    /// 20 000 rows × 10 terms: building stays fast (GLPK grows its arrays geometrically).
    @Test func buildsLargeModels() throws {
        let model = LinearModel()
        let columns = try model.addColumns(count: 5_000, upper: 1, cost: 1)
        let start = ContinuousClock.now
        for r in 0..<20_000 {
            let terms = (0..<10).map { k in (columns[(r * 7 + k * 499) % columns.count], Double(k + 1)) }
            try model.addRow(terms: terms, bounds: .atMost(10))
        }
        #expect(model.counts == LinearModel.Counts(rows: 20_000, columns: 5_000, nonZeros: 200_000))
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
