import RotaFormat
import RotaEvaluation

/// The JSON form of a plan's metrics and bound (`rota score --json`).
enum MetricsEncoder {
    static func encode(_ m: PlanMetrics, overrides: OverrideRate? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "unscheduled", value: .integer(m.unscheduled)),
            (key: "makespan", value: .integer(m.makespan)),
            (key: "weightedLateness", value: .number(m.weightedLateness)),
            (key: "lateLines", value: .integer(m.lateLines)),
            (key: "slaAdherence", value: .array(m.slaAdherence.map { tier in
                .object([
                    (key: "tier", value: .string(tier.tier)),
                    (key: "lines", value: .integer(tier.lines)),
                    (key: "onTime", value: .integer(tier.onTime)),
                    (key: "share", value: .number(tier.share)),
                ])
            })),
            (key: "largestLoad", value: .integer(m.largestLoad)),
            (key: "spread", value: .integer(m.spread)),
            (key: "softOverruns", value: .integer(m.softOverruns)),
            (key: "purchases", value: .integer(m.purchases)),
            (key: "reviews", value: .integer(m.reviews)),
            (key: "accountLoads", value: .array(m.accountLoads.map { load in
                .object([
                    (key: "account", value: .string(load.account.rawValue)),
                    (key: "purchases", value: .integer(load.purchases)),
                    (key: "reviews", value: .integer(load.reviews)),
                ])
            })),
            (key: "dayLoads", value: .array(m.dayLoads.map { load in
                .object([
                    (key: "day", value: .string(load.day.iso)),
                    (key: "purchases", value: .integer(load.purchases)),
                    (key: "reviews", value: .integer(load.reviews)),
                ])
            })),
        ]
        if let changes = m.changes { members.append((key: "changes", value: encode(changes))) }
        if let overrides {
            members.append((key: "overrides", value: .object([
                (key: "overriddenLines", value: .integer(overrides.overriddenLines)),
                (key: "lines", value: .integer(overrides.lines)),
                (key: "rate", value: .number(overrides.rate)),
            ])))
        }
        return .object(members)
    }

    static func encode(_ changes: PlanChanges) -> JSONValue {
        func slot(_ s: TaskSlot) -> JSONValue {
            .object([
                (key: "line", value: .string(s.line.rawValue)),
                (key: "kind", value: .string(s.kind.rawValue)),
                (key: "account", value: .string(s.account.rawValue)),
                (key: "date", value: .string(s.date.iso)),
            ])
        }
        return .object([
            (key: "count", value: .integer(changes.count)),
            (key: "moved", value: .array(changes.moved.map { move in
                .object([
                    (key: "line", value: .string(move.line.rawValue)),
                    (key: "kind", value: .string(move.kind.rawValue)),
                    (key: "from", value: slot(move.from)),
                    (key: "to", value: slot(move.to)),
                ])
            })),
            (key: "added", value: .array(changes.added.map(slot))),
            (key: "removed", value: .array(changes.removed.map(slot))),
        ])
    }

    static func encode(_ bound: LatenessBound) -> JSONValue {
        .object([
            (key: "value", value: .number(bound.value)),
            (key: "makespan", value: .integer(bound.makespan)),
            (key: "unscheduled", value: .integer(bound.unscheduled)),
            (key: "method", value: .string(bound.method.rawValue)),
        ])
    }

    static func encode(_ bound: MakespanBound) -> JSONValue {
        .object([
            (key: "unscheduled", value: .integer(bound.unscheduled)),
            (key: "makespan", value: .integer(bound.makespan)),
            (key: "parts", value: .object(bound.parts.keys.sorted().map { (key: $0, value: .integer(bound.parts[$0]!)) })),
        ])
    }
}

extension RotaJSON {
    /// A plan's score as JSON: feasibility, every metric, the lower bound, and the gap to it
    /// (only when the plan leaves out no more lines than the bound allows).
    package static func jsonValue(_ metrics: PlanMetrics, bound: MakespanBound, feasible: Bool) -> JSONValue {
        jsonValue(metrics, bound: bound, feasible: feasible, lateness: nil)
    }

    /// The score with, when given, the weighted-lateness bound at the plan's makespan and
    /// unscheduled count (`latenessBound`: its value, makespan, unscheduled and method, or
    /// `skipped` with the reason) and the plan's `latenessGap` to it.
    /// With `overrides`, the metrics carry the override rate (`metrics.overrides`).
    package static func jsonValue(
        _ metrics: PlanMetrics, bound: MakespanBound, feasible: Bool, lateness: LatenessBoundOutcome?,
        overrides: OverrideRate? = nil
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "feasible", value: .bool(feasible)),
            (key: "metrics", value: MetricsEncoder.encode(metrics, overrides: overrides)),
            (key: "lowerBound", value: MetricsEncoder.encode(bound)),
        ]
        if metrics.unscheduled == bound.unscheduled {
            members.append((key: "gap", value: .number(gap(makespan: metrics.makespan, bound: bound.makespan))))
        }
        switch lateness {
        case .proven(let lateness):
            members.append((key: "latenessBound", value: MetricsEncoder.encode(lateness)))
            members.append((key: "latenessGap", value: .number(lateness.gap(lateness: metrics.weightedLateness))))
        case .skipped(let reason):
            members.append((key: "latenessBound", value: .object([(key: "skipped", value: .string(reason))])))
        case .noPlan, nil:
            break
        }
        return .object(members)
    }

    package static func encode(_ metrics: PlanMetrics, bound: MakespanBound, feasible: Bool) -> [UInt8] {
        JSONWriter.write(jsonValue(metrics, bound: bound, feasible: feasible))
    }

    /// `jsonValue(_:bound:feasible:lateness:)`, written.
    package static func encode(
        _ metrics: PlanMetrics, bound: MakespanBound, feasible: Bool, lateness: LatenessBoundOutcome?,
        overrides: OverrideRate? = nil
    ) -> [UInt8] {
        JSONWriter.write(jsonValue(metrics, bound: bound, feasible: feasible, lateness: lateness, overrides: overrides))
    }
}
