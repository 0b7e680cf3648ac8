import ArgumentParser
import Rota
import RotaYAML

/// Reads instances, plans and policy files for commands; bad input is reported in lines
/// naming the file and JSON path, and ends the command with exit status 2.
enum InputLoader {
    static func instance(at path: String, policy policyPath: String? = nil) throws -> Instance {
        try instanceAndPolicy(at: path, policy: policyPath).instance
    }

    /// The instance with the policy file (JSON or YAML, docs/POLICY.md) laid over it, and the
    /// file's policy filled from the instance's (`nil` without a file).
    static func instanceAndPolicy(at path: String, policy policyPath: String?) throws -> (
        instance: Instance, policy: Policy?
    ) {
        try reporting { () throws(InputErrors) in
            let (instance, policy, _) = try loadInstanceAndPolicy(at: path, policy: policyPath)
            return (instance, policy)
        }
    }

    /// `instanceAndPolicy` with its problems thrown, not reported: the instance's first (the
    /// policy file is not read then), then the policy file's; with the index of the instance's
    /// line ids that its check built (a policy file changes no line).
    private static func loadInstanceAndPolicy(at path: String, policy policyPath: String?) throws(InputErrors) -> (
        instance: Instance, policy: Policy?, lines: IdentifierMap<LineTag>
    ) {
        let (instance, lines) = try RotaJSON.loadIndexedInstance(from: path)
        guard let policyPath else { return (instance, nil, lines) }
        let applied = try loadPolicyFile(at: policyPath).policy.applied(to: instance)
        return (applied, applied.policy, lines)
    }

    /// The planning problem of the instance with the policy file laid over it (as
    /// `instanceAndPolicy`); on a large instance it is built on a second core while the
    /// instance is checked (`RotaJSON.loadInstance(from:preparing:)`). Problems are reported
    /// as `instanceAndPolicy` reports them: the instance's first, then the policy file's, then
    /// the file's warnings.
    static func problem(at path: String, policy policyPath: String?) throws -> PlanningProblem {
        try reporting { () throws(InputErrors) in
            // The policy file is small: it is read first, and its problems wait for the instance's.
            let policyFile = policyPath.map { path -> Result<PolicyFile, InputErrors> in
                do throws(InputErrors) { return .success(try PolicyFileLoader.load(from: path)) } catch {
                    return .failure(error)
                }
            }
            let laid = { (instance: Instance) -> Instance? in
                switch policyFile {
                case nil: instance
                case .success(let file)?: file.policy.applied(to: instance)
                case .failure?: nil
                }
            }
            let (_, problem) = try RotaJSON.loadInstance(from: path) { instance in laid(instance).map(PlanningProblem.init) }
            if let file = try policyFile?.get() { noteWarnings(of: file) }
            // Built whenever the policy file could be read, which it was by now.
            return problem!
        }
    }

    /// A policy file (JSON or YAML); its warnings go to standard error.
    static func policyFile(at path: String) throws -> PolicyFile {
        try reporting { () throws(InputErrors) in try loadPolicyFile(at: path) }
    }

    private static func loadPolicyFile(at path: String) throws(InputErrors) -> PolicyFile {
        let file = try PolicyFileLoader.load(from: path)
        noteWarnings(of: file)
        return file
    }

    /// A policy file's warnings, on standard error.
    private static func noteWarnings(of file: PolicyFile) {
        for warning in file.warnings { Terminal.note("rota: warning: \(warning.description)") }
    }

    /// The instance (with the policy file laid over it, as `instanceAndPolicy`) and a plan, read
    /// side by side on two cores; `prepare` runs on the instance's side once it is read (the
    /// tables or planning problem the command needs next), given the index of its line ids
    /// that the instance's check built (see `InstanceChecker.checkAndIndex`). Problems are reported as when the
    /// files are read one after the other: the instance's and the policy file's first, here;
    /// the plan's only when `reported(_:)` unwraps it, so a command can check its own options
    /// before them.
    static func instanceAndPlan<Prepared>(
        at path: String, policy policyPath: String?, plan planPath: String,
        prepare: (Instance, IdentifierMap<LineTag>) -> Prepared
    ) throws -> (instance: Instance, policy: Policy?, prepared: Prepared, plan: Result<Plan, InputErrors>) {
        let (first, plan) = Concurrently.both(
            { () -> Result<(Instance, Policy?, Prepared), InputErrors> in
                do throws(InputErrors) {
                    let (instance, policy, lines) = try loadInstanceAndPolicy(at: path, policy: policyPath)
                    return .success((instance, policy, prepare(instance, lines)))
                } catch {
                    return .failure(error)
                }
            },
            { () -> Result<Plan, InputErrors> in
                do throws(InputErrors) { return .success(try RotaJSON.loadPlan(from: planPath)) } catch { return .failure(error) }
            })
        let (instance, policy, prepared) = try reported(first)
        return (instance, policy, prepared, plan)
    }

    /// The value, or its problems reported (exit status 2).
    static func reported<T>(_ result: Result<T, InputErrors>) throws -> T {
        try reporting { () throws(InputErrors) in try result.get() }
    }

    static func plan(at path: String) throws -> Plan {
        try reporting { () throws(InputErrors) in try RotaJSON.loadPlan(from: path) }
    }

    /// A plan and the bytes it was read from (for digests); read once, so `-` works too.
    static func planAndBytes(at path: String) throws -> (plan: Plan, bytes: [UInt8]) {
        try reporting { () throws(InputErrors) in
            let bytes = try InputFile.read(path, as: .json)
            return (try RotaJSON.decodePlan(bytes, file: InputFile.label(path)), bytes)
        }
    }

    private static func reporting<T>(_ body: () throws(InputErrors) -> T) throws -> T {
        do {
            return try body()
        } catch {
            for line in error.description.split(separator: "\n") { Terminal.error(String(line)) }
            throw ExitCode(2)
        }
    }
}
