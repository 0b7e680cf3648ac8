/// Maps a continuous domain onto a pixel range linearly: `scale(domain.lower) == range.lower`.
///
/// An empty domain (lower == upper) maps everything to the range's lower end, so a chart of
/// all-zero values draws zero-height bars instead of dividing by zero.
package struct LinearScale: Hashable, Sendable {
    package var domain: (lower: Double, upper: Double)
    package var range: (lower: Double, upper: Double)

    package init(domain: (lower: Double, upper: Double), range: (lower: Double, upper: Double)) {
        self.domain = domain
        self.range = range
    }

    package func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0 else { return range.lower }
        return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
    }

    package static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(domain.lower)
        hasher.combine(domain.upper)
        hasher.combine(range.lower)
        hasher.combine(range.upper)
    }
}
