import RotaCore
import RotaEvaluation

/// What the regression gate found: one finding per baseline plan, the catalog's solvers the
/// baseline does not cover yet, and whether the gate passes.
package struct RegressionReport: Hashable, Sendable {
    package var findings: [RegressionFinding]
    /// Solvers of this build without a baseline entry (reported; they do not fail the gate).
    package var newSolvers: [String]
    package var objective: Objective
    package var nodeLimit: Int

    package init(findings: [RegressionFinding], newSolvers: [String], objective: Objective, nodeLimit: Int) {
        self.findings = findings
        self.newSolvers = newSolvers
        self.objective = objective
        self.nodeLimit = nodeLimit
    }

    /// Every plan is valid and none is worse; every instance and solver was found.
    package var passes: Bool { findings.allSatisfy(\.verdict.passes) }

    /// The findings that fail the gate.
    package var failures: [RegressionFinding] { findings.filter { !$0.verdict.passes } }

    /// "12 plans: 10 equal, 1 better, 1 worse".
    package var summary: String {
        var counts: [String] = []
        for verdict in RegressionFinding.Verdict.allCases {
            let n = findings.filter { $0.verdict == verdict }.count
            if n > 0 { counts.append("\(n) \(verdict.rawValue)") }
        }
        let plans = "\(findings.count) plan\(findings.count == 1 ? "" : "s")"
        return counts.isEmpty ? plans : "\(plans): " + counts.joined(separator: ", ")
    }

    /// One row per finding: instance, solver, verdict, makespan (baseline → now), summary.
    package var table: ReportTable {
        ReportTable(
            header: ["instance", "solver", "verdict", "unscheduled", "makespan", "lateness", "detail"],
            alignments: [.left, .left, .left, .right, .right, .right, .left],
            rows: findings.map { f in
                func pair(_ read: (BaselineMetrics) -> Double) -> String {
                    let before = NumberText.plain(read(f.baseline))
                    guard let now = f.now else { return before + " → —" }
                    let after = NumberText.plain(read(now))
                    return before == after ? after : "\(before) → \(after)"
                }
                return [
                    f.instance, f.solver, f.verdict.passes ? f.verdict.rawValue : f.verdict.rawValue.uppercased(),
                    pair { Double($0.unscheduled) }, pair { Double($0.makespan) }, pair { $0.weightedLateness },
                    f.verdict == .equal ? "" : f.summary,
                ]
            })
    }
}
