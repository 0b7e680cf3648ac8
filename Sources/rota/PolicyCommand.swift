import ArgumentParser
import Rota
import RotaYAML

/// `rota policy`: policy files (docs/POLICY.md).
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Policy files: priority weights, SLA tiers, objective, rolling caps, reason codes, KPI targets.",
        discussion: """
            A policy file (JSON or YAML, docs/POLICY.md) is given to solve, score, compare and \
            export with --policy, and its kpiTargets gate score, compare and regress.

            Examples:
              rota policy show                      the defaults
              rota policy show examples/policy.yaml
              rota policy show examples/policy.json --json
            """,
        subcommands: [PolicyShowCommand.self],
        defaultSubcommand: PolicyShowCommand.self
    )
}

/// `rota policy show [FILE]`: the effective policy, defaults filled in.
struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective policy of a file (or the defaults), every field filled in, as YAML or JSON.",
        discussion: """
            Fields the file leaves out are shown with their defaults: weights sla 0.35, value \
            0.2, readiness 0.2, customer 0.15, risk 0.1; slaTierDays critical 6, high 8, \
            standard 12, deferred 21; the default objective; no default rolling cap (null: \
            accounts keep their own); no extra reason codes; no KPI targets. (Given with an \
            instance, a file's missing fields come from the instance's policy first.) The \
            file is checked as every command checks it: errors name the file, the path and, \
            for YAML, the line, and exit with status 2; weights that do not sum to 1 are a \
            warning on standard error. standardReasonCodes lists the codes every events file \
            may use.

            Examples:
              rota policy show
              rota policy show examples/policy.yaml --json
            """
    )

    @Argument(help: "The policy file, JSON or YAML (default: none, so the defaults are shown).")
    var file: String?

    @Flag(help: "Print JSON instead of YAML.")
    var json = false

    func run() throws {
        let written = try file.map { try InputLoader.policyFile(at: $0).policy } ?? Policy()
        let effective = written.filled()
        guard case .object(var members) = RotaJSON.policyFileValue(effective) else { return }
        members.append(
            (key: "standardReasonCodes", value: .array(Override.standardReasonCodes.map { .string($0) })))
        let document = JSONValue.object(members)
        if json {
            try Terminal.emit(JSONWriter.write(document), to: nil)
        } else {
            try Terminal.print(YAMLWriter.write(document))
        }
    }
}
