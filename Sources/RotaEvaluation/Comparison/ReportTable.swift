/// A table of a report with its cells already written, for a terminal (aligned columns) or
/// Markdown; `omitted` counts the rows a row limit left out.
package struct ReportTable: Hashable, Sendable {
    /// How a column's cells line up: text to the left, numbers to the right.
    package enum Alignment: Hashable, Sendable {
        case left
        case right
    }

    package var header: [String]
    /// One per column.
    package var alignments: [Alignment]
    package var rows: [[String]]
    /// Rows left out by a row limit.
    package var omitted: Int

    package init(header: [String], alignments: [Alignment], rows: [[String]], omitted: Int = 0) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
        self.omitted = omitted
    }

    /// The first `limit` rows (all when `limit` is nil), the others counted in `omitted`.
    static func limited(header: [String], alignments: [Alignment], rows: [[String]], limit: Int?) -> ReportTable {
        guard let limit, rows.count > max(limit, 0) else {
            return ReportTable(header: header, alignments: alignments, rows: rows)
        }
        let kept = max(limit, 0)
        return ReportTable(header: header, alignments: alignments, rows: Array(rows.prefix(kept)), omitted: rows.count - kept)
    }
}
