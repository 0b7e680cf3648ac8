import Foundation

/// Round axis ticks covering a range: a step of 1, 2 or 5 times a power of ten, the range
/// widened outward to whole steps. An empty range (lower == upper) is widened by a unit (or
/// by a tenth of the value) on each side, so a single point still gets an axis.
package struct NiceTicks: Hashable, Sendable {
    package var lower: Double
    package var upper: Double
    package var step: Double

    /// Ticks over `lower...upper`, about `count` of them (at least 2).
    package init(lower: Double, upper: Double, count: Int = 5) {
        var lo = min(lower, upper)
        var hi = max(lower, upper)
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) / 10
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(1, count - 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        // Below 1, divide by the power of ten (exact) rather than multiply by its inexact
        // inverse, so 6 steps of 0.1 are 0.6, not 0.6000000000000001.
        let divisor = magnitude < 1 ? (1 / magnitude).rounded() : 1
        let unit = magnitude < 1 ? 1 : magnitude
        func at(_ k: Double) -> Double { k * nice * unit / divisor }
        step = at(1)
        // A hair of tolerance: 0.5 / 0.1 is 4.999…, and 0.5 is on a tick.
        let tolerance = 1e-9
        self.lower = at((lo / step + tolerance).rounded(.down))
        self.upper = at((hi / step - tolerance).rounded(.up))
    }

    /// The ticks kept within `limits` (a share cannot pass 1, a lateness cannot go below 0);
    /// the limits should fall on the step's multiples (0 and 1 do for every step under 1).
    package func clamped(to limits: ClosedRange<Double>) -> NiceTicks {
        var out = self
        out.lower = max(lower, limits.lowerBound)
        out.upper = min(upper, limits.upperBound)
        if out.upper <= out.lower { return self }
        return out
    }

    /// The tick values from `lower` to `upper`, one per step.
    package var values: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        let first = (lower / step).rounded()
        return (0...max(0, n)).map { k in
            let index = first + Double(k)
            return step < 1 ? index / (1 / step).rounded() : index * step
        }
    }

    /// A tick's label with as many decimals as the step needs ("0.25", "40", "1.5").
    package func label(_ value: Double) -> String {
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        if decimals == 0 { return String(Int(rounded)) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
