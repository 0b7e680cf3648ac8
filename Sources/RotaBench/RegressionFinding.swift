import RotaCore
import RotaEvaluation

/// The gate's word on one baseline plan: the verdict, both metric sets, the term that decided.
package struct RegressionFinding: Hashable, Sendable {
    /// How the new plan compares with the baseline's.
    package enum Verdict: String, Hashable, Sendable, CaseIterable {
        /// Equal under the objective.
        case equal
        /// Better under the objective (refresh the baseline to keep the gain).
        case better
        /// Worse under the objective: the gate fails.
        case worse
        /// The new plan breaks a rule: the gate fails.
        case infeasible
        /// The solver threw: the gate fails.
        case failed
        /// The instance's content differs from the baseline's digest: the gate fails.
        case changedInstance = "changed-instance"
        /// The instance file cannot be read: the gate fails.
        case unreadableInstance = "unreadable-instance"
        /// The baseline names a solver this build does not have: the gate fails.
        case unknownSolver = "unknown-solver"

        /// Whether this verdict lets the gate pass.
        package var passes: Bool { self == .equal || self == .better }
    }

    package var instance: String
    package var solver: String
    package var verdict: Verdict = .failed
    package var baseline: BaselineMetrics
    /// The new plan's metrics, when one was made.
    package var now: BaselineMetrics?
    /// The new run's status.
    package var status: String?
    /// The instance's override rate, once the instance was read (for KPI targets).
    package var overrides: OverrideRate?
    /// The first objective term on which the plans differ.
    package var decidingTerm: ObjectiveLevel?
    /// Details: the solver's error, the number of violations, why the file is unreadable.
    package var note: String?

    package init(instance: String, solver: String, baseline: BaselineMetrics) {
        self.instance = instance
        self.solver = solver
        self.baseline = baseline
    }

    /// One line: "worse: makespan 17 vs 16 in the baseline", "equal", "infeasible (3 violations)".
    package var summary: String {
        switch verdict {
        case .equal: return "equal"
        case .better, .worse:
            guard let term = decidingTerm, let now else { return verdict.rawValue }
            let before = term.value(of: baseline.planMetrics)
            let after = term.value(of: now.planMetrics)
            return "\(verdict.rawValue): \(term.label) \(NumberText.plain(after)) vs \(NumberText.plain(before)) in the baseline"
        case .infeasible: return "infeasible" + (note.map { " (\($0))" } ?? "")
        case .failed: return "solver failed: \(note ?? "")"
        case .changedInstance: return "the instance changed since the baseline was made (refresh it with --update)"
        case .unreadableInstance: return "cannot read the instance: \(note ?? "")"
        case .unknownSolver: return "no solver called \(solver) in this build"
        }
    }

    /// Every kept metric side by side: metric, baseline, now, change (now − baseline).
    package var table: ReportTable {
        let before = baseline.named
        let after = now?.named
        return ReportTable(
            header: ["metric", "baseline", "now", "change"], alignments: [.left, .right, .right, .right],
            rows: before.indices.map { k in
                let (name, value) = before[k]
                let new = after?[k].value
                return [
                    name, NumberText.plain(value), new.map(NumberText.plain) ?? "—",
                    new.map { NumberText.signed($0 - value) } ?? "—",
                ]
            })
    }
}

extension BaselineMetrics {
    /// Every metric with its name, in FORMAT.md's order.
    var named: [(name: String, value: Double)] {
        [
            ("unscheduled", Double(unscheduled)), ("makespan", Double(makespan)),
            ("weighted lateness", weightedLateness), ("late lines", Double(lateLines)),
            ("largest load", Double(largestLoad)), ("spread", Double(spread)), ("soft overruns", Double(softOverruns)),
            ("purchases", Double(purchases)), ("reviews", Double(reviews)),
        ]
    }
}
