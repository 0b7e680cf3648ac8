import ArgumentParser
import Foundation
import Rota
import RotaBench

/// `rota bench-run`: one solver on one instance, measured in a process of its own; prints the
/// record as one JSON line. `rota bench` starts it once per run; hidden from the help.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-run",
        abstract: "Run one solver on one benchmark instance and print its record as a JSON line (used by rota bench).",
        shouldDisplay: false
    )

    @Option(help: "An instance file.")
    var file: String?

    @Option(help: "A family to generate the instance from (with --seed).")
    var family: String?

    @Option(parsing: .unconditional, help: "The family's seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Replace the family's line count.")
    var lines: Int?

    @Option(help: "The solver.")
    var solver: String

    @Option(help: "The suite's name, recorded with the run.")
    var suite: String = "adhoc"

    @Option(parsing: .unconditional, help: "Seconds passed to the solver as its time limit.")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Search nodes passed to the solver as its work limit.")
    var nodeLimit: Int?

    func validate() throws {
        guard (file == nil) != (family == nil) else { throw ValidationError("give either --file or --family") }
        if let family, InstanceFamily(named: family) == nil {
            throw ValidationError("unknown family '\(family)'; choose one of: \(InstanceFamily.names.joined(separator: ", "))")
        }
        guard SolverCatalog.solver(named: solver) != nil else {
            throw ValidationError("unknown solver '\(solver)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let instance: BenchInstance
        if let file {
            instance = .file(file)
        } else if let name = family, let family = InstanceFamily(named: name) {
            instance = .family(family, seed: seed, lines: lines)
        } else {
            throw ExitCode(2)
        }
        guard let chosen = SolverCatalog.solver(named: solver) else { throw ExitCode(2) }
        let record = BenchRun(
            suite: suite, instance: instance, solverName: solver, solver: chosen,
            options: SolveOptions(timeLimit: timeLimit, nodeLimit: nodeLimit), isolated: true
        ).run()
        try Terminal.print(record.jsonLine)
    }
}
