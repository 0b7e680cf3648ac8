import ArgumentParser
import Rota

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan against the nine feasibility rules of its instance.",
        discussion: """
            Every violation is counted, and listed with its rule number, the tasks involved \
            and what is wrong, e.g. "rule 4: acct-2 makes 4 purchases on 2026-12-03, over its \
            daily limit of 3". The first \(defaultLimit) violations of each rule are listed, then "… and N \
            more violations of rule R" (in JSON, "omitted" per rule); --limit N lists N of each, \
            --all every one. The check is independent of the solvers. The rules are listed in \
            docs/FORMAT.md.

            Exit status: 0 when the plan is feasible, 1 when it breaks a rule, 2 on bad input, \
            a usage error or output that cannot be written.

            Examples:
              rota validate instances/seed.json plan.json
              rota validate instances/seed.json plan.json --json | jq .violations
              rota validate instances/seed.json plan.json --limit 5
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file (fulfillment-plan/1 JSON).")
    var plan: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "List every violation (by default the first \(Self.defaultLimit) of each rule), in text and JSON.")
    var all = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "List at most N violations of each rule (default \(Self.defaultLimit)); the counts stay exact.", valueName: "N"))
    var limit: Int?

    /// How many violations of each rule are listed unless --limit or --all says otherwise.
    static let defaultLimit = 100

    func validate() throws {
        try FileArguments.check([.init("<instance>", instance), .init("<plan>", plan)])
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if all, limit != nil { throw ValidationError("give --all or --limit, not both") }
    }

    func run() throws {
        // The instance's tables are built while the plan is read.
        let (instance, _, tables, read) = try InputLoader.instanceAndPlan(
            at: self.instance, policy: nil, plan: self.plan) { instance, lines in InstanceTables(instance, lineIndex: lines) }
        let plan = try InputLoader.reported(read)
        let checked = ValidationContext(instance: instance, plan: plan, tables: tables)
        let report = Validator(limit: all ? nil : limit ?? Self.defaultLimit).validate(checked)
        let size = plan.tasks.count
        Concurrently.release(consume checked, size: size)
        if json {
            try Terminal.emit(RotaJSON.encode(report), to: nil)
        } else {
            try Terminal.print(Reports.text(report, planPath: self.plan, plan: plan))
        }
        // The process ends now: the instance and plan are freed on another thread meanwhile.
        Concurrently.release((consume instance, consume tables, consume plan), size: size)
        if !report.isFeasible { throw ExitCode(1) }
    }
}
