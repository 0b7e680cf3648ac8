import Plot
import Rota

/// The KPI targets (a policy's `kpiTargets` and `--require`): each target with the plan's
/// value and whether it is met, per plan in a comparison. Missed rows are red.
struct TargetsSection: ReportSection {
    let anchor = "targets"
    let heading = "Targets"
    /// Per plan (one, or baseline and candidate): its label and its checked targets.
    let plans: [(label: String, checks: [KPIGate.Check])]

    /// A metric's value as the table shows it: whole numbers plain, others to 4 decimals
    /// without trailing zeros ("0.2222", "0.5", "14").
    static func shown(_ value: Double) -> String {
        if value == value.rounded() { return KPIRequirement.plain(value) }
        var text = NumberText.fixed(value, decimals: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    func body() -> [BodyNode] {
        let compared = plans.count > 1
        var rows: [[String]] = []
        var classes: [String?] = []
        for plan in plans {
            for check in plan.checks {
                let value = check.value.map(Self.shown) ?? "unknown"
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
