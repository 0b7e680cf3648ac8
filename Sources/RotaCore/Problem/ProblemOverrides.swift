/// The instance's overrides in dense form (line and account indices, day offsets), the one
/// place every solver, the placement check and the bounds read them from
/// (`PlanningProblem.overrides`). Overrides are rare, so they are kept by line in
/// dictionaries; a problem without overrides holds empty ones.
///
/// The weight floor is already in `PlanningProblem.weight` (`Instance.resolvedLines` applies
/// it), so lateness, the greedy order and the lateness bounds all see the effective weight.
package struct ProblemOverrides: Hashable, Sendable {
    /// Per line: the account its purchase is pinned to.
    package private(set) var pinnedAccount: [Int: Int] = [:]
    /// Per line: the day offset its purchase is pinned to (may be outside the horizon, which
    /// `OverridePlacement` reports).
    package private(set) var pinnedDay: [Int: Int] = [:]
    /// Per line: the accounts that may take none of its new tasks.
    package private(set) var forbidden: [Int: Set<Int>] = [:]
    /// Per line: the weight floor an override sets (already applied to `weight`).
    package private(set) var weightFloor: [Int: Double] = [:]
    /// Per line: the index in `instance.overrides` of the entries about it, for messages.
    package private(set) var entries: [Int: [Int]] = [:]

    /// No overrides.
    package init() {}

    /// The dense overrides of `instance`; entries naming an unknown line or account are
    /// skipped (the format checks report them before planning).
    package init(
        _ instance: Instance, lineIndex: IdentifierMap<LineTag>, accountIndex: IdentifierMap<AccountTag>
    ) {
        for (n, override) in instance.overrides.enumerated() {
            guard let l = lineIndex[override.line] else { continue }
            entries[l, default: []].append(n)
            if let pin = override.pin {
                if let account = pin.account, let a = accountIndex[account] { pinnedAccount[l] = a }
                if let date = pin.date { pinnedDay[l] = date - instance.start }
            }
            for account in override.forbid {
                if let a = accountIndex[account] { forbidden[l, default: []].insert(a) }
            }
            if let weight = override.weight { weightFloor[l] = max(weightFloor[l] ?? weight, weight) }
        }
    }

    /// Whether no line is overridden.
    package var isEmpty: Bool { entries.isEmpty }

    /// Whether the line's placement is restricted (a pin or a forbidden account).
    package func restricts(line l: Int) -> Bool {
        pinnedAccount[l] != nil || pinnedDay[l] != nil || forbidden[l] != nil
    }

    /// The lines whose placement is restricted, in line order.
    package var restrictedLines: [Int] {
        Set(pinnedAccount.keys).union(pinnedDay.keys).union(forbidden.keys).sorted()
    }

    /// Whether line `l`'s new purchase may be by account `a` on day `d` as far as overrides go.
    package func allowsPurchase(line l: Int, account a: Int, day d: Int) -> Bool {
        if let pinned = pinnedAccount[l], pinned != a { return false }
        if let pinned = pinnedDay[l], pinned != d { return false }
        if let forbidden = forbidden[l], forbidden.contains(a) { return false }
        return true
    }

    /// Whether line `l`'s new review may be by account `a` as far as overrides go.
    package func allowsReview(line l: Int, account a: Int) -> Bool {
        !(forbidden[l]?.contains(a) ?? false)
    }
}
