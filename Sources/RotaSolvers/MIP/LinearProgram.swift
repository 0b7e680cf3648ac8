/// A mixed-integer linear program as plain data — columns with kinds and bounds, rows of
/// terms with bounds — independent of any solver library.
package struct LinearProgram: Sendable {
    /// What values a column may take.
    package enum Kind: Sendable, Hashable {
        case continuous
        case integer
        case binary
    }

    /// A variable.
    package struct Column: Sendable, Hashable {
        package var name: String
        package var kind: Kind
        package var lower: Double
        package var upper: Double
    }

    /// One coefficient of a row.
    package struct Term: Sendable, Hashable {
        package var column: Int
        package var coefficient: Double

        package init(_ column: Int, _ coefficient: Double) {
            self.column = column
            self.coefficient = coefficient
        }
    }

    /// A constraint `lower ≤ Σ coefficient × column ≤ upper` (infinite sides are absent).
    package struct Row: Sendable, Hashable {
        package var name: String
        package var terms: [Term]
        package var lower: Double
        package var upper: Double
    }

    package private(set) var columns: [Column] = []
    package private(set) var rows: [Row] = []

    package init() {}

    /// Adds a column and returns its index.
    @discardableResult
    package mutating func addColumn(_ name: String, kind: Kind, lower: Double = 0, upper: Double = .infinity) -> Int {
        columns.append(Column(name: name, kind: kind, lower: lower, upper: upper))
        return columns.count - 1
    }

    /// Adds a row and returns its index.
    @discardableResult
    package mutating func addRow(
        _ name: String, _ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity
    ) -> Int {
        rows.append(Row(name: name, terms: terms, lower: lower, upper: upper))
        return rows.count - 1
    }

    /// Changes a column's bounds.
    package mutating func setBounds(column j: Int, lower: Double, upper: Double) {
        columns[j].lower = lower
        columns[j].upper = upper
    }

    /// Changes a row's bounds.
    package mutating func setBounds(row i: Int, lower: Double, upper: Double) {
        rows[i].lower = lower
        rows[i].upper = upper
    }

    /// Non-zero coefficients over all rows.
    package var nonZeros: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// Σ coefficient × value over a row's terms.
    package func activity(of row: Row, at values: [Double]) -> Double {
        row.terms.reduce(0.0) { $0 + $1.coefficient * values[$1.column] }
    }

    /// Each bound, integrality or row the values break (beyond `tolerance`); empty when feasible.
    package func violations(at values: [Double], tolerance: Double = 1e-6) -> [String] {
        guard values.count == columns.count else {
            return ["expected \(columns.count) values, got \(values.count)"]
        }
        var found: [String] = []
        for (j, column) in columns.enumerated() {
            let v = values[j]
            if v < column.lower - tolerance || v > column.upper + tolerance {
                found.append("\(column.name) = \(v) outside [\(column.lower), \(column.upper)]")
            }
            if column.kind != .continuous, abs(v - v.rounded()) > tolerance {
                found.append("\(column.name) = \(v) is not integral")
            }
        }
        for row in rows {
            let a = activity(of: row, at: values)
            if a < row.lower - tolerance || a > row.upper + tolerance {
                found.append("\(row.name): activity \(a) outside [\(row.lower), \(row.upper)]")
            }
        }
        return found
    }
}
