import ArgumentParser
import Rota
import RotaSweep

/// `rota sweep summary FILE`: per vector, mean and worst KPIs; the Pareto front.
struct SweepSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per weight vector, the mean and worst of each KPI over the instances, and the Pareto front.",
        discussion: """
            For each vector, a table of every KPI of its runs (↑ higher is better, ↓ lower \
            is better): the mean over the instances and the worst. Then the Pareto front: \
            the vectors no other vector beats on all of (critical SLA adherence ↑, weighted \
            lateness ↓, makespan ↓), each a mean over the instances; a vector whose runs \
            have no critical line counts as adherent (1), a vector with a failed run is left \
            out. A partial sweep (a shard, a run in progress) is summarised as it stands.

            Examples:
              rota sweep summary sweep.jsonl
              rota sweep summary sweep.jsonl --json
            """
    )

    @Argument(help: "A sweep file.")
    var file: String

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        let read = try SweepLoading.reporting { () throws(InputErrors) in try SweepFile.read(file) }
        guard let read else {
            Terminal.error("\(file): cannot read: no such file")
            throw ExitCode(2)
        }
        if read.torn { Terminal.note("\(file): the last line is torn (a sweep in progress?); summarising the complete lines") }
        let summary = SweepSummary(records: read.records)
        if json {
            try Terminal.print(JSONWriter.string(summary.json))
        } else {
            try Terminal.print(summary.text)
        }
    }
}
