import RotaReport
import Testing

/// The SVG geometry: scales, bands, grid cells, marks and links, on exact coordinates.
@Suite struct ReportGeometryTests {
    @Test func linearScaleMapsDomainOntoRange() {
        let y = LinearScale(domain: (0, 50), range: (170, 10))
        #expect(y(0) == 170)
        #expect(y(50) == 10)
        #expect(y(25) == 90)
        // An empty domain maps everything to the range's start.
        #expect(LinearScale(domain: (3, 3), range: (5, 9))(7) == 5)
    }

    @Test func bandScalePlacesBandsWithPadding() {
        let bands = BandScale(count: 4, start: 100, step: 20, padding: 0.5)
        #expect(bands.bandwidth == 10)
        #expect(bands.position(0) == 105)
        #expect(bands.position(3) == 165)
        #expect(bands.center(1) == 130)
        #expect(bands.end == 180)
        #expect(bands.index(at: 99) == nil)
        #expect(bands.index(at: 100) == 0)
        #expect(bands.index(at: 179.9) == 3)
        #expect(bands.index(at: 180) == nil)
    }

    @Test func binningGroupsWithinTheLimit() {
        let days = Binning(count: 180, limit: 120)
        #expect(days.size == 2)
        #expect(days.bins == 90)
        #expect(days.bin(of: 179) == 89)
        #expect(days.items(in: 89) == 178..<180)
        let accounts = Binning(count: 1_000, limit: 120)
        #expect(accounts.size == 9)
        #expect(accounts.bins == 112)
        #expect(accounts.items(in: 111) == 999..<1_000)
        #expect(Binning(count: 50, limit: 120).isIdentity)
        #expect(Binning(count: 0, limit: 120).bins == 0)
    }

    @Test func gridCellsMarksAndLinks() {
        let grid = GridLayout(rowCount: 3, columnCount: 10, cellWidth: 18, cellHeight: 24, labelWidth: 160, headerHeight: 24)
        #expect(grid.width == 340)
        #expect(grid.height == 96)
        #expect(grid.cell(row: 1, column: 2) == Box(x: 196, y: 48, width: 18, height: 24))
        #expect(grid.rowBand(2) == Box(x: 160, y: 72, width: 180, height: 24))
        // Purchases in the upper half, reviews in the lower half; slots split the width.
        let purchase = grid.mark(row: 1, column: 2, review: false, slot: 1, of: 2, gap: 1)
        #expect(purchase == Box(x: 205.5, y: 48.5, width: 8, height: 11))
        let review = grid.mark(row: 1, column: 6, review: true, slot: 0, of: 1, gap: 1)
        #expect(review == Box(x: 268.5, y: 60.5, width: 17, height: 11))
        #expect(grid.link(from: purchase, to: review) == Segment(x1: 209.5, y1: 59.5, x2: 277, y2: 60.5))
        // Labels 34 units wide over 18-unit columns: every second column.
        #expect(grid.labelStride(labelExtent: 34) == 2)
        #expect(grid.labelStride(labelExtent: 10) == 1)
    }

    @Test func boxStripsAndInsets() {
        let box = Box(x: 10, y: 20, width: 30, height: 12)
        #expect(box.column(2, of: 3) == Box(x: 30, y: 20, width: 10, height: 12))
        #expect(box.row(1, of: 2) == Box(x: 10, y: 26, width: 30, height: 6))
        #expect(box.inset(dx: 1, dy: 2) == Box(x: 11, y: 22, width: 28, height: 8))
        // An inset larger than the box collapses onto its centre.
        #expect(box.inset(dx: 20, dy: 0) == Box(x: 25, y: 20, width: 0, height: 12))
    }

    @Test func stackedBarsStackSegmentsBottomUp() {
        let bars = StackedBars(values: [[3, 2], [10, 0]], seriesNames: ["a", "b"], colors: ["#000", "#fff"],
                               columnTitles: ["d0", "d1"], columnLabels: ["0", "1"])
        // The tallest bar (10) rounds up to a ceiling of 10: 16 units per line.
        #expect(bars.yScale.domain.upper == 10)
        let bottom = bars.segment(column: 0, series: 0)
        let top = bars.segment(column: 0, series: 1)
        #expect(bottom.maxY == 170)
        #expect(bottom.height == 48)
        #expect(top.maxY == bottom.y)
        #expect(top.height == 32)
        #expect(StackedBars.niceCeiling(7) == 10)
        #expect(StackedBars.niceCeiling(11) == 20)
        #expect(StackedBars.niceCeiling(41) == 50)
    }

    @Test func coordinatesPrintShort() {
        #expect(Coordinate.text(12) == "12")
        #expect(Coordinate.text(3.5) == "3.5")
        #expect(Coordinate.text(0.25) == "0.25")
        #expect(Coordinate.text(-1.05) == "-1.05")
        #expect(Coordinate.text(2.999) == "3")
        #expect(Coordinate.text(.nan) == "0")
    }

    @Test func escapingKeepsMarkupWellFormed() {
        #expect(Escape.text("a<b>&c") == "a&lt;b&gt;&amp;c")
        #expect(Escape.attribute("say \"hi\"\nnow") == "say &quot;hi&quot;&#10;now")
        #expect(Escape.text("plain") == "plain")
    }
}
