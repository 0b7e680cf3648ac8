import RotaCore
import RotaFormat
import RotaEvaluation
import RotaSolvers
import Rota

/// The plan-quality gate for CI: re-solves every instance of a baseline with the baseline's
/// work limit (search nodes, never wall-clock time, so a slow machine gives the same plans)
/// and checks each new plan: valid, and not worse than the baseline under its objective.
package struct RegressionGate: Sendable {
    /// The solvers that can be checked (the whole catalog by default).
    package var solvers: [SolverCatalog.Entry]

    package init(solvers: [SolverCatalog.Entry] = SolverCatalog.entries) {
        self.solvers = solvers
    }

    /// Checks `baseline` with the instance files of `directory` (the baseline's own folder
    /// by default). `progress` sees each finding as it is made.
    package func check(
        _ baseline: Baseline, instancesDirectory directory: String? = nil, objective: Objective? = nil,
        progress: (RegressionFinding) -> Void = { _ in }
    ) -> RegressionReport {
        let folder = directory ?? baseline.instances
        let objective = objective ?? baseline.objective
        var findings: [RegressionFinding] = []
        var loaded: [String: Result<Instance, InputErrors>] = [:]
        for entry in baseline.entries {
            let path = Self.path(entry.instance, in: folder)
            let instance: Result<Instance, InputErrors>
            if let known = loaded[entry.instance] {
                instance = known
            } else {
                instance = Result { () throws(InputErrors) -> Instance in try RotaJSON.loadInstance(from: path) }
                loaded[entry.instance] = instance
            }
            let finding = check(entry, instance: instance, nodeLimit: baseline.nodeLimit, objective: objective)
            findings.append(finding)
            progress(finding)
        }
        // Catalog solvers the baseline does not know: reported, never failing.
        let known = Set(baseline.entries.map(\.solver))
        let newSolvers = solvers.map(\.name).filter { !known.contains($0) }
        return RegressionReport(
            findings: findings, newSolvers: newSolvers, objective: objective, nodeLimit: baseline.nodeLimit)
    }

    /// A fresh baseline: every solver on every `*.json` of `directory` (search solvers,
    /// `needsSearchLimit`, only up to `searchMaxLines` lines). Fails when a plan is
    /// infeasible or a solver throws, so a broken solver never becomes the reference.
    package func makeBaseline(
        instancesDirectory directory: String, nodeLimit: Int, searchMaxLines: Int, objective: Objective = .default,
        madeBy: String? = nil, progress: (BaselineEntry) -> Void = { _ in }
    ) throws(RegressionGateError) -> Baseline {
        let files = BenchSuite.files(in: directory)
        guard !files.isEmpty else { throw .noInstances(directory) }
        var entries: [BaselineEntry] = []
        for path in files {
            let instance: Instance
            do {
                instance = try RotaJSON.loadInstance(from: path)
            } catch {
                throw .unreadable(error)
            }
            let lines = instance.orders.reduce(0) { $0 + $1.lines.count }
            let digest = InstanceDigest.of(instance)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            for solver in solvers where !solver.needsSearchLimit || lines <= searchMaxLines {
                let outcome: Outcome
                do {
                    outcome = try Self.solve(instance, with: solver, nodeLimit: nodeLimit)
                } catch {
                    throw .solverFailed(instance: name, solver: solver.name, message: "\(error)")
                }
                guard outcome.feasible else {
                    throw .infeasible(instance: name, solver: solver.name, violations: outcome.violations)
                }
                let entry = BaselineEntry(
                    instance: name, digest: digest, solver: solver.name, status: outcome.status,
                    metrics: BaselineMetrics(outcome.metrics))
                entries.append(entry)
                progress(entry)
            }
        }
        return Baseline(
            objective: objective, nodeLimit: nodeLimit, searchMaxLines: searchMaxLines, instances: directory,
            madeBy: madeBy, entries: entries)
    }

    private func check(
        _ entry: BaselineEntry, instance: Result<Instance, InputErrors>, nodeLimit: Int, objective: Objective
    ) -> RegressionFinding {
        var finding = RegressionFinding(instance: entry.instance, solver: entry.solver, baseline: entry.metrics)
        let loaded: Instance
        switch instance {
        case .success(let value): loaded = value
        case .failure(let error):
            finding.verdict = .unreadableInstance
            finding.note = error.description
            return finding
        }
        guard InstanceDigest.of(loaded) == entry.digest else {
            finding.verdict = .changedInstance
            return finding
        }
        finding.overrides = OverrideRate(loaded)
        guard let solver = solvers.first(where: { $0.name == entry.solver }) else {
            finding.verdict = .unknownSolver
            return finding
        }
        let outcome: Outcome
        do {
            outcome = try Self.solve(loaded, with: solver, nodeLimit: nodeLimit)
        } catch {
            finding.verdict = .failed
            finding.note = "\(error)"
            return finding
        }
        finding.now = BaselineMetrics(outcome.metrics)
        finding.status = outcome.status
        guard outcome.feasible else {
            finding.verdict = .infeasible
            finding.note = "\(outcome.violations) violation\(outcome.violations == 1 ? "" : "s")"
            return finding
        }
        switch objective.compare(outcome.metrics, entry.metrics.planMetrics) {
        case .better: finding.verdict = .better
        case .equal: finding.verdict = .equal
        case .worse: finding.verdict = .worse
        }
        finding.decidingTerm = Self.decidingTerm(objective, outcome.metrics, entry.metrics.planMetrics)
        return finding
    }

    /// What a re-solve gives: validity, status and metrics.
    struct Outcome {
        var feasible: Bool
        var violations: Int
        var status: String
        var metrics: PlanMetrics
    }

    /// Solves as a user would: the solvers that finish on their own with their defaults (deterministic
    /// on their own; `auto` bounds its MIP by nodes), search solvers with the `nodeLimit` work limit.
    static func solve(_ instance: Instance, with entry: SolverCatalog.Entry, nodeLimit: Int) throws -> Outcome {
        let options = entry.needsSearchLimit ? SolveOptions(nodeLimit: nodeLimit) : SolveOptions()
        let context = SolveContext(PlanningProblem(instance), options: options)
        let finished = PlanFinisher.finish(try entry.make().solve(in: context), in: context)
        return Outcome(
            feasible: finished.validation.isFeasible, violations: finished.validation.violations.count,
            status: finished.run.status.rawValue, metrics: finished.metrics)
    }

    /// The first lexicographic term on which the plans differ (`nil` when equal or weighted).
    static func decidingTerm(_ objective: Objective, _ now: PlanMetrics, _ before: PlanMetrics) -> ObjectiveLevel? {
        objective.decidingLevel(now.objectiveValues, before.objectiveValues)
    }

    static func path(_ name: String, in folder: String) -> String {
        if name.hasPrefix("/") || folder.isEmpty { return name }
        return (folder.hasSuffix("/") ? folder : folder + "/") + name
    }
}

/// Why a baseline could not be made.
package enum RegressionGateError: Error, Sendable, CustomStringConvertible {
    case noInstances(String)
    case unreadable(InputErrors)
    case solverFailed(instance: String, solver: String, message: String)
    case infeasible(instance: String, solver: String, violations: Int)

    package var description: String {
        switch self {
        case .noInstances(let folder): "no instance files (*.json) in \(folder)"
        case .unreadable(let errors): errors.description
        case .solverFailed(let instance, let solver, let message): "\(solver) failed on \(instance): \(message)"
        case .infeasible(let instance, let solver, let count):
            "\(solver) made an infeasible plan for \(instance) (\(count) violations); the baseline was not written"
        }
    }
}
