import ArgumentParser
import Foundation
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

            Exit status: 0 success, 1 infeasible plan (validate), 2 bad input (a usage error \
            too) or output that cannot be written (a full disk, a closed pipe or standard \
            output), 3 internal error. The formats are described in docs/FORMAT.md.
            """,
        version: RotaVersion.current,
        subcommands: [SolveCommand.self, ValidateCommand.self, ScoreCommand.self, CompareCommand.self, SolversCommand.self,
            GenerateCommand.self, BenchCommand.self, RegressCommand.self, ExportCommand.self, ImportSolutionCommand.self,
            BenchRunCommand.self, AuditCommand.self, ExplainCommand.self, RescheduleCommand.self, ReplayCommand.self,
            PolicyCommand.self, SweepCommand.self, ReportCommand.self, ServeCommand.self]
    )

    /// Parses the arguments and runs the command, as ArgumentParser's `main` does, but a usage
    /// error is bad input (exit status 2, not 64), help goes through `Terminal` (a failed
    /// write is an error, not a trap), and a closed pipe is an error rather than SIGPIPE.
    static func main() {
        Terminal.prepare()
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = 0
        } catch {
            status = report(error)
        }
        Foundation.exit(status)
    }

    /// Prints ArgumentParser's message for `error` (help on standard output, errors on
    /// standard error) and returns the exit status.
    private static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        guard code == .success else {
            if !message.isEmpty { Terminal.note(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
        guard !message.isEmpty else { return 0 }
        do {
            try Terminal.print(message)
            return 0
        } catch {
            return Terminal.writeFailure.rawValue
        }
    }
}
