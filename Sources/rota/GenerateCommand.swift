import ArgumentParser
import Rota

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated instance of a named family: the same family and seed, the same file.",
        discussion: """
            Families range from tiny (an exhaustive search can check them) to huge (1,000 \
            accounts, 500,000 lines); tight (200–400 lines) and crunch (1,500–2,500 lines) make \
            the rolling, review and one-per-account item caps bind, and resched carries an earlier plan's \
            completed, missed and pending tasks. --list shows each family's sizes and \
            rules. The instance is named <family>-<seed>; --lines replaces the family's line \
            count and scales accounts and items with it (growth tables).

            The instance goes to standard output, or to the file given with -o (atomically: a \
            temporary file, then a rename). A one-line summary goes to standard error unless \
            --quiet.

            Examples:
              rota generate --list
              rota generate --family small --seed 7 -o small-7.json
              rota generate --family huge --seed 1 --lines 100000 -o growth-100k.json
              rota generate --family tight --seed 3 | rota solve - -o plan.json
            """
    )

    @Option(help: "The family: \(InstanceFamily.names.joined(separator: ", ")). See --list.")
    var family: String?

    @Option(parsing: .unconditional, help: "The seed (a whole number from 0 to 2^64 − 1).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Replace the family's line count (accounts and items scale with it).")
    var lines: Int?

    @Option(name: .shortAndLong, help: "Write the instance here instead of standard output.")
    var output: String?

    @Flag(help: "List the families with their sizes and rules, then stop.")
    var list = false

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        if list { return }
        guard let family else {
            throw ValidationError("--family is required; choose one of: \(InstanceFamily.names.joined(separator: ", "))")
        }
        guard InstanceFamily(named: family) != nil else {
            throw ValidationError(
                "unknown family '\(family)'; choose one of: \(InstanceFamily.names.joined(separator: ", "))")
        }
        if let lines, !(1...5_000_000).contains(lines) { throw ValidationError("--lines must be between 1 and 5000000") }
    }

    func run() throws {
        if list {
            let width = InstanceFamily.names.map(\.count).max() ?? 0
            try Terminal.print(
                InstanceFamily.allCases.map {
                    "\($0.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)"
                }.joined(separator: "\n"))
            return
        }
        guard let name = family, let family = InstanceFamily(named: name) else { throw ExitCode(2) }
        let instance = family.generate(seed: seed, lines: lines)
        try Terminal.emit(RotaJSON.encode(instance), to: output)
        if !quiet {
            let lineCount = instance.orders.reduce(0) { $0 + $1.lines.count }
            var parts = [
                "\(instance.name ?? name): \(instance.accounts.count) accounts", "\(lineCount) lines",
                "\(Set(instance.orders.flatMap { $0.lines.map(\.item) }).count) items", "\(instance.horizonDays) days",
            ]
            if !instance.existing.isEmpty { parts.append("\(instance.existing.count) existing tasks") }
            Terminal.note(parts.joined(separator: ", ") + (output.map { " → \($0)" } ?? ""))
        }
    }
}
