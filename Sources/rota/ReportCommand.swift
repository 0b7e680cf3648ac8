import ArgumentParser
import Foundation
import Rota
import RotaAudit
import RotaReport

/// `rota report`: one self-contained HTML page about a plan (or two plans compared).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a plan's visual report: KPIs, Gantt chart, capacity heatmaps, backlog, exceptions (one HTML file).",
        discussion: """
            One self-contained HTML file (inline CSS and SVG, no script, no font or file from \
            the network; opens from disk and prints): KPI cards (lines, unscheduled, makespan \
            with its proven bound and gap, weighted lateness with its bound and gap, late lines, \
            SLA adherence per tier, soft overruns, feasibility, solver and status); the Gantt \
            chart (accounts × days; purchases in a cell's upper half, reviews in its lower half, \
            coloured by SLA tier, days off shaded, completed tasks dashed; a tooltip per line \
            with its order, due date and why it is on its day); capacity heatmaps (purchases \
            against the daily limit, rolling windows against the soft cap); the backlog per \
            day by tier and by age; and the exceptions (unscheduled lines with reasons, late \
            lines, soft overruns, and with --audit the log's records with actor and reason).

            With --compare OTHER, PLAN is the baseline (A) and OTHER the candidate (B): the \
            comparator's verdict and metric table, both Gantt charts on the same rows and days \
            with moved tasks outlined, and the list of moved tasks; identical plans say so.

            Size limits: one mark per task up to \(ReportLimits.standard.detailLines) lines, \
            \(ReportLimits.standard.maxRows) accounts and \(ReportLimits.standard.maxColumns) days; \
            beyond, cells show task counts and rows or columns group accounts or days. "Why this day" tooltips and purchase-review links up to \
            \(ReportLimits.standard.explainedLines) lines. Tables list their first \
            \(ReportLimits.standard.listedRows) rows.

            Examples:
              rota report instances/seed.json plan.json -o report.html
              rota report week.json old.json --compare new.json -o shadow.html
              rota report week-2.json plan-2.json --audit audit.jsonl -o report.html
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file (the baseline with --compare).")
    var plan: String

    @Option(help: "A second plan of the instance (the candidate): adds the plan-vs-plan view.")
    var compare: String?

    @Option(help: "An audit log (JSON Lines, docs/AUDIT.md): adds its decisions with actor and reason.")
    var audit: String?

    @Option(name: .shortAndLong, help: "The HTML file to write (written atomically; - for standard output).")
    var output: String

    @Flag(help: "Print nothing on standard error.")
    var quiet = false

    func validate() throws {
        try FileArguments.check(
            [.init("<instance>", instance), .init("<plan>", plan), .init("--compare", compare), .init("--audit", audit)],
            output: output)
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance)
        let plan = try InputLoader.plan(at: self.plan)
        let other = try compare.map { try InputLoader.plan(at: $0) }
        var records: [AuditRecord]?
        if let audit {
            do {
                guard FileManager.default.fileExists(atPath: audit) else {
                    Terminal.error("\(audit): cannot read: no such file")
                    throw ExitCode(2)
                }
                records = try AuditLog(path: audit).records()
            } catch let error as AuditLogError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
        let input = ReportInput(
            instance: instance, plan: plan, planLabel: InputFile.label(self.plan), other: other,
            otherLabel: compare.map(InputFile.label), audit: records, auditLabel: audit.map(InputFile.label))
        // A progress line on a terminal only (and not with --quiet).
        let showsProgress = !quiet && isatty(STDERR_FILENO) == 1
        let html = PlanReport(input).render { stage in
            if showsProgress { Terminal.standardError("\r\u{1B}[Kreport: \(stage)…") }
        }
        if showsProgress { Terminal.standardError("\r\u{1B}[K") }
        let bytes = Array(html.utf8)
        try Terminal.emit(bytes, to: output)
        if !quiet && output != "-" {
            Terminal.note("Report written to \(output) (\(bytes.count) bytes)")
        }
    }
}
