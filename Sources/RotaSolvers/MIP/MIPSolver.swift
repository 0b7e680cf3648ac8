import _GLPK
import RotaCore
import RotaEvaluation

/// Exact planning with GLPK: the class × account × day model of `MIPFormulation`, solved
/// level by level (unscheduled, makespan, lateness, largest load, spread, soft overruns),
/// each stage warm-started from the last (models/README.md).
///
/// The run is `optimal` only when every stage of FORMAT.md's objective is proven optimal (soft
/// overruns, the final tie-break, are served as far as the budget allows); a stage stopped by a limit
/// (time, nodes, or `SolveOptions.shouldStop`, polled during the search) keeps the best plan
/// found, which is never worse than the warm start.
public struct MIPSolver: ContextSolver {
    public let name = "mip"
    /// A plan to start from (e.g. greedy's placements), used as the first incumbent when valid.
    package var warmStart: DenseSchedule?
    /// Let GLPK generate cutting planes (Gomory, MIR, cover, clique).
    public var cuts: Bool
    /// Without a `warmStart`, start from greedy's plan, so a search stopped by a limit still
    /// returns a full plan (the catalog's `mip` does this).
    public var startFromGreedy: Bool
    /// The last level solved, one of `ObjectiveLevel.stages`: `.makespan` proves (unscheduled,
    /// makespan) and stops there; the default solves every level.
    public var lastLevel: ObjectiveLevel
    /// The largest model built (purchase columns, as `MIPSizeEstimate` counts them); larger
    /// ones throw `MIPSolverError.tooLarge` (about 1 KiB of memory per column all told).
    public var maximumPurchaseColumns = 2_000_000

    /// A MIP solver; `startFromGreedy` gives it greedy's plan as its first incumbent.
    public init(cuts: Bool = false, startFromGreedy: Bool = false, lastLevel: ObjectiveLevel = .softOverruns) {
        self.init(warmStart: nil, cuts: cuts, startFromGreedy: startFromGreedy, lastLevel: lastLevel)
    }

    /// A MIP solver starting from `warmStart` (used as the first incumbent when valid).
    package init(
        warmStart: DenseSchedule?, cuts: Bool = false, startFromGreedy: Bool = false,
        lastLevel: ObjectiveLevel = .softOverruns
    ) {
        self.warmStart = warmStart
        self.cuts = cuts
        self.startFromGreedy = startFromGreedy
        self.lastLevel = lastLevel
    }

