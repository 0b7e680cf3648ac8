/// Folds an events file into an instance and its plan, as of a day (`--today`): the situation
/// `rota reschedule` replans (docs/EVENTS.md, "How events change the instance").
///
/// - The new instance starts on `today` and ends where the old one did. Its `existing` holds
///   the history: the old instance's completed and missed tasks, the tasks the events complete
///   or miss, and every pending task of the plan dated before `today` that no event completed
///   (missed, as in the seed's scheduler). Pending tasks on or after `today` are not history:
///   they are the reference the replanning keeps stable.
/// - Accounts, orders and lines change as the events say; overrides are collected for the
///   solvers and the validator.
///
/// Every event is checked against the plan and instance as they stand when it applies
/// (unknown task, a task completed twice, a date before the plan's start, an unknown account,
/// a reason that cannot apply); the problems of the whole file are reported together, each
/// with the event's line, and nothing is applied when there is one.
package struct EventApplier {
    package let instance: Instance
    package let plan: Plan
    package let today: Day

    package init(instance: Instance, plan: Plan, today: Day) {
        self.instance = instance
        self.plan = plan
        self.today = today
    }

    /// The situation after `events`, or every problem found (paths are the events' fields,
    /// lines their lines in the file; the caller adds the file's name).
    package func apply(_ events: [PlanEvent]) throws(InputErrors) -> RescheduleSituation {
        var state = EventState(instance: instance, plan: plan, today: today)
        if today < instance.start || today >= instance.end {
            state.problems.append(
                InputError(
                    path: "", message: "--today \(today) is outside the instance's days \(instance.start) … \(instance.end - 1)"))
        }
        for event in events { state.apply(event) }
        guard state.problems.isEmpty else { throw InputErrors(state.problems) }
        return state.situation(reference: plan)
    }
}

/// What a reschedule replans: the folded instance, the old plan as the reference for
/// stability, the overrides in force, and what each event did (for the audit log).
package struct RescheduleSituation: Sendable {
    /// The instance from `today` on, with the events' history in `existing`.
    package var instance: Instance
    /// The plan being replaced: tasks that need not move should stay where they are in it.
    package var reference: Plan
    /// Overrides in force, in the order given (a later one on the same line and action adds to it).
    package var overrides: [Override]
    /// One record per change the events and `today` made, in order.
    package var applied: [AppliedChange]
    /// Changes that could not be expressed yet and were deferred (e.g. a limit raise from a later day).
    package var deferred: [AppliedChange]
}

/// One change a reschedule made before replanning, for the audit log and the summary.
package struct AppliedChange: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case completed, missed, delayed, cancelled, ordersAdded = "orders-added"
        case accountChanged = "account-changed", pinned, forbidden, prioritized
    }

    package var kind: Kind
    /// The event it came from (`nil` for a task missed because its day passed).
    package var event: PlanEvent?
    package var task: TaskID?
    package var line: LineID?
    package var account: AccountID?
    /// In words: what changed ("missed: pending on 2026-12-03, before --today").
    package var detail: String
}
