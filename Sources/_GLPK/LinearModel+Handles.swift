extension LinearModel {
    /// A column (variable) of a model, by its 0-based position in the order columns were added.
    package struct Column: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the column.
        package let index: Int

        package init(_ index: Int) { self.index = index }

        package static func < (lhs: Column, rhs: Column) -> Bool { lhs.index < rhs.index }
        package var description: String { "column \(index)" }
    }

    /// A row (constraint) of a model, by its 0-based position in the order rows were added.
    package struct Row: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the row.
        package let index: Int

        package init(_ index: Int) { self.index = index }

        package static func < (lhs: Row, rhs: Row) -> Bool { lhs.index < rhs.index }
        package var description: String { "row \(index)" }
    }

    /// What values a column may take.
    package enum ColumnKind: Sendable, Equatable {
        /// Any real value within the bounds.
        case continuous
        /// Any integer within the bounds (finite bounds must be integers).
        case integer
        /// An integer in [0, 1] (intersected with the bounds given).
        case binary
    }

    /// The allowed range of a row's activity (the sum of its terms).
    package enum RowBounds: Sendable, Equatable {
        /// No bound.
        case free
        /// Activity ≥ value.
        case atLeast(Double)
        /// Activity ≤ value.
        case atMost(Double)
        /// lower ≤ activity ≤ upper.
        case range(Double, Double)
        /// Activity = value.
        case fixed(Double)

        /// The bounds as a `lower...upper` pair with infinities for missing sides.
        package var interval: (lower: Double, upper: Double) {
            switch self {
            case .free: return (-.infinity, .infinity)
            case let .atLeast(lower): return (lower, .infinity)
            case let .atMost(upper): return (-.infinity, upper)
            case let .range(lower, upper): return (lower, upper)
            case let .fixed(value): return (value, value)
            }
        }
    }

    /// Whether the objective is minimised or maximised.
    package enum Direction: Sendable, Equatable {
        case minimize
        case maximize
    }

    /// The size of a model.
    package struct Counts: Sendable, Equatable {
        package var rows: Int
        package var columns: Int
        /// Non-zero constraint coefficients.
        package var nonZeros: Int

        package init(rows: Int, columns: Int, nonZeros: Int) {
            self.rows = rows
            self.columns = columns
            self.nonZeros = nonZeros
        }
    }
}
