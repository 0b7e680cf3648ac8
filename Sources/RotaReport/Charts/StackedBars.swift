/// A stacked bar chart over the report's day columns (the backlog by tier and by age): one
/// bar per column, its segments bottom up in series order, a y axis with a few round ticks.
package struct StackedBars: Sendable {
    package var columns: BandScale
    package var plotTop: Double
    package var plotBottom: Double
    /// `values[column][series]`.
    package var values: [[Int]]
    package var seriesNames: [String]
    package var colors: [String]
    package var columnTitles: [String]
    package var columnLabels: [String]

    package init(values: [[Int]], seriesNames: [String], colors: [String], columnTitles: [String], columnLabels: [String]) {
        self.values = values
        self.seriesNames = seriesNames
        self.colors = colors
        self.columnTitles = columnTitles
        self.columnLabels = columnLabels
        let step = max(6, min(18, 900 / Double(max(1, values.count))))
        columns = BandScale(count: values.count, start: 48, step: step, padding: 0.15)
        plotTop = 10
        plotBottom = 170
    }

    /// The y scale: 0 at the bottom, the tallest bar (at least 1) at the top.
    package var yScale: LinearScale {
        let most = max(1, values.map { $0.reduce(0, +) }.max() ?? 1)
        return LinearScale(domain: (0, Double(Self.niceCeiling(most))), range: (plotBottom, plotTop))
    }

    /// The smallest 1, 2 or 5 × 10^k at or above `n`.
    package static func niceCeiling(_ n: Int) -> Int {
        var unit = 1
        while true {
            for m in [1, 2, 5] where m * unit >= n { return m * unit }
            unit *= 10
        }
    }

    /// The box of series `s` in column `c`.
    package func segment(column c: Int, series s: Int) -> Box {
        let y = yScale
        let below = values[c].prefix(s).reduce(0, +)
        let top = y(Double(below + values[c][s]))
        let bottom = y(Double(below))
        return Box(x: columns.position(c), y: top, width: columns.bandwidth, height: bottom - top)
    }

    package func render(label: String) -> BodyNode {
        let y = yScale
        let ceiling = Int(y.domain.upper)
        var nodes: [BodyNode] = []
        for tick in [0, ceiling / 2, ceiling] {
            let ty = y(Double(tick))
            nodes.append(SVG.line(Segment(x1: columns.start, y1: ty, x2: columns.end, y2: ty), class: "axis"))
            nodes.append(SVG.text(String(tick), x: columns.start - 4, y: ty + 3.5, anchor: "end", class: "dl"))
        }
        for c in values.indices {
            for s in values[c].indices where values[c][s] > 0 {
                nodes.append(SVG.rect(
                    segment(column: c, series: s), fill: colors[s],
                    title: "\(columnTitles[c]): \(seriesNames[s]) \(values[c][s]) (open \(values[c].reduce(0, +)))"))
            }
        }
        let stride = max(1, Int((34 / columns.step).rounded(.up)))
        for c in Swift.stride(from: 0, to: values.count, by: stride) {
            nodes.append(SVG.text(columnLabels[c], x: columns.position(c), y: plotBottom + 14, class: "dl"))
        }
        return SVG.svg(width: columns.end + 8, height: plotBottom + 22, label: label, nodes)
    }
}
