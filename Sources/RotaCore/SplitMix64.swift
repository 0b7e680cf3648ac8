/// A small seedable random number generator (SplitMix64). The same seed gives the same
/// sequence on every platform and Swift version; its helpers draw without modulo bias.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0 ..< bound`; 0 when `bound` is 0.
    package mutating func below(_ bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        let threshold = (0 &- bound) % bound
        while true {
            let r = next()
            if r >= threshold { return r % bound }
        }
    }

    /// Uniform in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        let offset = span == 0 ? next() : below(span)
        return range.lowerBound &+ Int(bitPattern: UInt(offset))
    }

    /// Uniform in `0 ..< 1`, with 53 random bits.
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in `range`.
    package mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// True with probability `p` (never for `p <= 0`, always for `p >= 1`).
    package mutating func chance(_ p: Double) -> Bool {
        p > 0 && unit() < p
    }

    /// A uniformly chosen element; `nil` for an empty array.
    package mutating func pick<Element>(_ elements: [Element]) -> Element? {
        elements.isEmpty ? nil : elements[Int(below(UInt64(elements.count)))]
    }
}
