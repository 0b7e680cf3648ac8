import Rota

/// Text renderings of reports for people at a terminal.
enum Reports {
    static let ruleTitles = Dictionary(uniqueKeysWithValues: Validator.standardRules.map { ($0.number, $0.title) })

    /// "plan.json: feasible …" or the violations listed, one per line, each rule's followed by
    /// "… and N more violations of rule R" when the report leaves some out.
    static func text(_ report: ValidationReport, planPath: String, plan: Plan) -> String {
        let pending = plan.tasks.reduce(0) { $0 + ($1.status == .pending ? 1 : 0) }
        if report.isFeasible {
            return "\(planPath): feasible: \(plan.tasks.count) tasks (\(pending) pending), \(plan.unscheduled.count) unscheduled lines; \(report.counts[10] == nil ? "all nine rules hold" : "all nine rules and rule 10 (overrides honoured) hold")."
        }
        let perRule = report.brokenRules.map { "rule \($0): \(report.counts[$0] ?? 0)" }.joined(separator: ", ")
        let total = report.violationCount
        var lines = ["\(planPath): infeasible: \(total) violation\(total == 1 ? "" : "s") (\(perRule))"]
        let omitted = report.omitted
        for rule in report.brokenRules {
            lines += report.violations(ofRule: rule).map(text)
            if let more = omitted[rule], more > 0 {
                lines.append("  … and \(more) more violation\(more == 1 ? "" : "s") of rule \(rule)")
            }
        }
        if omitted.values.contains(where: { $0 > 0 }) {
            lines.append("  (--all lists every violation, --limit N the first N of each rule, --json gives them as data)")
        }
        return lines.joined(separator: "\n")
    }

    /// "  rule 4 (daily purchase limit): … [P:1, P:2, …]": the first six tasks at most.
    private static func text(_ violation: Violation) -> String {
        let title = ruleTitles[violation.rule].map { " (\($0))" } ?? ""
        var line = "  rule \(violation.rule)\(title): \(violation.message)"
        if !violation.tasks.isEmpty {
            let shown = violation.tasks.prefix(6).map(\.rawValue).joined(separator: ", ")
            line += " [\(shown)\(violation.tasks.count > 6 ? ", …" : "")]"
        }
        return line
    }
}
