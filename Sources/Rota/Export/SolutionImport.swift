import RotaCore
import RotaEvaluation
import RotaSolvers

/// Reads a MIP solver's solution of rota's model (the MathProg model's printed lines, or the
/// LP/MPS export's column values) back into a plan of the instance: decoded by
/// `SolutionDecoder`, scored, bounded and validated. The plan's `solver` block names the
/// external solver (`import:<name>`); its status is `optimal` only when the plan meets the
/// proven lower bound (fewest lines left out, then makespan), else `feasible`, and `seconds`
/// is 0 (the external solver's time is not known).
package enum SolutionImport {
    /// The plan of `solution` for `instance`; throws when the text is not a solution of the
    /// instance's model. The plan is returned even when invalid: check `outcome.validation`.
    package static func plan(
        _ instance: Instance, solution text: String, format: SolutionFormat, solverName: String
    ) throws(SolutionError) -> ImportedPlan {
        let problem = PlanningProblem(instance)
        let classes = LineClass.classes(of: problem)
        let counts: SolutionCounts
        switch format {
        case .mathprog: counts = try MathProgSolutionReader.read(text, problem: problem, classes: classes)
        case .columns: counts = try ColumnSolutionReader.read(text, problem: problem, classes: classes)
        }
        let (schedule, decoderNotes) = SolutionDecoder(problem: problem, classes: classes).decode(counts)
        var notes = decoderNotes
        let context = SolveContext(problem)
        let run = SolverRun(
            name: "import:\(solverName)", status: .feasible, seconds: 0, settings: ["format": format.rawValue],
            versions: ["rota": RotaVersion.current])
        var outcome = PlanFinisher.finish(
            SolveResult(plan: schedule.plan(in: problem, run: run), run: run), in: context)
        let metrics = outcome.metrics
        if metrics.unscheduled == context.bound.unscheduled, metrics.makespan == context.bound.makespan {
            outcome.setStatus(.optimal)
        }
        for (key, value) in [("unscheduled", metrics.unscheduled), ("makespan", metrics.makespan)] {
            if let reported = counts.reported[key], reported != String(value) {
                notes.append("the solver reported \(key) \(reported); the imported plan has \(value)")
            }
        }
        return ImportedPlan(outcome: outcome, notes: notes)
    }
}

/// A plan read back from a solution, with what the import dropped on the way.
package struct ImportedPlan: Sendable {
    package var outcome: PlanningOutcome
    /// Counts that paired with nothing, mismatches with the solver's reported levels.
    package var notes: [String]
}
