/// The checks an instance must pass before planning, each reported with the JSON path of
/// the offending field: the format tag, a horizon of at least one day, at least one account,
/// unique account, order, line and existing-task ids, no negative limits, lags or caps,
/// rolling windows of at least one day, finite non-negative weights, and `existing` tasks
/// that name known lines and accounts, match their line's order and item, and give each line
/// at most one completed purchase and one completed review.
///
/// An instance that passes may still be impossible to plan in full; that is not an error.
public enum InstanceChecker {
    /// Every problem, in document order (an empty array: the instance is well-formed).
    public static func check(_ instance: Instance, file: String? = nil) -> [InputError] {
        var problems = Problems(file: file)
        if instance.format != Instance.formatTag {
            problems.add("format", "expected \(quoted(Instance.formatTag)), got \(quoted(instance.format))")
        }
        if instance.horizonDays < 1 {
            problems.add("horizonDays", "must be at least 1, got \(instance.horizonDays)")
        }
        checkRules(instance.rules, into: &problems)

        if instance.accounts.isEmpty { problems.add("accounts", "at least one account is required") }
        var accountPaths: [AccountID: String] = [:]
        for (a, account) in instance.accounts.enumerated() {
            let path = "accounts[\(a)]"
            if let first = accountPaths[account.id] {
                problems.add("\(path).id", "duplicate account id \(quoted(account.id.rawValue)), first at \(first)")
            } else {
                accountPaths[account.id] = "\(path).id"
            }
            problems.notNegative(account.dailyLimit, "\(path).dailyLimit")
            if let rolling = account.rolling {
                if rolling.days < 1 { problems.add("\(path).rolling.days", "must be at least 1, got \(rolling.days)") }
                problems.notNegative(rolling.soft, "\(path).rolling.soft")
                problems.notNegative(rolling.hard, "\(path).rolling.hard")
            }
        }

        var orderPaths: [OrderID: String] = [:]
        var linePaths: [LineID: String] = [:]
        var lineOwner: [LineID: (order: OrderID, item: ItemID)] = [:]
        for (o, order) in instance.orders.enumerated() {
            let path = "orders[\(o)]"
            if let first = orderPaths[order.id] {
                problems.add("\(path).id", "duplicate order id \(quoted(order.id.rawValue)), first at \(first)")
            } else {
                orderPaths[order.id] = "\(path).id"
            }
            if !order.weight.isFinite || order.weight < 0 {
                problems.add("\(path).weight", "must be a finite number, not negative, got \(order.weight)")
            }
            for key in (order.indices ?? [:]).keys.sorted() where !(order.indices?[key]?.isFinite ?? true) {
                problems.add(JSONReader.appending("\(path).indices", key: key), "must be a finite number")
            }
            for (l, line) in order.lines.enumerated() {
                let linePath = "\(path).lines[\(l)]"
                if let first = linePaths[line.id] {
                    problems.add("\(linePath).id", "duplicate line id \(quoted(line.id.rawValue)), first at \(first)")
                } else {
                    linePaths[line.id] = "\(linePath).id"
                    lineOwner[line.id] = (order.id, line.item)
                }
                problems.notNegative(line.reviewLagDays, "\(linePath).reviewLagDays")
            }
        }

        if let policy = instance.policy { checkPolicy(policy, at: "policy", into: &problems) }
        checkExisting(instance, accounts: accountPaths, lines: lineOwner, into: &problems)
        return problems.errors
    }

    /// Checks a policy's weights (finite, not negative) and tier days (not negative);
    /// `path` is where the policy object sits (`""` for a bare policy file).
    public static func check(_ policy: Policy, at path: String, file: String? = nil) -> [InputError] {
        var problems = Problems(file: file)
        checkPolicy(policy, at: path, into: &problems)
        return problems.errors
    }

    static func checkRules(_ rules: Rules, into problems: inout Problems) {
        problems.notNegative(rules.reviewLagDays, "rules.reviewLagDays")
        problems.notNegative(rules.sameItemPerAccountPerDay, "rules.sameItemPerAccountPerDay")
        problems.notNegative(rules.sameItemPerAccount, "rules.sameItemPerAccount")
        problems.notNegative(rules.reviewsPerAccountPerDay, "rules.reviewsPerAccountPerDay")
    }

    static func checkPolicy(_ policy: Policy, at path: String, into problems: inout Problems) {
        if let weights = policy.weights {
            for key in weights.keys.sorted() {
                let weight = weights[key] ?? 0
                if !weight.isFinite || weight < 0 {
                    problems.add(JSONReader.appending(JSONReader.appending(path, key: "weights"), key: key), "must be a finite number, not negative, got \(weight)")
                }
            }
        }
        if let tiers = policy.slaTierDays {
            for key in tiers.keys.sorted() { problems.notNegative(tiers[key], JSONReader.appending(JSONReader.appending(path, key: "slaTierDays"), key: key)) }
        }
    }

    static func checkExisting(
        _ instance: Instance, accounts: [AccountID: String], lines: [LineID: (order: OrderID, item: ItemID)],
        into problems: inout Problems
    ) {
        var taskPaths: [TaskID: String] = [:]
        var completed: [TaskKind: [LineID: String]] = [:]
        for (t, task) in instance.existing.enumerated() {
            let path = "existing[\(t)]"
            if let first = taskPaths[task.id] {
                problems.add("\(path).id", "duplicate task id \(quoted(task.id.rawValue)), first at \(first)")
            } else {
                taskPaths[task.id] = "\(path).id"
            }
            if let owner = lines[task.line] {
                if task.order != owner.order {
                    problems.add(
                        "\(path).order",
                        "expected \(quoted(owner.order.rawValue)) (the order of line \(quoted(task.line.rawValue))), got \(quoted(task.order.rawValue))"
                    )
                }
                if task.item != owner.item {
                    problems.add(
                        "\(path).item",
                        "expected \(quoted(owner.item.rawValue)) (the item of line \(quoted(task.line.rawValue))), got \(quoted(task.item.rawValue))"
                    )
                }
            } else {
                problems.add("\(path).line", "unknown line \(quoted(task.line.rawValue))")
            }
            if accounts[task.account] == nil {
                problems.add("\(path).account", "unknown account \(quoted(task.account.rawValue))")
            }
            if task.status == .completed {
                if let first = completed[task.kind]?[task.line] {
                    problems.add(
                        path,
                        "a second completed \(task.kind.rawValue) of line \(quoted(task.line.rawValue)), first at \(first)")
                } else {
                    completed[task.kind, default: [:]][task.line] = path
                }
            }
        }
    }

    /// Collects problems for one file.
    struct Problems {
        let file: String?
        var errors: [InputError] = []

        mutating func add(_ path: String, _ message: String) {
            errors.append(InputError(file: file, path: path, message: message))
        }

        mutating func notNegative(_ value: Int?, _ path: String) {
            if let value, value < 0 { add(path, "must not be negative, got \(value)") }
        }
    }
}
