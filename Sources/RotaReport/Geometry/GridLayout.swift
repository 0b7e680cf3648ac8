/// The layout of an account × day chart (the Gantt chart and the heatmaps): a label column
/// on the left, a header row of day labels on top, and a grid of cells, one per row band
/// and day band.
package struct GridLayout: Hashable, Sendable {
    package var rows: BandScale
    package var columns: BandScale
    /// Width of the row-label column.
    package var labelWidth: Double
    /// Height of the day-label header.
    package var headerHeight: Double

    package init(rowCount: Int, columnCount: Int, cellWidth: Double, cellHeight: Double, labelWidth: Double,
                 headerHeight: Double) {
        self.labelWidth = labelWidth
        self.headerHeight = headerHeight
        rows = BandScale(count: rowCount, start: headerHeight, step: cellHeight)
        columns = BandScale(count: columnCount, start: labelWidth, step: cellWidth)
    }

    /// The whole chart's width and height.
    package var width: Double { columns.end }
    package var height: Double { rows.end }

    /// The cell of row `row` and column `column`.
    package func cell(row: Int, column: Int) -> Box {
        Box(x: columns.position(column), y: rows.position(row), width: columns.bandwidth, height: rows.bandwidth)
    }

    /// The whole row band, from the first to the last column.
    package func rowBand(_ row: Int) -> Box {
        Box(x: labelWidth, y: rows.position(row), width: columns.end - labelWidth, height: rows.bandwidth)
    }

    /// Every `stride`-th column gets a label, so labels `labelWidth` wide never overlap.
    package func labelStride(labelExtent: Double) -> Int {
        guard columns.step > 0 else { return 1 }
        return max(1, Int((labelExtent / columns.step).rounded(.up)))
    }

    /// A task mark in a cell: the cell's upper half holds purchases, the lower half reviews;
    /// each half is split into `count` equal slots, `slot` from the left, inset by `gap`.
    package func mark(row: Int, column: Int, review: Bool, slot: Int, of count: Int, gap: Double = 0.5) -> Box {
        let half = cell(row: row, column: column).row(review ? 1 : 0, of: 2)
        return half.column(slot, of: count).inset(dx: gap / 2, dy: gap / 2)
    }

    /// The link from a purchase mark to its review mark: from the purchase's bottom centre to
    /// the review's top centre.
    package func link(from purchase: Box, to review: Box) -> Segment {
        Segment(x1: purchase.midX, y1: purchase.maxY, x2: review.midX, y2: review.y)
    }
}
