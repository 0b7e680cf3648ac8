import ArgumentParser
import Rota

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Measure a plan: every quality metric, and the proven lower bounds on its makespan and lateness.",
        discussion: """
            Metrics (docs/FORMAT.md): unscheduled lines, makespan (days from start to the last \
            review, both ends counted), weighted lateness, SLA adherence per tier, balance \
            (largest account load, spread), soft rolling-cap overruns and, with --previous, \
            the tasks that moved. The lower bound holds for every valid plan that leaves out \
            no more lines than necessary; the gap is (makespan - bound) / makespan. The \
            lateness bound holds for every valid plan that leaves out no more lines than this \
            one and finishes by its makespan; the lateness gap is (lateness - bound) / lateness.

            The plan is also validated; scoring an infeasible plan prints its violations \
            count and exits 1.

            KPI gates: --require 'METRIC OP NUMBER' (repeatable) and the kpiTargets of a \
            --policy file are checked after the report is printed; a missed target is named \
            with its value and the exit status is 1; an unknown metric is exit status 2 with \
            the valid names. Metrics by name: unscheduled, makespan, weightedLateness, \
            lateLines, largestLoad, spread, softOverruns, purchases, reviews, changes (with \
            --previous), and per SLA tier sla.TIER (the on-time share, 0 to 1), \
            sla.TIER.lines and sla.TIER.onTime, overrides.rate and overrides.overriddenLines \
            (docs/POLICY.md).

            Examples:
              rota score instances/seed.json plan.json
              rota score instances/seed.json new.json --previous old.json --json
              rota score week.json plan.json --require 'sla.critical>=0.95'
              rota score week.json plan.json --policy policy.yaml
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file.")
    var plan: String

    @Option(help: "An earlier plan: report the tasks that moved, appeared or disappeared.")
    var previous: String?

    @Option(help: "A policy file (JSON or YAML, docs/POLICY.md) laid over the instance's policy; its kpiTargets are checked.")
    var policy: String?

    @OptionGroup var kpi: KPIRequirements

    @Flag(help: "Print the metrics as JSON.")
    var json = false

    func validate() throws {
        try FileArguments.check([
            .init("<instance>", instance), .init("<plan>", plan), .init("--previous", previous), .init("--policy", policy),
        ])
    }

    func run() throws {
        // The planning problem and its bound are made while the plan is read.
        let (instance, policy, prepared, read) = try InputLoader.instanceAndPlan(
            at: self.instance, policy: self.policy, plan: self.plan
        ) { instance, lines in
            let problem = PlanningProblem(instance, lineIndex: lines)
            return (problem: problem, bound: LowerBounds.compute(problem))
        }
        let requirements = try kpi.all(policy: policy)
        let plan = try InputLoader.reported(read)
        let previous = try self.previous.map { try InputLoader.plan(at: $0) }
        let assessed = PlanAssessment(
            instance: instance, plan: plan, previous: previous, problem: prepared.problem, bound: prepared.bound)
        let (metrics, bound, lateness, report, overrides) =
            (assessed.metrics, assessed.bound, assessed.lateness, assessed.validation, assessed.overrides)
        let named = KPIGate.named(metrics, tiers: instance.policy?.slaTierDays?.keys.sorted() ?? [], overrides: overrides)
        try KPIRequirements.refuseUnknown(requirements, named: named)
        if json {
            try Terminal.emit(
                RotaJSON.encode(metrics, bound: bound, feasible: report.isFeasible, lateness: lateness, overrides: overrides),
                to: nil)
        } else {
            try Terminal.print(Reports.text(metrics, bound: bound, validation: report, lateness: lateness, overrides: overrides))
        }
        let kpisMet = KPIRequirements.report(KPIGate(requirements).check(named), command: "score")
        let size = plan.tasks.count
        // The process ends now: the inputs and their tables are freed on another thread meanwhile.
        Concurrently.release((consume assessed, consume plan, consume instance), size: size)
        Concurrently.release(prepared, size: size)
        if !report.isFeasible || !kpisMet { throw ExitCode(1) }
    }
}
