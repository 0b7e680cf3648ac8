import RotaCore

/// A named kind of generated instance (`rota generate --family NAME --seed N`): each family
/// draws its sizes and rules from the seed, so one (family, seed) pair is always the same
/// instance, named `<family>-<seed>`.
package enum InstanceFamily: String, CaseIterable, Hashable, Sendable {
    /// Like the bundled seed instance: 5 accounts, 30–50 lines, tiers, priorities, a few days off.
    case seed
    /// 2–3 accounts, 4–8 lines, 6–10 days: small enough for an exhaustive search.
    case tiny
    /// 10–20 accounts, 100–300 lines.
    case small
    /// 50 accounts, 1,000–3,000 lines, skewed item popularity, days off, due dates, SLA tiers.
    case medium
    /// 200 accounts, about 20,000 lines.
    case large
    /// 1,000 accounts, 500,000 lines.
    case huge
    /// 25–30 accounts, 200–400 lines, 10–16 items each wanted by 80–100% of the accounts; daily
    /// limits 1–5, 25% days off, rolling hard caps 2–4 × the daily limit, one purchase of an
    /// item per account, 2–3 reviews per account and day.
    case tight
    /// 40–70 accounts, 1,500–2,500 lines, items each wanted by 60–90% of the accounts; binding
    /// rolling hard caps (2–4 × the daily limit a week), 1–2 reviews per account and day, one
    /// purchase of an item per account: the shape where simple bounds fall days short.
    case crunch
    /// An earlier plan's tasks in `existing`: completed, missed and pending.
    case resched
    /// 50 accounts, 2,000 lines, 300 items, 30 days, days off, hard rolling caps.
    case mipMedium = "mip-medium"
    /// 200 accounts, 20,000 lines, 3,000 items, 45 days, days off, hard rolling caps.
    case mipLarge = "mip-large"

    /// The family called `name` (as `rota generate --family` spells it), or `nil`.
    package init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// Every family's name, in `allCases` order.
    package static var names: [String] { allCases.map(\.rawValue) }

    /// The instance for `seed`. With `lines`, the family's line count is replaced by it and
    /// accounts and items are scaled in proportion (at least one of each), for growth tables.
    package func generate(seed: UInt64, lines: Int? = nil) -> Instance {
        var shape = shape(seed: seed)
        if let lines { shape = Self.scaled(shape, toLines: lines) }
        return InstanceGenerator(shape: shape).generate(seed: seed)
    }

    /// The generator's shape for `seed`: sizes drawn from a stream of their own, so that
    /// the instance's content comes from `InstanceGenerator` with the seed itself.
    package func shape(seed: UInt64) -> InstanceGenerator.Shape {
        var rng = SplitMix64(seed: seed ^ salt)
        return makeShape(rng: &rng)
    }

    /// `shape` with `lines` lines, accounts and items scaled in proportion (at least one each).
    package static func scaled(_ shape: InstanceGenerator.Shape, toLines lines: Int) -> InstanceGenerator.Shape {
        var scaled = shape
        let target = max(0, lines)
        let ratio = shape.lines > 0 ? Double(target) / Double(shape.lines) : 1
        scaled.lines = target
        scaled.accounts = max(1, Int((Double(shape.accounts) * ratio).rounded()))
        scaled.items = max(1, Int((Double(shape.items) * ratio).rounded()))
        return scaled
    }

    /// A distinct stream per family, so `small` and `tight` with one seed differ in more than size.
    private var salt: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in rawValue.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
