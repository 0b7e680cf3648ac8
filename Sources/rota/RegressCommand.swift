import ArgumentParser
import Foundation
import Rota
import RotaBench

struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fail when a solver now makes a worse or invalid plan than the committed baseline.",
        discussion: """
            The baseline (JSON) holds, for every instance file and solver, the metrics of the \
            plan made with a work limit of N search nodes. rota regress solves each again with \
            the same limit (never a time limit: a slow CI machine gets the same plans), \
            validates the plan, and compares it with the baseline under the baseline's \
            objective (by default lexicographic: unscheduled lines, makespan, weighted \
            lateness, largest load, spread). It prints one row per plan, the metrics of every \
            plan that failed, and a last line PASSED or FAILED.

            The gate fails (exit 1) when a plan breaks a rule, is worse, a solver fails, or an \
            instance file changed since the baseline was made (its digest differs). Better plans \
            pass: refresh the baseline on purpose to keep the gain. Solvers without a baseline \
            entry are listed and do not fail the gate.

            --update makes the baseline anew: every solver on every *.json of --instances (by \
            default the baseline's folder, else instances/bench); search solvers \
            (the MIP) only on instances up to --max-lines lines. It refuses \
            to write a baseline with an invalid plan. Commit the file with the change that \
            explains it.

            KPI gates: --require 'METRIC OP NUMBER' (repeatable) and the kpiTargets of \
            --policy FILE (JSON or YAML; only its targets are used here: each instance keeps \
            its own policy) are checked on every new plan: a missed target names the \
            instance, the solver, the value and the target, and fails the gate. An sla.TIER \
            target applies to the plans whose instance has that tier; a metric no plan has is \
            exit status 2 with the valid names (see rota help score). The baseline records \
            each plan's SLA adherence per tier too (baselines made before it still load).

            Exit status: 0 passed, 1 failed, 2 bad input (no baseline, unreadable file, a \
            usage error) or output that cannot be written.

            Examples:
              rota regress --baseline results/baseline.json
              rota regress --baseline results/baseline.json --format markdown \\
                  >> "$GITHUB_STEP_SUMMARY"
              rota regress --baseline results/baseline.json --require 'sla.critical>=0.9'
              rota regress --update --baseline results/baseline.json \\
                  --instances instances/bench --node-limit 200
            """
    )

    /// How the report is printed.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text
        case markdown
    }

    @Option(help: "The baseline file.")
    var baseline: String = "results/baseline.json"

    @Option(help: "The folder of the instance files (default: the one recorded in the baseline).")
    var instances: String?

    @Flag(help: "Make the baseline anew from --instances and write it, instead of checking.")
    var update = false

    @Option(parsing: .unconditional, help: "With --update: search nodes per solve (default: the baseline's, else 200).")
    var nodeLimit: Int?

    @Option(parsing: .unconditional, help: "With --update: lines above which solvers other than the heuristics are left out (default: the baseline's, else 60).")
    var maxLines: Int?

    @Option(help: "Objective for the verdict (default: the baseline's). With --update it is recorded in the baseline.")
    var objective: String?

    @Option(name: .customLong("solver"), help: "With --update: only this solver (repeatable; default: every solver).")
    var solvers: [String] = []

    @Option(help: "How to print the report.")
    var format: Format = .text

    @Option(help: "A policy file (JSON or YAML) whose kpiTargets every new plan must meet.")
    var policy: String?

    @OptionGroup var kpi: KPIRequirements

    func validate() throws {
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1") }
        if let maxLines, maxLines < 0 { throw ValidationError("--max-lines must be 0 or more") }
        if !update, nodeLimit != nil || maxLines != nil || !solvers.isEmpty {
            throw ValidationError("--node-limit, --max-lines and --solver apply with --update only (checks use the baseline's)")
        }
        for name in solvers where SolverCatalog.solver(named: name) == nil {
            throw ValidationError("unknown solver '\(name)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        _ = try chosenObjective()
        if update, policy != nil || !kpi.expressions.isEmpty {
            throw ValidationError("--policy and --require apply to checks only, not with --update")
        }
    }

    func run() throws {
        if update { try refresh() } else { try check() }
    }

    private func check() throws {
        let requirements = try kpi.all(policy: try policy.map { try InputLoader.policyFile(at: $0).policy })
        // Names every plan has are known before the run; sla.TIER names once the plans are in.
        let fixed = Set(KPIRequirement.planMetricNames)
        for requirement in requirements where KPIRequirement.tier(of: requirement.metric) == nil {
            guard !fixed.contains(requirement.metric) else { continue }
            try KPIRequirements.refuseUnknown(
                [requirement], named: KPIRequirement.planMetricNames.map { ($0, 0) } + [("sla.TIER", 0)])
        }
        let loaded: Baseline
        do {
            loaded = try Baseline.load(from: baseline)
        } catch {
            for line in error.description.split(separator: "\n") { Terminal.error(String(line)) }
            if !FileManager.default.fileExists(atPath: baseline) {
                Terminal.note("Make one with: rota regress --update --baseline \(baseline) --instances instances/bench")
            }
            throw ExitCode(2)
        }
        let report = RegressionGate().check(loaded, instancesDirectory: instances, objective: try chosenObjective())
        let folder = instances ?? loaded.instances
        switch format {
        case .text: try Terminal.print(text(report, folder: folder))
        case .markdown: try Terminal.print(markdown(report, folder: folder))
        }
        let kpisMet = try gate(report, requirements)
        if !report.passes || !kpisMet { throw ExitCode(1) }
    }

    private func refresh() throws {
        let previous = FileManager.default.fileExists(atPath: baseline) ? try? Baseline.load(from: baseline) : nil
        let folder = instances ?? previous?.instances ?? "instances/bench"
        let entries = solvers.isEmpty ? SolverCatalog.entries : SolverCatalog.entries.filter { solvers.contains($0.name) }
        let machine = MachineInfo.current()
        let chosen = try chosenObjective() ?? previous?.objective ?? .default
        let made: Baseline
        do {
            made = try RegressionGate(solvers: entries).makeBaseline(
                instancesDirectory: folder, nodeLimit: nodeLimit ?? previous?.nodeLimit ?? 200,
                searchMaxLines: maxLines ?? previous?.searchMaxLines ?? 60,
                objective: chosen,
                madeBy: "rota \(machine.rotaVersion)" + (machine.commit.map { " at \($0)" } ?? ""))
        } catch {
            Terminal.error(error.description)
            throw ExitCode(error.isBadInput ? 2 : 1)
        }
        let parent = (baseline as NSString).deletingLastPathComponent
        if !parent.isEmpty { try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        try Terminal.emit(made.encoded, to: baseline)
        let instanceCount = Set(made.entries.map(\.instance)).count
        let solverNames = made.entries.map(\.solver).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        try Terminal.print(
            "rota regress: wrote \(baseline): \(made.entries.count) plans (\(instanceCount) instances × \(solverNames.joined(separator: ", "))), node limit \(made.nodeLimit), objective \(made.objective.text)")
    }

    /// Checks every new plan against the KPI targets (an sla.TIER target only where the plan
    /// has that tier); prints the misses and the verdict; exit 2 for a metric no plan has.
    private func gate(_ report: RegressionReport, _ requirements: [KPIRequirement]) throws -> Bool {
        guard !requirements.isEmpty else { return true }
        var seen: [(name: String, value: Double)] = []
        var checks: [(label: String, check: KPIGate.Check)] = []
        for finding in report.findings {
            guard let now = finding.now else { continue }
            let named = KPIGate.named(now.planMetrics, overrides: finding.overrides)
            for entry in named where !seen.contains(where: { $0.name == entry.name }) { seen.append(entry) }
            let applicable = requirements.filter { r in named.contains { $0.name == r.metric } }
            for check in KPIGate(applicable).check(named) {
                checks.append((label: "\(finding.instance) / \(finding.solver)", check: check))
            }
        }
        try KPIRequirements.refuseUnknown(requirements, named: seen)
        var met = true
        for (label, check) in checks where !check.holds {
            met = KPIRequirements.report([check], command: "regress", label: label) && met
        }
        Terminal.note(
            "rota regress: KPI targets \(met ? "met" : "MISSED"): \(requirements.map(\.description).joined(separator: "; ")) "
                + "(\(checks.filter { !$0.check.holds }.count) of \(checks.count) checks missed)")
        return met
    }

    private func text(_ report: RegressionReport, folder: String) -> String {
        var out = ["rota regress: \(baseline) (instances in \(folder); objective \(report.objective.text); node limit \(report.nodeLimit))", ""]
        out += Reports.aligned(report.table)
        for failure in report.failures {
            out += ["", "\(failure.verdict.rawValue.uppercased()) \(failure.instance) / \(failure.solver): \(failure.summary)"]
            if failure.now != nil { out += Reports.aligned(failure.table).map { "  " + $0 } }
        }
        if !report.newSolvers.isEmpty {
            out += ["", "Not in the baseline: \(report.newSolvers.joined(separator: ", ")) (rota regress --update adds them)."]
        }
        out += ["", "\(report.passes ? "PASSED" : "FAILED"): \(report.summary)"]
        return out.joined(separator: "\n")
    }

    private func markdown(_ report: RegressionReport, folder: String) -> String {
        var out = [
            "**rota regress: \(report.passes ? "PASSED" : "FAILED"): \(report.summary)**", "",
            "Baseline `\(baseline)`, instances in `\(folder)`, objective `\(report.objective.text)`, node limit \(report.nodeLimit).",
            "",
        ]
        out += Reports.markdown(report.table)
        for failure in report.failures {
            out += ["", "### \(failure.verdict.rawValue): \(failure.instance) / \(failure.solver)", "", failure.summary]
            if failure.now != nil { out += [""] + Reports.markdown(failure.table) }
        }
        if !report.newSolvers.isEmpty {
            out += ["", "Not in the baseline: \(report.newSolvers.joined(separator: ", ")) (`rota regress --update` adds them)."]
        }
        return out.joined(separator: "\n")
    }

    private func chosenObjective() throws -> Objective? {
        guard let objective else { return nil }
        do {
            return try Objective(parsing: objective)
        } catch {
            throw ValidationError("--objective: \(error.description)")
        }
    }
}

extension RegressionGateError {
    /// Missing or unreadable instances are bad input (exit 2); a failing solver is a failure (exit 1).
    fileprivate var isBadInput: Bool {
        switch self {
        case .noInstances, .unreadable: true
        case .solverFailed, .infeasible: false
        }
    }
}
