import ArgumentParser
import Foundation
import Rota
import RotaAudit
import RotaReport

/// `rota report`: one self-contained HTML page about a plan (or two plans compared), or with
/// `sweep` about a weight sweep.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a visual report (one HTML file): of a plan (the default), or of a weight sweep.",
        discussion: """
            `rota report INSTANCE PLAN -o report.html` (the `plan` subcommand, the default) \
            draws a plan: KPI cards against the policy's targets, the Gantt chart, capacity \
            heatmaps, backlog, exceptions and overrides. `rota report sweep sweep.jsonl -o \
            sweep.html` draws a weight sweep: its Pareto front and the KPIs per vector.

            Examples:
              rota report instances/seed.json plan.json -o report.html
              rota report week.json plan.json --policy policy.yaml -o report.html
              rota report sweep sweep.jsonl -o sweep.html
            """,
        subcommands: [ReportPlanCommand.self, ReportSweepCommand.self],
        defaultSubcommand: ReportPlanCommand.self
    )
}

/// `rota report [plan] INSTANCE PLAN -o FILE`: the plan report (the default of `rota report`).
struct ReportPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write a plan's visual report: KPIs, Gantt chart, capacity heatmaps, backlog, exceptions (one HTML file).",
        discussion: """
            One self-contained HTML file (inline CSS and SVG, no script, no font or file from \
            the network; opens from disk and prints): KPI cards (lines, unscheduled, makespan \
            with its proven bound and gap, weighted lateness with its bound and gap, late lines, \
            SLA adherence per tier, soft overruns, override rate, feasibility, solver and \
            status); the Gantt chart (accounts × days; purchases in a cell's upper half, \
            reviews in its lower half, coloured by SLA tier, days off shaded, completed tasks \
            dashed, purchases pinned by an override outlined; a tooltip per line with its order, \
            due date, why it is on its day and the pin's reason code and actor); capacity \
            heatmaps (purchases against the daily limit, rolling windows against the soft cap); \
            the backlog per day by tier and by age; and the exceptions (unscheduled lines with \
            reasons, late lines, soft overruns, the instance's overrides with kind, reason code, \
            actor and note, and with --audit the log's records with actor and reason, its \
            override decisions apart).

            KPI targets: the instance's policy kpiTargets (overlaid by --policy FILE, as in \
            `rota score`) and each --require 'METRIC OP NUMBER' colour the card of their \
            metric green when met and red when missed (a metric without a card gets one), and \
            a Targets section lists each target, the value and met/missed. Without targets the \
            cards stay neutral. An unknown metric is exit status 2 with the valid names; a \
            missed target still writes the report (exit 0).

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
              rota report week.json plan.json --policy policy.yaml --require 'sla.critical>=0.95' -o report.html
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

    @Option(help: "A policy file (JSON or YAML, docs/POLICY.md) laid over the instance's policy; its kpiTargets colour the cards.")
    var policy: String?

    @OptionGroup var kpi: KPIRequirements

    @Option(name: .shortAndLong, help: "The HTML file to write (written atomically; - for standard output).")
    var output: String

    @Flag(help: "Print nothing on standard error.")
    var quiet = false

    func validate() throws {
        try FileArguments.check(
            [.init("<instance>", instance), .init("<plan>", plan), .init("--compare", compare), .init("--audit", audit),
             .init("--policy", policy)],
            output: output)
    }

    func run() throws {
        let (instance, policy) = try InputLoader.instanceAndPolicy(at: self.instance, policy: self.policy)
        let requirements = try kpi.all(policy: policy)
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
            otherLabel: compare.map(InputFile.label), audit: records, auditLabel: audit.map(InputFile.label),
            requirements: requirements)
        // Unknown metrics are refused as `rota score` refuses them (exit 2, nothing written).
        let tiers = instance.policy?.slaTierDays?.keys.sorted() ?? []
        try KPIRequirements.refuseUnknown(
            requirements, named: KPIGate.named(Scorer().score(plan, for: instance), tiers: tiers))
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
