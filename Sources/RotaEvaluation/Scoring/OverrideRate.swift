import RotaCore

/// How many of an instance's lines carry an override (a pin, a forbidden account or a weight
/// floor), as `rota score` reports it: overridden lines / lines. The operations target is
/// under 5%: overrides are for exceptions, not for planning by hand.
package struct OverrideRate: Hashable, Sendable {
    /// Distinct lines of the instance named by at least one override.
    package var overriddenLines: Int
    /// Lines of the instance.
    package var lines: Int

    package init(_ instance: Instance) {
        var known = Set<LineID>()
        for order in instance.orders { for line in order.lines { known.insert(line.id) } }
        overriddenLines = Set(instance.overrides.map(\.line)).intersection(known).count
        lines = known.count
    }

    /// `overriddenLines / lines` (0 without lines).
    package var rate: Double { lines == 0 ? 0 : Double(overriddenLines) / Double(lines) }
}
