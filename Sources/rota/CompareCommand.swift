import ArgumentParser
import Rota

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two plans of one instance: every metric side by side, the verdict, what moved.",
        discussion: """
            Plan A is the baseline, plan B the candidate. Both are validated and scored; every \
            metric of docs/FORMAT.md is shown for A and for B with the difference (B minus A) \
            and the better plan (lower is better, except SLA on-time shares; purchases and reviews are \
            shown for context). Then come the lower bound with each plan's gap, the load per \
            account and per day, and the tasks that moved from A to B (matched by line and \
            task kind; tasks only in one plan are listed too).

            The first line is the verdict, e.g. "B is better: makespan 12 vs 14". A feasible \
            plan always beats an infeasible one; otherwise the objective decides, by default \
            lexicographically: unscheduled lines, makespan, weighted lateness, largest load, \
            spread. --objective takes another term order ("makespan,lateness") or a weighted \
            sum ("weighted:makespan=1,lateness=0.1"); terms: \
            \(ObjectiveLevel.allCases.map(\.rawValue).joined(separator: ", ")) (changes counts \
            0 for both plans here).

            Formats: text (aligned tables for a terminal), markdown (tables for a CI job \
            summary or a pull-request comment), json (everything as data, both validation \
            reports included). Text and markdown list the first 100 accounts, days and moved \
            tasks unless --all is given.

            Exit status: 0 whatever the verdict; with --fail-if-worse, 1 when B is worse than \
            A or B is infeasible (a gate for CI); 2 on bad input, a usage error or output that \
            cannot be written.

            KPI gates: --require 'METRIC OP NUMBER' (repeatable) and the kpiTargets of a \
            --policy file are checked on plan B (the candidate) after the report is printed; a \
            missed target is named with its value and the exit status is 1 (names: see rota \
            help score, docs/POLICY.md). A policy file's objective is the verdict's unless \
            --objective is given.

            Examples:
              rota compare instances/seed.json old.json new.json
              rota compare week.json old.json new.json --require 'sla.critical>=0.95'
              rota compare seed.json old.json new.json --format markdown \\
                  >> "$GITHUB_STEP_SUMMARY"
              rota compare seed.json baseline.json candidate.json --fail-if-worse
              rota compare seed.json a.json b.json --objective spread,makespan
            """
    )

    /// How the comparison is printed.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text
        case markdown
        case json
    }

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "Plan A: the baseline.")
    var planA: String

    @Argument(help: "Plan B: the candidate, compared against A.")
    var planB: String

    @Option(help: "How to print the comparison.")
    var format: Format = .text

    @Option(help: "Objective for the verdict: a term order or weighted:TERM=W,... (default: \(Objective.default.text)).")
    var objective: String?

    @Option(help: "A policy file (JSON or YAML, docs/POLICY.md) laid over the instance's policy; its objective and kpiTargets apply.")
    var policy: String?

    @OptionGroup var kpi: KPIRequirements

    @Flag(help: "Exit with status 1 when B is worse than A or B is infeasible.")
    var failIfWorse = false

    @Flag(help: "List every account, day and moved task (text and markdown show the first 100 of each).")
    var all = false

    func validate() throws {
        try FileArguments.check([
            .init("<instance>", instance), .init("<plan-a>", planA), .init("<plan-b>", planB), .init("--policy", policy),
        ])
        _ = try chosenObjective()
    }

    func run() throws {
        let (instance, policy) = try InputLoader.instanceAndPolicy(at: self.instance, policy: self.policy)
        let objective = self.objective == nil ? (policy?.objective ?? .default) : try chosenObjective()
        let requirements = try kpi.all(policy: policy)
        let a = try InputLoader.plan(at: planA)
        let b = try InputLoader.plan(at: planB)
        let comparison = Comparator().compare(a, b, for: instance, objective: objective)
        let named = KPIGate.named(
            comparison.b.metrics, tiers: instance.policy?.slaTierDays?.keys.sorted() ?? [], overrides: OverrideRate(instance))
        try KPIRequirements.refuseUnknown(requirements, named: named)
        let files = (a: InputFile.label(planA), b: InputFile.label(planB))
        let limit = all ? nil : 100
        switch format {
        case .text:
            try Terminal.print(Reports.text(comparison, files: files, limit: limit))
        case .markdown:
            try Terminal.print(Reports.markdown(comparison, files: files, limit: limit))
        case .json:
            try Terminal.emit(RotaJSON.encode(comparison, fileA: files.a, fileB: files.b), to: nil)
        }
        let kpisMet = KPIRequirements.report(KPIGate(requirements).check(named), command: "compare", label: "B")
        if !kpisMet { throw ExitCode(1) }
        if failIfWorse && comparison.isRegression {
            let why = comparison.b.isFeasible ? "B is worse than A" : "B is infeasible"
            Terminal.note("rota compare: \(why) (--fail-if-worse): \(comparison.verdict.summary)")
            throw ExitCode(1)
        }
    }

    private func chosenObjective() throws -> Objective {
        guard let objective else { return .default }
        do {
            return try Objective(parsing: objective)
        } catch {
            throw ValidationError("--objective: \(error.description)")
        }
    }
}
