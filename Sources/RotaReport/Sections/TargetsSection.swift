import Plot
import Rota

/// The KPI targets (a policy's `kpiTargets` and `--require`): each target with the plan's
/// value and whether it is met, per plan in a comparison. Missed rows are red.
struct TargetsSection: ReportSection {
    let anchor = "targets"
    let heading = "Targets"
    /// Per plan (one, or baseline and candidate): its label and its checked targets.
    let plans: [(label: String, checks: [KPIGate.Check])]

    func body() -> [BodyNode] {
        let compared = plans.count > 1
        var rows: [[String]] = []
        var classes: [String?] = []
        for plan in plans {
            for check in plan.checks {
                let value = check.value.map(KPIRequirement.plain) ?? "unknown"
                let row = [check.requirement.metric, check.requirement.condition, value, check.holds ? "met" : "missed"]
                rows.append(compared ? [plan.label] + row : row)
                classes.append(check.holds ? "better" : "worse")
            }
        }
        let missed = plans.map { $0.checks.filter { !$0.holds }.count }.reduce(0, +)
        let headers = (compared ? ["plan"] : []) + ["metric", "target", "value", "result"]
        let summary = missed == 0
            ? "Every target is met."
            : "\(missed) target(s) missed (red); the cards of their metrics are red too."
        return [
            Markup.paragraph(summary, class: missed == 0 ? "identical" : "verdict"),
            Markup.table(headers, rows, numeric: [compared ? 3 : 2], rowClasses: classes),
        ]
    }
}
