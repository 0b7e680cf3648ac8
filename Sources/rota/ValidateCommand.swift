import ArgumentParser
import Rota

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan against the nine feasibility rules of its instance.",
        discussion: """
            Every violation is listed with its rule number, the tasks involved and what is \
            wrong, e.g. "rule 4: acct-2 makes 4 purchases on 2026-12-03, over its daily limit \
            of 3". The check is independent of the solvers. The rules are listed in \
            docs/FORMAT.md.

            Exit status: 0 when the plan is feasible, 1 when it breaks a rule, 2 on bad input, \
            a usage error or output that cannot be written.

            Examples:
              rota validate instances/seed.json plan.json
              rota validate instances/seed.json plan.json --json | jq .violations
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file (fulfillment-plan/1 JSON).")
    var plan: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "List every violation (the text report shows the first 100).")
    var all = false

    func validate() throws {
        try FileArguments.check([.init("<instance>", instance), .init("<plan>", plan)])
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance)
        let plan = try InputLoader.plan(at: self.plan)
        let report = Validator().validate(plan, against: instance)
        if json {
            try Terminal.emit(RotaJSON.encode(report), to: nil)
        } else {
            try Terminal.print(Reports.text(report, planPath: self.plan, plan: plan, limit: all ? nil : 100))
        }
        if !report.isFeasible { throw ExitCode(1) }
    }
}
