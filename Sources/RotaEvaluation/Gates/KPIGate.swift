import RotaCore

/// Checks KPI targets (`KPIRequirement`s from a policy's `kpiTargets` and `--require`) against
/// a plan's metrics, named as `rota score --json` shows them (docs/POLICY.md, "KPI targets"):
/// `unscheduled`, `makespan`, `weightedLateness`, `lateLines`, `largestLoad`, `spread`,
/// `softOverruns`, `purchases`, `reviews`; `changes` (the count, with a previous plan); per SLA
/// tier `sla.TIER` (the on-time share), `sla.TIER.lines` and `sla.TIER.onTime`; the instance's
/// `overrides.rate` and `overrides.overriddenLines`. Per-account and per-day loads are not
/// addressable.
package struct KPIGate: Hashable, Sendable {
    /// One requirement checked: its value, or `nil` when the metric is unknown.
    package struct Check: Hashable, Sendable {
        package var requirement: KPIRequirement
        package var value: Double?

        /// Met: the metric exists and its value meets the target.
        package var holds: Bool { value.map { requirement.comparison.holds($0, requirement.target) } ?? false }

        /// "sla.critical = 0.9, target >= 0.95".
        package var summary: String {
            let shown = value.map(KPIRequirement.plain) ?? "unknown"
            return "\(requirement.metric) = \(shown), target \(requirement.condition)"
        }
    }

    package var requirements: [KPIRequirement]

    package init(_ requirements: [KPIRequirement]) { self.requirements = requirements }

    /// Every addressable metric of `metrics` with its value, in `score --json` order. `tiers`
    /// adds SLA tiers that have no line in this plan (share 1, as `TierAdherence` counts them);
    /// `overrides`, the instance's override rate (`score --json`'s `metrics.overrides`).
    package static func named(
        _ metrics: PlanMetrics, tiers: some Sequence<String> = [String](), overrides: OverrideRate? = nil
    ) -> [(name: String, value: Double)] {
        var result: [(name: String, value: Double)] = [
            ("unscheduled", Double(metrics.unscheduled)),
            ("makespan", Double(metrics.makespan)),
            ("weightedLateness", metrics.weightedLateness),
            ("lateLines", Double(metrics.lateLines)),
        ]
        var adherence = metrics.slaAdherence
        for tier in tiers where !adherence.contains(where: { $0.tier == tier }) {
            adherence.append(TierAdherence(tier: tier, lines: 0, onTime: 0))
        }
        for tier in adherence.sorted(by: { $0.tier < $1.tier }) {
            result.append(("sla.\(tier.tier)", tier.share))
            result.append(("sla.\(tier.tier).lines", Double(tier.lines)))
            result.append(("sla.\(tier.tier).onTime", Double(tier.onTime)))
        }
        result += [
            ("largestLoad", Double(metrics.largestLoad)),
            ("spread", Double(metrics.spread)),
            ("softOverruns", Double(metrics.softOverruns)),
            ("purchases", Double(metrics.purchases)),
            ("reviews", Double(metrics.reviews)),
        ]
        if let overrides {
            result.append(("overrides.rate", overrides.rate))
            result.append(("overrides.overriddenLines", Double(overrides.overriddenLines)))
        }
        if let changes = metrics.changes { result.append(("changes", Double(changes.count))) }
        return result
    }

    /// Each requirement with the value it found in `named` (see `named(_:tiers:)`).
    package func check(_ named: [(name: String, value: Double)]) -> [Check] {
        requirements.map { requirement in
            Check(requirement: requirement, value: named.first { $0.name == requirement.metric }?.value)
        }
    }

    /// Each requirement checked against the plan's metrics.
    package func check(_ metrics: PlanMetrics, tiers: some Sequence<String> = [String]()) -> [Check] {
        check(Self.named(metrics, tiers: tiers))
    }
}
