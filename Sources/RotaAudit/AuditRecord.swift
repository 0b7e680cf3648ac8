import RotaCore

/// One line of an audit log (docs/AUDIT.md): a decision or change made by a reschedule, who
/// made it and why, chained to the record before it.
///
/// `prev` is the SHA-256 of the previous record's line (64 zeros for the first), and `hash`
/// the SHA-256 of this record's line written without its `hash` field, so an edited, removed
/// or reordered line breaks the chain (`AuditLog.verify`).
package struct AuditRecord: Hashable, Sendable {
    /// What a record is about.
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A task placed where the previous plan had none.
        case scheduled
        /// A task of the previous plan placed on another account or day.
        case moved
        /// A pending task not done: by an event, or because its day passed.
        case missed
        /// A task done, as an event reported.
        case completed
        /// A line's purchase pinned to an account and/or a day by an override.
        case pinned
        /// An account forbidden for a line by an override.
        case forbidden
        /// A line's weight raised by an override.
        case prioritized
        /// A line left out of the plan.
        case unscheduled
        /// A line cancelled.
        case cancelled
        /// New orders added.
        case added
        /// An account's days off or limit changed.
        case accountChanged = "account-changed"
        /// A change given but not applied yet (e.g. a limit raise from a later day).
        case deferred
        /// One per reschedule, last: the run that made the new plan.
        case replanned
    }

    /// Where a task is: its account and day.
    package struct Placement: Hashable, Sendable {
        package var account: AccountID
        package var date: Day
        package init(account: AccountID, date: Day) {
            self.account = account
            self.date = date
        }
    }

    /// The run that wrote the records: solver, its status, versions, and the digests of the
    /// plan it replaced and the plan it wrote (`sha256:…`).
    package struct Run: Hashable, Sendable {
        package var solver: String
        package var status: String
        package var versions: [String: String]
        package var inputPlan: String
        package var outputPlan: String
        package init(solver: String, status: String, versions: [String: String], inputPlan: String, outputPlan: String) {
            self.solver = solver
            self.status = status
            self.versions = versions
            self.inputPlan = inputPlan
            self.outputPlan = outputPlan
        }
    }

    /// 1, 2, 3, … in file order.
    package var sequence: Int
    /// When: the event's time for event records, the run's time for the others.
    package var at: String
    package var actor: String
    package var kind: Kind
    package var order: OrderID?
    package var line: LineID?
    package var task: TaskID?
    package var account: AccountID?
    package var before: Placement?
    package var after: Placement?
    package var reasonCode: String?
    /// In words: what changed or what bound ("acct-2 at its daily limit of 3 on 2026-12-03").
    package var why: String?
    package var note: String?
    /// On `replanned` records.
    package var run: Run?
    /// SHA-256 (hex) of the previous record's line.
    package var prev: String
    /// SHA-256 (hex) of this record's line without its `hash` field.
    package var hash: String

    package init(
        sequence: Int = 0, at: String, actor: String, kind: Kind, order: OrderID? = nil, line: LineID? = nil,
        task: TaskID? = nil, account: AccountID? = nil, before: Placement? = nil, after: Placement? = nil,
        reasonCode: String? = nil, why: String? = nil, note: String? = nil, run: Run? = nil, prev: String = "",
        hash: String = ""
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.kind = kind
        self.order = order
        self.line = line
        self.task = task
        self.account = account
        self.before = before
        self.after = after
        self.reasonCode = reasonCode
        self.why = why
        self.note = note
        self.run = run
        self.prev = prev
        self.hash = hash
    }

    /// The `prev` of a log's first record.
    package static let genesis = String(repeating: "0", count: 64)
}
