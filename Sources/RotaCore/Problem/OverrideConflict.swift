/// Why an override cannot be honoured: the feasibility rule it would break (FORMAT.md's
/// numbering, 10 for "overrides honoured"), the line, the entry of `instance.overrides` it
/// comes from, and the explanation in words. `OverridePlacement` finds these before any solver
/// runs; `rota solve` and `rota reschedule` report them and write nothing.
package struct OverrideConflict: Hashable, Sendable, Error, CustomStringConvertible {
    /// The rule the override would break (2, 3, 4, 5, 6, 7, 8, 9 or 10).
    package var rule: Int
    /// The line the override is about.
    package var line: LineID
    /// The position of the (last) override entry about the line in `instance.overrides`.
    package var entry: Int?
    /// What is wrong, e.g. "acct-1 is unavailable on 2026-12-06".
    package var message: String

    package init(rule: Int, line: LineID, entry: Int?, message: String) {
        self.rule = rule
        self.line = line
        self.entry = entry
        self.message = message
    }

    /// The rule's title, as the validator names it.
    package var ruleTitle: String { Self.titles[rule] ?? "rule \(rule)" }

    package var description: String { "the override of line \(line) breaks rule \(rule) (\(ruleTitle)): \(message)" }

    /// The titles of the feasibility rules (the validator's `FeasibilityRule.title`s; kept here
    /// because RotaCore cannot see the validator).
    static let titles: [Int: String] = [
        1: "every line scheduled once or left out with a reason", 2: "within the planning window",
        3: "no work on unavailable days", 4: "daily purchase limit", 5: "same item per account",
        6: "review by the purchaser, after the lag", 7: "rolling-window hard cap", 8: "daily review limit",
        9: "history kept unchanged", 10: "overrides honoured",
    ]
}

/// Overrides that cannot be honoured, every one found.
package struct OverrideConflicts: Error, Hashable, Sendable, CustomStringConvertible {
    package var conflicts: [OverrideConflict]

    package init(_ conflicts: [OverrideConflict]) { self.conflicts = conflicts }

    package var description: String { conflicts.map(\.description).joined(separator: "\n") }
}
