/// A solved MathProg model: the solver outcome and the generated columns' names.
package struct MathProgResult: Sendable {
    /// Status, objective, values (in `columnNames` order), log.
    package var outcome: MIPOutcome
    /// The generated columns' names, e.g. `"x[1,2]"`, in GLPK's column order.
    package var columnNames: [String]
    private let positions: [String: Int]

    init(outcome: MIPOutcome, columnNames: [String]) {
        self.outcome = outcome
        self.columnNames = columnNames
        var positions = [String: Int](minimumCapacity: columnNames.count)
        for (position, name) in columnNames.enumerated() where positions[name] == nil {
            positions[name] = position
        }
        self.positions = positions
    }

    package var status: MIPStatus { outcome.status }
    package var objective: Double? { outcome.objective }
    package var log: [String] { outcome.log }

    /// The value of the column named `name` (e.g. `"x[1,2]"`), nil if there is no such
    /// column or no solution.
    package func value(of name: String) -> Double? {
        guard let position = positions[name], position < outcome.values.count else { return nil }
        return outcome.values[position]
    }

    /// Every column's name and value, in column order (empty without a solution).
    package var namedValues: [(name: String, value: Double)] {
        guard outcome.values.count == columnNames.count else { return [] }
        return Array(zip(columnNames, outcome.values))
    }
}
