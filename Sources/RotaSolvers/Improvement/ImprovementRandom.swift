import RotaCore

/// The improvement search's random numbers: `SplitMix64`'s stream, so a seed always gives the
/// same neighbourhoods on every platform, drawn by plain modulo (the search's draws, and so
/// its plans, stay what they were; the bias is below 2⁻³² for the small bounds used here).
struct ImprovementRandom {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { source.next() }

    /// A number in `0 ..< bound` (`bound` ≥ 1).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }
}
