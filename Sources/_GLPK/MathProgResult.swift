/// A solved MathProg model: the solver outcome and the generated columns' names.
public struct MathProgResult: Sendable {
    /// Status, objective, values (in `columnNames` order), log.
    public var outcome: MIPOutcome
    /// The generated columns' names, e.g. `"x[1,2]"`, in GLPK's column order.
    public var columnNames: [String]
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

    public var status: MIPStatus { outcome.status }
    public var objective: Double? { outcome.objective }
    public var log: [String] { outcome.log }

    /// The value of the column named `name` (e.g. `"x[1,2]"`), nil if there is no such
    /// column or no solution.
    public func value(of name: String) -> Double? {
        guard let position = positions[name], position < outcome.values.count else { return nil }
        return outcome.values[position]
    }

    /// Every column's name and value, in column order (empty without a solution).
    public var namedValues: [(name: String, value: Double)] {
        guard outcome.values.count == columnNames.count else { return [] }
        return Array(zip(columnNames, outcome.values))
    }
}
