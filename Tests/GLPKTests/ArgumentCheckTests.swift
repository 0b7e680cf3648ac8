import Testing
import _GLPK

/// GLPK aborts the process on bad arguments: each of these must throw instead, and leave the
/// model as it was.
@Suite struct ArgumentCheckTests {
    private func twoColumns() throws -> (LinearModel, LinearModel.Column, LinearModel.Column) {
        let model = LinearModel()
        let x = try model.addColumn(name: "x")
        let y = try model.addColumn(name: "y")
        try model.addRow(name: "r", terms: [(x, 1), (y, 1)], bounds: .atMost(1))
        return (model, x, y)
    }

    @Test func columnOutOfRangeInARowThrows() throws {
        let (model, x, _) = try twoColumns()
        #expect(throws: GLPKError.indexOutOfRange(kind: "column", index: 2, count: 2)) {
            try model.addRow(terms: [(x, 1), (LinearModel.Column(2), 1)], bounds: .atMost(1))
        }
        #expect(throws: GLPKError.self) {
            try model.addRow(terms: [(LinearModel.Column(-1), 1)], bounds: .atMost(1))
        }
        #expect(model.counts == LinearModel.Counts(rows: 1, columns: 2, nonZeros: 2))
    }

    @Test func handlesOutOfRangeThrowEverywhere() throws {
        let (model, _, _) = try twoColumns()
        let column = LinearModel.Column(7)
        let row = LinearModel.Row(1)
        #expect(throws: GLPKError.self) { try model.setCost(1, for: column) }
        #expect(throws: GLPKError.self) { try model.setBounds(lower: 0, upper: 1, for: column) }
        #expect(throws: GLPKError.self) { try model.setKind(.integer, for: column) }
        #expect(throws: GLPKError.self) { try model.setName("z", for: column) }
        #expect(throws: GLPKError.self) { try model.bounds(of: column) }
        #expect(throws: GLPKError.self) { try model.setBounds(.atMost(1), for: row) }
        #expect(throws: GLPKError.self) { try model.setTerms([], for: row) }
        #expect(throws: GLPKError.self) { try model.terms(of: row) }
        #expect(throws: GLPKError.indexOutOfRange(kind: "row", index: 1, count: 1)) {
            try model.name(of: row)
        }
    }

    @Test func lowerAboveUpperThrows() throws {
        let (model, x, _) = try twoColumns()
        #expect(throws: GLPKError.self) { try model.addColumn(lower: 2, upper: 1) }
        #expect(throws: GLPKError.self) { try model.setBounds(lower: 5, upper: 4, for: x) }
        #expect(throws: GLPKError.self) { try model.addRow(terms: [(x, 1)], bounds: .range(3, 2)) }
        #expect(throws: GLPKError.self) { try model.addColumn(lower: .infinity) }
        #expect(throws: GLPKError.self) { try model.addColumn(upper: -.infinity) }
        #expect(throws: GLPKError.self) { try model.addColumn(lower: 2, upper: 3, kind: .binary) }
        #expect(throws: GLPKError.self) { try model.addColumn(lower: 0.5, kind: .integer) }
        #expect(model.counts.columns == 2 && model.counts.rows == 1)
    }

    @Test func notANumberThrows() throws {
        let (model, x, y) = try twoColumns()
        #expect(throws: GLPKError.self) { try model.addRow(terms: [(x, .nan)], bounds: .atMost(1)) }
        #expect(throws: GLPKError.self) { try model.addRow(terms: [(x, 1), (y, .infinity)], bounds: .atMost(1)) }
        #expect(throws: GLPKError.self) { try model.addRow(terms: [(x, 1)], bounds: .atMost(.nan)) }
        #expect(throws: GLPKError.self) { try model.addRow(terms: [(x, 1)], bounds: .fixed(.infinity)) }
        #expect(throws: GLPKError.self) { try model.addColumn(lower: .nan) }
        #expect(throws: GLPKError.self) { try model.addColumn(cost: .nan) }
        #expect(throws: GLPKError.self) { try model.setCost(.infinity, for: x) }
        #expect(throws: GLPKError.self) { try model.setObjectiveConstant(.nan) }
        #expect(model.counts == LinearModel.Counts(rows: 1, columns: 2, nonZeros: 2))
    }

    @Test func duplicateColumnInARowThrows() throws {
        let (model, x, y) = try twoColumns()
        #expect(throws: GLPKError.duplicateColumn(column: 0, row: "row 'twice'")) {
            try model.addRow(name: "twice", terms: [(x, 1), (y, 2), (x, 3)], bounds: .atMost(1))
        }
        #expect(throws: GLPKError.self) { try model.setTerms([(y, 1), (y, 1)], for: LinearModel.Row(0)) }
        // The same column in consecutive rows is fine.
        try model.addRow(terms: [(x, 1)], bounds: .atMost(1))
        try model.addRow(terms: [(x, 1)], bounds: .atMost(1))
        #expect(model.counts.rows == 3)
    }

    @Test func badNamesThrow() throws {
        let (model, x, _) = try twoColumns()
        #expect(throws: GLPKError.self) { try model.addColumn(name: "") }
        #expect(throws: GLPKError.self) { try model.addColumn(name: String(repeating: "a", count: 256)) }
        #expect(throws: GLPKError.self) { try model.addColumn(name: String(repeating: "é", count: 128)) }
        #expect(throws: GLPKError.self) { try model.addRow(name: "tab\there", terms: [], bounds: .free) }
        #expect(throws: GLPKError.self) { try model.setName("new\nline", for: x) }
        #expect(throws: GLPKError.self) { try model.setName("") }
        try model.addColumn(name: String(repeating: "a", count: 255))
        #expect(model.counts.columns == 3)
    }

    @Test func badCountsAndOptionsThrow() throws {
        let (model, _, _) = try twoColumns()
        #expect(throws: GLPKError.self) { try model.addColumns(count: 0) }
        #expect(throws: GLPKError.self) { try model.addColumns(count: -3) }
        #expect(throws: GLPKError.self) { try model.addColumns(count: 200_000_000) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(timeLimit: -1)) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(timeLimit: .nan)) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(relativeGap: -0.1)) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(nodeLimit: 0)) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(progressInterval: -1)) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(warmStart: [1])) }
        #expect(throws: GLPKError.self) { try model.solve(MIPOptions(warmStart: [1, .nan])) }
        #expect(throws: GLPKError.self) { try model.writeLP(to: "") }
        // After all that the model is intact and solves.
        #expect(try model.solve().status == .optimal)
    }

    @Test func errorsDescribeThemselves() {
        let error = GLPKError.duplicateColumn(column: 3, row: "row 'cap'")
        #expect(error.description.contains("column 3"))
        #expect(GLPKError.wrongThread.description.contains("thread"))
    }
}
