/// Places `count` equal bands one after another from `start`, each `step` long, with
/// `padding` (a share of the step, 0..<1) left empty and split evenly around each band.
///
/// Rows of a Gantt chart are bands on the y axis, its days bands on the x axis.
package struct BandScale: Hashable, Sendable {
    package var count: Int
    package var start: Double
    package var step: Double
    package var padding: Double

    package init(count: Int, start: Double, step: Double, padding: Double = 0) {
        self.count = max(0, count)
        self.start = start
        self.step = step
        self.padding = min(max(padding, 0), 0.99)
    }

    /// The band's length (the step less its padding).
    package var bandwidth: Double { step * (1 - padding) }

    /// Where band `index` begins.
    package func position(_ index: Int) -> Double { start + Double(index) * step + step * padding / 2 }

    /// The middle of band `index`.
    package func center(_ index: Int) -> Double { position(index) + bandwidth / 2 }

    /// The end of the last band's step: the length the bands take, from `start`.
    package var end: Double { start + Double(count) * step }

    /// The band a coordinate falls in, or `nil` outside the bands.
    package func index(at coordinate: Double) -> Int? {
        guard step > 0, coordinate >= start else { return nil }
        let i = Int((coordinate - start) / step)
        return i < count ? i : nil
    }
}
