import Rota

/// One plan as the report sees it: its metrics, validation, bounds, and where each line's
/// purchase and review are (account index and day), computed once for every section.
package struct PlanFacts: Sendable {
    /// A task's account (index into the instance's accounts) and day.
    package struct Slot: Hashable, Sendable {
        package var account: Int
        package var day: Day
        package var status: TaskStatus
        package var task: TaskID
    }

    package let plan: Plan
    package let label: String
    package let metrics: PlanMetrics
    package let validation: ValidationReport
    package let bound: MakespanBound
    package let lateness: LatenessBoundOutcome
    /// Per line (index of `ReportIndex.lines`): its non-missed purchase and review, if any.
    package let purchase: [Slot?]
    package let review: [Slot?]
    /// Tasks whose line or account the instance does not have (the validator reports them).
    package let unplaced: Int

    package init(
        plan: Plan, label: String, instance: Instance, problem: PlanningProblem, index: ReportIndex, bound: MakespanBound
    ) {
        self.plan = plan
        self.label = label
        let assessed = PlanAssessment(instance: instance, plan: plan, problem: problem, bound: bound)
        metrics = assessed.metrics
        validation = assessed.validation
        self.bound = bound
        lateness = assessed.lateness
        var purchase = [Slot?](repeating: nil, count: index.lines.count)
        var review = [Slot?](repeating: nil, count: index.lines.count)
        var unplaced = 0
        for task in plan.tasks where task.status != .missed {
            guard let l = index.lineIndex[task.line], let a = index.accountIndex[task.account] else {
                unplaced += 1
                continue
            }
            let slot = Slot(account: a, day: task.date, status: task.status, task: task.id)
            switch task.kind {
            case .purchase: purchase[l] = slot
            case .review: review[l] = slot
            }
        }
        self.purchase = purchase
        self.review = review
        self.unplaced = unplaced
    }

    /// The solver's name and status as the plan records them ("auto, optimal").
    package var solverText: String {
        guard let run = plan.solver else { return "not recorded" }
        return "\(run.name), \(run.status.rawValue)"
    }
}
