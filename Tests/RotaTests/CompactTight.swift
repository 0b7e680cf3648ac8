@testable import RotaCore
@testable import Rota

/// The `tight` family as it was before issue 10 (8–15 accounts, 60–150 lines, 40 days; daily
/// limits 1–5, many days off, soft and hard rolling caps, each item once per account): small
/// enough for the MIP in a unit test. Seeds give the instances the tests were written against
/// (named `tight-<seed>`, as `instances/bench/tight-1.json` is), whatever the family now draws.
enum CompactTight {
    /// The instance of the old `tight` shape for `seed`.
    static func generate(seed: UInt64) -> Instance {
        InstanceGenerator(shape: shape(seed: seed)).generate(seed: seed)
    }

    /// The old shape, drawn from the family's own stream: `seed` XOR the FNV-1a hash of "tight".
    static func shape(seed: UInt64) -> InstanceGenerator.Shape {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "tight".utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var rng = SplitMix64(seed: seed ^ hash)
        var s = InstanceGenerator.Shape(name: "tight")
        s.accounts = rng.int(in: 8...15)
        s.lines = rng.int(in: 60...150)
        s.linesPerOrder = 1...4
        // Each item is wanted about 0.85 × accounts times: nearly once per account.
        s.items = max(1, Int((Double(s.lines) / (0.85 * Double(s.accounts))).rounded()))
        s.horizonDays = 40
        s.dailyLimit = 1...5
        s.unavailable = 0.25
        s.rolling = .init(days: 5...7, soft: true, hard: true, fill: 0.5)
        s.sameItemPerAccount = 1
        s.reviewsPerAccountPerDay = 2
        s.reviewLag = 2...4
        s.dueDate = 0.5
        s.dueDays = 7...20
        s.weight = 1...3
        return s
    }
}
