import ArgumentParser
import Rota

@main
struct RotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Plan purchases and follow-up reviews across accounts, soonest first.",
        version: RotaVersion.current,
        subcommands: []
    )
}
