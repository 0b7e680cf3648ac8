/// One thing that happened to a plan, as an events file records it (docs/EVENTS.md): a task
/// done or missed, an account's change, new orders, a cancellation, a manager's override.
///
/// Events are applied in file order by `rota reschedule`. Each keeps the line of the file it
/// came from, so a problem found while applying it names that line.
package struct PlanEvent: Hashable, Sendable {
    /// When it happened, as written (an RFC 3339 timestamp, e.g. `2026-12-05T09:14:00Z`).
    package var at: String
    /// Who reported or decided it (a person, a bot, a system).
    package var actor: String
    /// Free text for people; never read by rota.
    package var note: String?
    /// What happened.
    package var change: Change
    /// The 1-based line of the events file it came from (0 when built in code).
    package var sourceLine: Int

    package init(at: String, actor: String, note: String? = nil, change: Change, sourceLine: Int = 0) {
        self.at = at
        self.actor = actor
        self.note = note
        self.change = change
        self.sourceLine = sourceLine
    }

    /// What an event changes.
    package enum Change: Hashable, Sendable {
        /// The task was done on `date` (it becomes fixed history).
        case completed(task: TaskID, date: Day)
        /// The task was not done; its line needs a new task.
        case missed(task: TaskID)
        /// The task cannot happen before `notBefore`.
        case delayed(task: TaskID, notBefore: Day)
        /// The account takes no task from `from` to `to`, both included.
        case accountUnavailable(account: AccountID, from: Day, to: Day)
        /// The account's daily purchase limit is `dailyLimit` from `from` on.
        case accountLimit(account: AccountID, dailyLimit: Int, from: Day)
        /// New orders, in the instance's order form.
        case ordersAdded([Order])
        /// The line is no longer wanted: its pending tasks go.
        case lineCancelled(line: LineID)
        /// A manager's decision about one line (a hard constraint from now on).
        case override(Override)
    }

    /// The event's kind as written in the file (`completed`, `account-unavailable`, …).
    package var kind: Kind {
        switch change {
        case .completed: .completed
        case .missed: .missed
        case .delayed: .delayed
        case .accountUnavailable: .accountUnavailable
        case .accountLimit: .accountLimit
        case .ordersAdded: .ordersAdded
        case .lineCancelled: .lineCancelled
        case .override: .override
        }
    }

    /// The kinds of event, by their name in the file.
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        case completed
        case missed
        case delayed
        case accountUnavailable = "account-unavailable"
        case accountLimit = "account-limit"
        case ordersAdded = "orders-added"
        case lineCancelled = "line-cancelled"
        case override
    }
}

/// A manager's decision about one line, with the documented reason for it.
///
/// Overrides are hard constraints: every solver honours them and the validator checks them.
package struct Override: Hashable, Sendable {
    /// The line decided about.
    package var line: LineID
    /// Why, from the list of reason codes (`Override.standardReasonCodes`, extended by a policy).
    package var reasonCode: String
    /// What is decided.
    package var action: Action

    package init(line: LineID, reasonCode: String, action: Action) {
        self.line = line
        self.reasonCode = reasonCode
        self.action = action
    }

    /// The decisions an override can make.
    package enum Action: Hashable, Sendable {
        /// The line's purchase goes to `account` and/or on `date` (at least one is given).
        case pin(account: AccountID?, date: Day?)
        /// The line's tasks may not go to `account`.
        case forbid(account: AccountID)
        /// The line's order weight becomes at least `weight` (it is served sooner).
        case raisePriority(weight: Double)
    }

    /// The reason codes every events file may use; a policy may add more.
    package static let standardReasonCodes: [String] = [
        "vip-customer", "expedite", "capacity-conflict", "data-fix", "customer-request", "account-issue",
    ]
}
