import ArgumentParser
import Rota
import RotaSweep

/// `rota sweep merge A B … -o ALL`: the shards of one sweep as the one file an unsharded sweep writes.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of one sweep into one file, in run order.",
        discussion: """
            The files must be of one sweep (same grid, instance set, solver and node limit), \
            hold no run twice, and together hold every run; a torn last line (a shard still \
            running or stopped) is refused: rerun that shard's command to finish it. The \
            result (written atomically) is the file an unsharded sweep writes, but for the \
            "seconds" of each run.

            Examples:
              rota sweep merge part-0.jsonl part-1.jsonl -o sweep.jsonl
              rota sweep merge parts/*.jsonl -o sweep.jsonl
            """
    )

    @Argument(help: "The sweep files to join.")
    var files: [String]

    @Option(name: .shortAndLong, help: "The merged sweep file.")
    var output: String

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name the sweep files to merge") }
        try FileArguments.check(files.map { .init("<files>", $0) }, output: output)
    }

    func run() throws {
        var contents: [(path: String, contents: SweepFile.Contents)] = []
        for file in files {
            let read = try SweepLoading.reporting { () throws(InputErrors) in try SweepFile.read(file) }
            guard let read else {
                Terminal.error("\(file): cannot read: no such file")
                throw ExitCode(2)
            }
            contents.append((file, read))
        }
        let lines = try SweepLoading.reporting { () throws(SweepError) in try SweepMerge.merge(contents) }
        try Terminal.emit(Array((lines.joined(separator: "\n") + "\n").utf8), to: output)
    }
}
