import Foundation
import Rota

extension Reports {
    /// The metrics as an aligned table, then the bound and the gap.
    /// With `lateness`, the weighted-lateness bound at the plan's makespan and its gap follow.
    static func text(
        _ m: PlanMetrics, bound: MakespanBound, validation: ValidationReport, lateness: LatenessBoundOutcome? = nil,
        overrides: OverrideRate? = nil
    ) -> String {
        var rows: [(String, String)] = [
            ("feasible", validation.isFeasible ? "yes" : "no (\(validation.violations.count) violations; run `rota validate`)"),
            ("unscheduled", "\(m.unscheduled)"),
            ("makespan", "\(m.makespan) days"),
            ("weighted lateness", Format.number(m.weightedLateness)),
            ("late lines", "\(m.lateLines)"),
        ]
        for tier in m.slaAdherence {
            rows.append(("SLA \(tier.tier)", String(format: "%d/%d on time (%.1f%%)", tier.onTime, tier.lines, tier.share * 100)))
        }
        rows.append(("largest load", "\(m.largestLoad) purchases"))
        rows.append(("spread", "\(m.spread)"))
        rows.append(("soft overruns", "\(m.softOverruns)"))
        rows.append(("tasks", "\(m.purchases) purchases, \(m.reviews) reviews"))
        if let overrides {
            rows.append(
                ("overrides",
                 String(format: "%d of %d lines (%.1f%%)", overrides.overriddenLines, overrides.lines, overrides.rate * 100)))
        }
        if let changes = m.changes {
            rows.append(("changes", "\(changes.moved.count) moved, \(changes.added.count) added, \(changes.removed.count) removed"))
        }
        rows.append(("lower bound", "makespan \(bound.makespan) with \(bound.unscheduled) unscheduled"))
        if m.unscheduled == bound.unscheduled {
            let g = gap(makespan: m.makespan, bound: bound.makespan)
            rows.append(("gap", g == 0 ? "0% (makespan proven optimal)" : String(format: "%.1f%%", g * 100)))
        } else {
            rows.append(("gap", "n/a (the plan leaves out more lines than necessary)"))
        }
        switch lateness {
        case .proven(let l):
            rows.append(
                ("lateness bound",
                 "\(Format.number(l.value)) at makespan \(l.makespan) with \(l.unscheduled) unscheduled (\(l.method.rawValue))"))
            let g = l.gap(lateness: m.weightedLateness)
            rows.append(("lateness gap", g == 0 ? "0% (lateness proven optimal at this makespan)" : String(format: "%.1f%%", g * 100)))
        case .skipped(let reason):
            rows.append(("lateness bound", "skipped (\(reason))"))
        case .noPlan:
            rows.append(("lateness bound", "none (no valid plan has this makespan and unscheduled count)"))
        case nil:
            break
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
