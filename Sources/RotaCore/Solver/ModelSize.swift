/// A solver's model size: rows, columns and non-zeros of its constraint matrix. Solvers that
/// build a matrix (the MIP, and `auto` when it ran the MIP) report it in `SolveResult.model`;
/// the plan's settings spell the same numbers as text.
public struct ModelSize: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public var nonZeros: Int?

    public init(rows: Int, columns: Int, nonZeros: Int? = nil) {
        self.rows = rows
        self.columns = columns
        self.nonZeros = nonZeros
    }

    /// "1,234 × 5,678, 9,012 nz".
    public var text: String {
        "\(rows) × \(columns)" + (nonZeros.map { ", \($0) nz" } ?? "")
    }
}
