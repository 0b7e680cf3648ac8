extension LinearModel {
    /// A column (variable) of a model, by its 0-based position in the order columns were added.
    public struct Column: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the column.
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: Column, rhs: Column) -> Bool { lhs.index < rhs.index }
        public var description: String { "column \(index)" }
    }

    /// A row (constraint) of a model, by its 0-based position in the order rows were added.
    public struct Row: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// 0-based position of the row.
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: Row, rhs: Row) -> Bool { lhs.index < rhs.index }
        public var description: String { "row \(index)" }
    }

    /// What values a column may take.
    public enum ColumnKind: Sendable, Equatable {
        /// Any real value within the bounds.
        case continuous
        /// Any integer within the bounds (finite bounds must be integers).
        case integer
        /// An integer in [0, 1] (intersected with the bounds given).
        case binary
    }

    /// The allowed range of a row's activity (the sum of its terms).
    public enum RowBounds: Sendable, Equatable {
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
        public var interval: (lower: Double, upper: Double) {
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
    public enum Direction: Sendable, Equatable {
        case minimize
        case maximize
    }

    /// The size of a model.
    public struct Counts: Sendable, Equatable {
        public var rows: Int
        public var columns: Int
        /// Non-zero constraint coefficients.
        public var nonZeros: Int

        public init(rows: Int, columns: Int, nonZeros: Int) {
            self.rows = rows
            self.columns = columns
            self.nonZeros = nonZeros
        }
    }
}
