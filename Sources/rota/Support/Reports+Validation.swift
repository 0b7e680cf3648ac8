import Rota

/// Text renderings of reports for people at a terminal.
enum Reports {
    static let ruleTitles = Dictionary(uniqueKeysWithValues: Validator.standardRules.map { ($0.number, $0.title) })

    /// "plan.json: feasible …" or the list of violations, one per line.
    static func text(_ report: ValidationReport, planPath: String, plan: Plan, limit: Int? = nil) -> String {
        let pending = plan.tasks.filter { $0.status == .pending }.count
        if report.isFeasible {
            return "\(planPath): feasible: \(plan.tasks.count) tasks (\(pending) pending), \(plan.unscheduled.count) unscheduled lines; all nine rules hold."
        }
        let perRule = report.brokenRules.map { "rule \($0): \(report.counts[$0] ?? 0)" }.joined(separator: ", ")
        var lines = [
            "\(planPath): infeasible: \(report.violations.count) violation\(report.violations.count == 1 ? "" : "s") (\(perRule))"
        ]
        let shown = limit.map { Array(report.violations.prefix($0)) } ?? report.violations
        for violation in shown {
            let title = ruleTitles[violation.rule].map { " (\($0))" } ?? ""
            var line = "  rule \(violation.rule)\(title): \(violation.message)"
            if !violation.tasks.isEmpty {
                let shown = violation.tasks.prefix(6).map(\.rawValue).joined(separator: ", ")
                line += " [\(shown)\(violation.tasks.count > 6 ? ", …" : "")]"
            }
            lines.append(line)
        }
        if shown.count < report.violations.count {
            lines.append("  … and \(report.violations.count - shown.count) more (--all lists every one, --json gives them as data)")
        }
        return lines.joined(separator: "\n")
    }
}
