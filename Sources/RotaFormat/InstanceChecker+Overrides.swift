import RotaCore

extension InstanceChecker {
    /// The instance's `overrides` (rota extension, docs/FORMAT.md) against the rest of it:
    /// known lines and accounts, a reason code from `reasonCodes`, a pinned day within the
    /// days to plan, at most one pin per line, a weight from 0 to `Limits.weight`. Whether a
    /// pin can be honoured (the account's day off, its caps given history) is
    /// `OverridePlacement`'s question, asked before planning.
    static func checkOverrides(
        _ instance: Instance, accounts: IdentifierMap<AccountTag>, lines: IdentifierMap<LineTag>,
        reasonCodes: Set<String>, into problems: inout Problems
    ) {
        var pinnedAt: [LineID: Int] = [:]
        for (n, override) in instance.overrides.enumerated() {
            let path = "overrides[\(n)]"
            if lines[override.line] == nil {
                problems.add("\(path).line", "unknown line \(quoted(override.line.rawValue))")
            }
            if !reasonCodes.contains(override.reasonCode) {
                problems.add(
                    "\(path).reasonCode",
                    "unknown reason code \(quoted(override.reasonCode)); expected one of: \(reasonCodes.sorted().joined(separator: ", "))")
            }
            if let pin = override.pin {
                if let account = pin.account, accounts[account] == nil {
                    problems.add("\(path).pin.account", "unknown account \(quoted(account.rawValue))")
                }
                if let date = pin.date, date < instance.start || date >= instance.end {
                    problems.add(
                        "\(path).pin.date", "\(date) is outside the days to plan, \(instance.start) … \(instance.end - 1)")
                }
                if let first = pinnedAt[override.line] {
                    problems.add(
                        "\(path).pin",
                        "line \(quoted(override.line.rawValue)) is pinned already at overrides[\(first)].pin; give one pin per line")
                } else {
                    pinnedAt[override.line] = n
                }
            }
            for (i, account) in override.forbid.enumerated() where accounts[account] == nil {
                problems.add("\(path).forbid[\(i)]", "unknown account \(quoted(account.rawValue))")
            }
            problems.weight(override.weight, "\(path).weight")
            if override.isEmpty { problems.add(path, "an override needs pin, forbid or weight") }
        }
    }
}
