import ArgumentParser
import Rota

@main
struct RotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Plan purchases and follow-up reviews across accounts: soonest finish first.",
        discussion: """
            An instance (JSON, format fulfillment-instance/1) lists accounts with their caps and \
            orders whose lines each need one purchase and, at least the review lag later, a \
            review by the same account. rota plans every line so the last review is as early \
            as possible, then serves priorities (weighted lateness), then balances accounts.

              rota solve seed.json -o plan.json     plan an instance
              rota validate seed.json plan.json     check the nine feasibility rules
              rota score seed.json plan.json        every metric, the bound, the gap

            Exit status: 0 success, 1 infeasible plan (validate), 2 bad input, 3 internal error. \
            The formats are described in docs/FORMAT.md.
            """,
        version: RotaVersion.current,
        subcommands: [SolveCommand.self, ValidateCommand.self, ScoreCommand.self, CompareCommand.self, SolversCommand.self,
            GenerateCommand.self, BenchCommand.self, RegressCommand.self, ExportCommand.self, ImportSolutionCommand.self,
            BenchRunCommand.self]
    )
}
