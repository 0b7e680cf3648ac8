/// A scatter plot's geometry: the plot area inside margins for the axis labels, nice ticks
/// on both axes covering the data, and the position of a data point (y grows upwards on the
/// page, so the y scale runs from the bottom of the plot area to its top).
package struct ScatterLayout: Hashable, Sendable {
    /// The whole drawing's size.
    package var width: Double
    package var height: Double
    /// The plot area (inside the axes).
    package var plot: Box
    package var xTicks: NiceTicks
    package var yTicks: NiceTicks

    /// Space for the y axis labels (left) and the x axis labels and title (bottom).
    package static let margins = (left: 64.0, right: 20.0, top: 16.0, bottom: 44.0)

    /// `xLimits` and `yLimits` bound the axes where values cannot go (a share's 0...1).
    package init(
        xs: [Double], ys: [Double], width: Double = 560, height: Double = 360,
        xLimits: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
        yLimits: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) {
        self.width = width
        self.height = height
        let m = Self.margins
        plot = Box(x: m.left, y: m.top, width: max(1, width - m.left - m.right), height: max(1, height - m.top - m.bottom))
        xTicks = NiceTicks(lower: xs.min() ?? 0, upper: xs.max() ?? 1).clamped(to: xLimits)
        yTicks = NiceTicks(lower: ys.min() ?? 0, upper: ys.max() ?? 1).clamped(to: yLimits)
    }

    package var xScale: LinearScale { LinearScale(domain: (xTicks.lower, xTicks.upper), range: (plot.x, plot.maxX)) }
    package var yScale: LinearScale { LinearScale(domain: (yTicks.lower, yTicks.upper), range: (plot.maxY, plot.y)) }

    /// Where a data point is drawn.
    package func point(x: Double, y: Double) -> (x: Double, y: Double) { (xScale(x), yScale(y)) }
}
