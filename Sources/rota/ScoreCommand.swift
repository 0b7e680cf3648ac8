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

            Examples:
              rota score instances/seed.json plan.json
              rota score instances/seed.json new.json --previous old.json --json
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file.")
    var plan: String

    @Option(help: "An earlier plan: report the tasks that moved, appeared or disappeared.")
    var previous: String?

    @Option(help: "A policy file that replaces the instance's policy (weights, SLA tiers).")
    var policy: String?

    @Flag(help: "Print the metrics as JSON.")
    var json = false

    func validate() throws {
        try FileArguments.check([
            .init("<instance>", instance), .init("<plan>", plan), .init("--previous", previous), .init("--policy", policy),
        ])
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance, policy: policy)
        let plan = try InputLoader.plan(at: self.plan)
        let previous = try self.previous.map { try InputLoader.plan(at: $0) }
        // The scorer and the validator share one pass over the plan's ids, over the line and
        // account tables the problem built.
        let problem = PlanningProblem(instance)
        let checked = ValidationContext(instance: instance, plan: plan, tables: InstanceTables(problem))
        let metrics = Scorer().score(in: checked, previous: previous)
        let bound = LowerBounds.compute(problem)
        let lateness = LatenessBounds.compute(
            problem, makespan: metrics.makespan, unscheduled: metrics.unscheduled, target: metrics.weightedLateness)
        let report = Validator().validate(checked)
        let overrides = OverrideRate(instance)
        if json {
            try Terminal.emit(
                RotaJSON.encode(metrics, bound: bound, feasible: report.isFeasible, lateness: lateness, overrides: overrides),
                to: nil)
        } else {
            try Terminal.print(Reports.text(metrics, bound: bound, validation: report, lateness: lateness, overrides: overrides))
        }
        if !report.isFeasible { throw ExitCode(1) }
    }
}
