import ArgumentParser
import Rota

struct SolversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvers",
        abstract: "List the solvers `rota solve --solver NAME` accepts."
    )

    func run() throws {
        let width = SolverCatalog.names.map(\.count).max() ?? 0
        let rows = SolverCatalog.entries.map { entry in
            let name = entry.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let mark = entry.name == SolverCatalog.defaultName ? " (default)" : ""
            return "\(name)  \(entry.summary)\(mark)"
        }
        try Terminal.print(rows.joined(separator: "\n"))
    }
}
