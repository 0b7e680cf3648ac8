/// A manager's standing decision about one line, as an instance carries it (`overrides`,
/// docs/FORMAT.md "rota extension: overrides"): pin the line's purchase to an account and/or
/// a day, forbid accounts for the line, raise its weight. Every entry carries its reason code
/// and, when it came from an events file, who decided it and when.
///
/// Overrides are hard constraints: every solver honours them (`PlanningProblem.overrides`),
/// the validator checks them (rule 10) and `OverridePlacement` rejects one that cannot hold.
package struct LineOverride: Hashable, Sendable {
    /// The line decided about.
    package var line: LineID
    /// Why, from the accepted reason codes (`Override.standardReasonCodes` unless extended).
    package var reasonCode: String
    /// Who decided it (from the event's `actor`), if known.
    package var actor: String?
    /// When it was decided (the event's `at`), if known.
    package var at: String?
    /// Free text for people; never read by rota.
    package var note: String?
    /// Where the line's purchase must go, if pinned.
    package var pin: Pin?
    /// Accounts that may take none of the line's new tasks.
    package var forbid: [AccountID]
    /// The line's weight is at least this, if given.
    package var weight: Double?

    package init(
        line: LineID, reasonCode: String, actor: String? = nil, at: String? = nil, note: String? = nil,
        pin: Pin? = nil, forbid: [AccountID] = [], weight: Double? = nil
    ) {
        self.line = line
        self.reasonCode = reasonCode
        self.actor = actor
        self.at = at
        self.note = note
        self.pin = pin
        self.forbid = forbid
        self.weight = weight
    }

    /// A pin: the purchase by `account` and/or on `date` (at least one is given).
    package struct Pin: Hashable, Sendable {
        package var account: AccountID?
        package var date: Day?

        package init(account: AccountID?, date: Day?) {
            self.account = account
            self.date = date
        }
    }

    /// Whether the entry decides nothing (no pin, no forbidden account, no weight).
    package var isEmpty: Bool { pin == nil && forbid.isEmpty && weight == nil }
}
