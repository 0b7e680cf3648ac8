import RotaCore
import RotaEvaluation

/// The days that can matter to a problem's best plans, and the problem cut to them.
///
/// When a valid plan leaves out exactly the proven fewest lines (`LowerBounds`), every plan at
/// least as good by the default objective leaves out as many and ends by that plan's makespan
/// `M`: it lies in the problem cut to days `0 ..< M`, whose plans are plans of the problem. So
/// models built on the cut problem keep every optimal plan while their size follows the days
/// used rather than `horizonDays` (up to 36,600). Line, class and group numbering do not
/// depend on the horizon, so the cut problem's models name their columns as the full one's.
package struct HorizonCut: Sendable {
    /// The problem cut to `days` (the problem itself when nothing is cut).
    package let problem: PlanningProblem
    /// Days kept: `0 ..< days`.
    package var days: Int { problem.horizon }
    /// The horizon before the cut.
    package let horizon: Int

    /// Whether days were cut.
    package var isCut: Bool { days < horizon }

    /// `problem` cut to `planned.makespan` when `planned` (the objective of a valid plan)
    /// leaves out exactly `floor.unscheduled` lines and ends before the horizon; otherwise
    /// `problem` whole.
    package init(_ problem: PlanningProblem, planned: ObjectiveValues?, floor: MakespanBound) {
        horizon = problem.horizon
        guard let planned, planned.unscheduled == floor.unscheduled, planned.makespan >= 1,
            planned.makespan < problem.horizon
        else {
            self.problem = problem
            return
        }
        self.problem = problem.cut(to: planned.makespan)
    }

    /// The cut at the makespan of greedy's plan (when valid and leaving out the proven fewest
    /// lines), then at most `days` when given (plans ending within that many days only).
    package static func greedy(_ problem: PlanningProblem, atMost days: Int? = nil) throws -> HorizonCut {
        let floor = LowerBounds.compute(problem)
        let greedy = try GreedySolver().solve(problem, options: SolveOptions())
        let schedule = DenseSchedule(plan: greedy.plan, problem: problem)
        let planned = schedule.violations(in: problem).isEmpty ? schedule.objectiveValues(in: problem) : nil
        let cut = HorizonCut(problem, planned: planned, floor: floor)
        guard let days, days < cut.days else { return cut }
        return HorizonCut(problem, cutTo: days)
    }

    /// `problem` whole, every day of its horizon kept.
    package init(whole problem: PlanningProblem) {
        self.problem = problem
        horizon = problem.horizon
    }

    /// `problem` cut to its first `days` days (at least 1).
    package init(_ problem: PlanningProblem, cutTo days: Int) {
        self.problem = problem.cut(to: days)
        horizon = problem.horizon
    }
}

extension PlanningProblem {
    /// The same problem with days `0 ..< days` only (`days` at least 1 and at most the horizon):
    /// its plans are the plans of this problem whose tasks all fall before day `days`.
    package func cut(to days: Int) -> PlanningProblem {
        guard days < horizon else { return self }
        var instance = self.instance
        instance.horizonDays = max(1, days)
        return PlanningProblem(instance)
    }
}
