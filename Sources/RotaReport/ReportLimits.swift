/// The sizes beyond which the report aggregates, so that it stays readable and fast.
///
/// Up to `detailLines` lines the Gantt chart draws one mark per task (each with a tooltip);
/// above it every cell shows its task count instead. Up to `explainedLines` lines each mark's
/// tooltip also carries the "why this day" explanation (`PlanExplainer`) and purchases are
/// linked to their reviews. More than `maxRows` accounts or `maxColumns` days are grouped into
/// bins (several accounts per row, several days per column). Tables list `listedRows` rows.
package struct ReportLimits: Hashable, Sendable {
    package var detailLines: Int
    package var explainedLines: Int
    package var maxRows: Int
    package var maxColumns: Int
    package var listedRows: Int

    package init(
        detailLines: Int = 25_000, explainedLines: Int = 3_000, maxRows: Int = 250, maxColumns: Int = 120,
        listedRows: Int = 200
    ) {
        self.detailLines = detailLines
        self.explainedLines = explainedLines
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.listedRows = listedRows
    }

    package static let standard = ReportLimits()
}
