import ArgumentParser
import Foundation
import Rota
import RotaReport
import RotaSweep

/// `rota report sweep FILE -o sweep.html`: a weight sweep's Pareto chart and KPI tables.
struct ReportSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Write a weight sweep's visual report: the Pareto chart and the KPIs per weight vector (one HTML file).",
        discussion: """
            Reads a sweep file (`rota sweep`'s JSON Lines, docs/SWEEPS.md) and summarises it as \
            `rota sweep summary` does: per weight vector the mean and worst of every KPI over \
            its instances, and the Pareto front over (critical SLA adherence ↑, weighted \
            lateness ↓, makespan ↓). The page (self-contained: inline CSS and SVG, no script) \
            plots one dot per vector at (mean critical SLA adherence, mean weighted lateness), \
            coloured by mean makespan (legend above the chart), front vectors larger and \
            ringed, each dot's tooltip naming its weights; then the front's table and one table \
            per vector. A vector with a failed run is listed but not plotted. A partial sweep \
            (a torn last line) is drawn as it stands.

            Exit status: 0 written; 2 for a missing or malformed sweep file, or one with no \
            runs (nothing is written).

            Examples:
              rota sweep --instances dir --grid grid.yaml -o sweep.jsonl
              rota report sweep sweep.jsonl -o sweep.html
            """
    )

    @Argument(help: "A sweep file (JSON Lines written by `rota sweep`).")
    var file: String

    @Option(name: .shortAndLong, help: "The HTML file to write (written atomically; - for standard output).")
    var output: String

    @Flag(help: "Print nothing on standard error.")
    var quiet = false

    func validate() throws {
        try FileArguments.check([.init("<file>", file)], output: output)
    }

    func run() throws {
        let read = try SweepLoading.reporting { () throws(InputErrors) in try SweepFile.read(file) }
        guard let read else {
            Terminal.error("\(file): cannot read: no such file")
            throw ExitCode(2)
        }
        guard !read.records.isEmpty else {
            Terminal.error("\(file): holds no runs; run `rota sweep` into it first (nothing written)")
            throw ExitCode(2)
        }
        if read.torn, !quiet {
            Terminal.note("\(file): the last line is torn (a sweep in progress?); reporting the complete lines")
        }
        let summary = SweepSummary(records: read.records)
        let data: SweepReportData
        do {
            data = try SweepReportData(summary: summary.json, label: InputFile.label(file))
        } catch {
            // The summary's own document: a mismatch is a bug between the two targets.
            Terminal.error("\(file): cannot read the sweep summary: \(error.description)")
            throw ExitCode(2)
        }
        let bytes = Array(SweepReport(data).render().utf8)
        try Terminal.emit(bytes, to: output)
        if !quiet && output != "-" {
            Terminal.note("Sweep report written to \(output) (\(bytes.count) bytes, \(data.vectors.count) vectors)")
        }
    }
}
