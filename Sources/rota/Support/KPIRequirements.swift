import ArgumentParser
import Rota

/// `--require` (repeatable KPI expressions) and the gate that `score`, `compare` and `regress`
/// run with them and the policy's `kpiTargets` (docs/POLICY.md, "KPI targets").
struct KPIRequirements: ParsableArguments {
    @Option(
        name: .customLong("require"),
        help: ArgumentHelp(
            "A KPI target METRIC OP NUMBER, e.g. 'sla.critical>=0.95' (repeatable; OP: >= <= > < == !=).",
            valueName: "expression"))
    var expressions: [String] = []

    func validate() throws { _ = try parsed() }

    /// The expressions, read.
    func parsed() throws -> [KPIRequirement] {
        try expressions.map { text in
            do {
                return try KPIRequirement(parsing: text)
            } catch {
                throw ValidationError("--require: \(error)")
            }
        }
    }

    /// The policy's targets, then `--require`'s.
    func all(policy: Policy?) throws -> [KPIRequirement] {
        (policy?.kpiTargets ?? []) + (try parsed())
    }

    /// Names every requirement whose metric `named` lacks, with the valid names, and exits 2.
    static func refuseUnknown(_ requirements: [KPIRequirement], named: [(name: String, value: Double)]) throws {
        let unknown = requirements.filter { r in !named.contains { $0.name == r.metric } }
        guard !unknown.isEmpty else { return }
        for requirement in unknown {
            Terminal.error(
                "unknown KPI metric \"\(requirement.metric)\" in '\(requirement)'; valid names here: "
                    + named.map(\.name).joined(separator: ", "))
        }
        throw ExitCode(2)
    }

    /// Prints each missed target (`label` first, e.g. the instance and solver) and returns
    /// whether all were met.
    static func report(_ checks: [KPIGate.Check], command: String, label: String? = nil) -> Bool {
        let missed = checks.filter { !$0.holds }
        for check in missed {
            Terminal.note("rota \(command): KPI missed: \(label.map { "\($0): " } ?? "")\(check.summary)")
        }
        return missed.isEmpty
    }
}