    /// Computes the problem's bound (`SolveContext`); a caller that has it calls `solve(in:)`.
    public func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
        try solve(in: SolveContext(problem, options: options))
    }

    package func solve(in context: SolveContext) throws -> SolveResult {
        // Pins and forbidden accounts: placed first, the rest planned around them (OverrideSolving).
        if context.problem.hasOverridesToPlace { return try OverrideSolving.solve(self, in: context) }
        return result(of: try run(in: context), in: context.problem, options: context.options)
    }

    /// The plan and run record of a staged solve.
    package func result(of report: MIPReport, in problem: PlanningProblem, options: SolveOptions) -> SolveResult {
        var settings: [String: String] = [
            "warm-start": report.warmStart.description, "cuts": cuts ? "on" : "off",
            "rows": String(report.size.rows), "columns": String(report.size.columns),
            "integer-columns": String(report.size.integerColumns), "nonzeros": String(report.size.nonZeros),
            "stages": report.stages.map { "\($0.level.stageName) \($0.outcome.rawValue)" }.joined(separator: ", "),
        ]
        if lastLevel != .softOverruns { settings["last-level"] = lastLevel.stageName }
        if report.horizon < problem.horizon {
            settings["horizon"] = "\(report.horizon) of \(problem.horizon) days (the warm start's makespan)"
        }
        if let limit = options.timeLimit { settings["time-limit"] = String(limit) }
        if let gap = options.relativeGap { settings["gap"] = String(gap) }
        if let limit = options.nodeLimit { settings["node-limit"] = String(limit) }
        let makespan = report.objective.makespan
        let gap = report.makespanBound.map { bound in makespan > 0 ? Double(max(0, makespan - bound)) / Double(makespan) : 0 }
        let solverRun = SolverRun(
            name: name, status: report.status, seconds: report.seconds, lowerBound: report.makespanBound, gap: gap,
            settings: settings, versions: ["rota": RotaVersion.current, "glpk": GLPKLibrary.version])
        return SolveResult(plan: report.schedule.plan(in: problem, run: solverRun), run: solverRun, model: report.size.model)
    }

    /// Solves the stages and reports each; the schedule is checked against every rule.
    package func run(_ problem: PlanningProblem, options: SolveOptions) throws -> MIPReport {
        try run(in: SolveContext(problem, options: options))
    }

    /// Solves the stages with the context's combinatorial bound as the floor of the first two.
    package func run(in context: SolveContext) throws -> MIPReport {
        let started = ContinuousClock.now
        let problem = context.problem
        let options = context.options
        let floor = context.bound
        var warmStart = self.warmStart
        if warmStart == nil, startFromGreedy {
            let greedy = try GreedySolver().solve(problem, options: SolveOptions(shouldStop: options.shouldStop))
            warmStart = DenseSchedule(plan: greedy.plan, problem: problem)
        }
        var warmNote = MIPWarmStart.none
        var warmObjective: ObjectiveValues?
        if let warmStart {
            let violations = warmStart.violations(in: problem)
            if !violations.isEmpty {
                warmNote = .rejected(.violations(violations))
            } else {
                warmObjective = warmStart.objectiveValues(in: problem)
            }
        }
        // A valid warm start leaving out the proven fewest lines bounds every better plan's
        // makespan by its own, so the model only needs the days before it.
        let model = Self.modelledProblem(problem, warmObjective: warmObjective, floor: floor)
        let columns = MIPSizeEstimate(model).purchaseColumns
        guard columns <= maximumPurchaseColumns else {
            throw MIPSolverError.tooLarge(columns: columns, limit: maximumPurchaseColumns)
        }
        let formulation = MIPFormulation(model)
        let empty = DenseSchedule(lineCount: problem.lineCount)
        var start = formulation.values(for: empty) ?? []
        if let warmStart, warmObjective != nil {
            if let values = formulation.values(for: warmStart), formulation.program.violations(at: values).isEmpty {
                start = values
                warmNote = .accepted
            } else {
                warmNote = .rejected(.outsideModel)
                warmObjective = nil
            }
        }
        // Stopped while the formulation was built: no GLPK model and no search, the start stands.
        let run =
            options.shouldStop?() == true
            ? nil
            : try MIPRun(
                formulation: formulation, start: start, options: options, cuts: cuts,
                stopRequested: options.shouldStop, started: started, floor: floor,
                latenessFloor: { makespan, unscheduled in
                    LatenessBounds.compute(problem, makespan: makespan, unscheduled: unscheduled).bound
                })
        try run?.runStages(through: lastLevel)

        var schedule = formulation.schedule(from: run?.incumbent ?? start)
        let broken = schedule.violations(in: problem)
        guard broken.isEmpty else { throw MIPSolverError.invalidSolution(broken) }
        var objective = schedule.objectiveValues(in: problem)
        if let warmStart, let warmObjective,
            Objective.defaultThenSoftOverruns.compare(warmObjective, objective) == .better
        {
            schedule = warmStart
            objective = warmObjective
        }
        var status = run.map { $0.unproven ?? .optimal } ?? .interrupted
        if status == .optimal, objective.unscheduled > 0, objective.unscheduled == problem.workLines.count {
            status = .infeasible
        }
        let program = formulation.program
        let counts = run?.model.counts
        return MIPReport(
            schedule: schedule, objective: objective, status: status, makespanBound: run?.makespanBound,
            stages: run?.stages ?? [],
            size: MIPReport.Size(
                rows: counts?.rows ?? program.rows.count, columns: counts?.columns ?? program.columns.count,
                integerColumns: program.columns.count { $0.kind != .continuous },
                nonZeros: counts?.nonZeros ?? program.nonZeros),
            warmStart: warmNote, horizon: model.horizon, seconds: started.secondsElapsed)
    }

    /// `problem`, or, when `warmObjective` leaves out exactly the proven fewest lines
    /// (`floor.unscheduled`) and ends before the horizon, `problem` cut to the warm start's
    /// makespan `M`: a plan at least as good leaves out as many lines and ends by `M`, so it
    /// lies in the cut problem, whose plans are plans of `problem`.
    static func modelledProblem(
        _ problem: PlanningProblem, warmObjective: ObjectiveValues?, floor: MakespanBound
    ) -> PlanningProblem {
        HorizonCut(problem, planned: warmObjective, floor: floor).problem
    }

}
