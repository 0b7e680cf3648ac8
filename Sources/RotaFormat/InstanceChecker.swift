import RotaCore

/// The checks an instance must pass before planning, each reported with the JSON path of
/// the offending field: the format tag, a horizon of at least one day, at least one account,
/// unique account, order, line and existing-task ids, no negative limits, lags or caps (nor
/// absurdly large ones, see `Limits`), rolling windows of at least one day, finite
/// non-negative weights, and `existing` tasks
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
        problems.within(instance.horizonDays, 1...Limits.horizonDays, "horizonDays")
        checkRules(instance.rules, into: &problems)

        if instance.accounts.isEmpty { problems.add("accounts", "at least one account is required") }
        var firstAccount: [AccountID: Int] = [:]
        firstAccount.reserveCapacity(instance.accounts.count)
        for (a, account) in instance.accounts.enumerated() {
            if let first = firstAccount[account.id] {
                problems.add(
                    "accounts[\(a)].id",
                    "duplicate account id \(quoted(account.id.rawValue)), first at accounts[\(first)].id")
            } else {
                firstAccount[account.id] = a
            }
            problems.cap(account.dailyLimit, "accounts[\(a)].dailyLimit")
            if let rolling = account.rolling {
                problems.within(rolling.days, 1...Limits.days, "accounts[\(a)].rolling.days")
                problems.cap(rolling.soft, "accounts[\(a)].rolling.soft")
                problems.cap(rolling.hard, "accounts[\(a)].rolling.hard")
            }
        }

        var firstOrder: [OrderID: Int] = [:]
        firstOrder.reserveCapacity(instance.orders.count)
        var firstLine: [LineID: LinePosition] = [:]
        firstLine.reserveCapacity(instance.orders.reduce(0) { $0 + $1.lines.count })
        for (o, order) in instance.orders.enumerated() {
            if let first = firstOrder[order.id] {
                problems.add(
                    "orders[\(o)].id", "duplicate order id \(quoted(order.id.rawValue)), first at orders[\(first)].id")
            } else {
                firstOrder[order.id] = o
            }
            if !order.weight.isFinite || order.weight < 0 {
                problems.add("orders[\(o)].weight", "must be a finite number, not negative, got \(order.weight)")
            }
            if let indices = order.indices, indices.values.contains(where: { !$0.isFinite }) {
                for key in indices.keys.sorted() where !(indices[key]?.isFinite ?? true) {
                    problems.add(JSONReader.appending("orders[\(o)].indices", key: key), "must be a finite number")
                }
            }
            for (l, line) in order.lines.enumerated() {
                if let first = firstLine[line.id] {
                    problems.add(
                        "orders[\(o)].lines[\(l)].id",
                        "duplicate line id \(quoted(line.id.rawValue)), first at \(first.path).id")
                } else {
                    firstLine[line.id] = LinePosition(order: o, line: l)
                }
                problems.days(line.reviewLagDays, "orders[\(o)].lines[\(l)].reviewLagDays")
            }
        }

        if let policy = instance.policy { checkPolicy(policy, at: "policy", into: &problems) }
        checkExisting(instance, accounts: firstAccount, lines: firstLine, into: &problems)
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
        problems.days(rules.reviewLagDays, "rules.reviewLagDays")
        problems.cap(rules.sameItemPerAccountPerDay, "rules.sameItemPerAccountPerDay")
        problems.cap(rules.sameItemPerAccount, "rules.sameItemPerAccount")
        problems.cap(rules.reviewsPerAccountPerDay, "rules.reviewsPerAccountPerDay")
    }

    static func checkPolicy(_ policy: Policy, at path: String, into problems: inout Problems) {
        if let weights = policy.weights {
            let weightsPath = JSONReader.appending(path, key: "weights")
            for key in weights.keys.sorted() {
                let weight = weights[key] ?? 0
                if !weight.isFinite || weight < 0 {
                    problems.add(
                        JSONReader.appending(weightsPath, key: key), "must be a finite number, not negative, got \(weight)")
                }
            }
        }
        if let tiers = policy.slaTierDays {
            let tiersPath = JSONReader.appending(path, key: "slaTierDays")
            for key in tiers.keys.sorted() {
                problems.days(tiers[key], JSONReader.appending(tiersPath, key: key))
            }
        }
    }

    static func checkExisting(
        _ instance: Instance, accounts: [AccountID: Int], lines: [LineID: LinePosition],
        into problems: inout Problems
    ) {
        var firstTask: [TaskID: Int] = [:]
        firstTask.reserveCapacity(instance.existing.count)
        var firstCompletedPurchase: [LineID: Int] = [:]
        var firstCompletedReview: [LineID: Int] = [:]
        for (t, task) in instance.existing.enumerated() {
            if let first = firstTask[task.id] {
                problems.add(
                    "existing[\(t)].id", "duplicate task id \(quoted(task.id.rawValue)), first at existing[\(first)].id")
            } else {
                firstTask[task.id] = t
            }
            let line = quoted(task.line.rawValue)
            if let position = lines[task.line] {
                let order = instance.orders[position.order]
                let item = order.lines[position.line].item
                if task.order != order.id {
                    problems.add(
                        "existing[\(t)].order",
                        "expected \(quoted(order.id.rawValue)) (the order of line \(line)), got \(quoted(task.order.rawValue))")
                }
                if task.item != item {
                    problems.add(
                        "existing[\(t)].item",
                        "expected \(quoted(item.rawValue)) (the item of line \(line)), got \(quoted(task.item.rawValue))")
                }
            } else {
                problems.add("existing[\(t)].line", "unknown line \(line)")
            }
            if accounts[task.account] == nil {
                problems.add("existing[\(t)].account", "unknown account \(quoted(task.account.rawValue))")
            }
            guard task.status == .completed else { continue }
            let first = task.kind == .purchase ? firstCompletedPurchase[task.line] : firstCompletedReview[task.line]
            if let first {
                problems.add(
                    "existing[\(t)]",
                    "a second completed \(task.kind.rawValue) of line \(line), first at existing[\(first)]")
            } else if task.kind == .purchase {
                firstCompletedPurchase[task.line] = t
            } else {
                firstCompletedReview[task.line] = t
            }
        }
    }

    private static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }

    /// Upper bounds that keep day arithmetic and capacity sums far from overflow; larger
    /// values are certainly mistakes (a cap this large is as good as `null`).
    public enum Limits {
        /// 100 years.
        public static let horizonDays = 36_600
        /// Lags, rolling windows, SLA tier days.
        public static let days = 1_000_000
        /// Any cap.
        public static let cap = 1_000_000_000
    }

    /// Where a line is: `orders[order].lines[line]`.
    struct LinePosition {
        var order: Int
        var line: Int
        var path: String { "orders[\(order)].lines[\(line)]" }
    }

    /// Collects problems for one file.
    struct Problems {
        let file: String?
        var errors: [InputError] = []

        mutating func add(_ path: String, _ message: String) {
            errors.append(InputError(file: file, path: path, message: message))
        }

        /// `value` (when given) is in `range`.
        mutating func within(_ value: Int?, _ range: ClosedRange<Int>, _ path: @autoclosure () -> String) {
            guard let value, !range.contains(value) else { return }
            if value < range.lowerBound {
                let bound = range.lowerBound == 0 ? "must not be negative" : "must be at least \(range.lowerBound)"
                add(path(), "\(bound), got \(value)")
            } else {
                add(path(), "must be at most \(range.upperBound), got \(value)")
            }
        }

        /// A cap: not negative, and small enough to add up safely.
        mutating func cap(_ value: Int?, _ path: @autoclosure () -> String) { within(value, 0...Limits.cap, path()) }

        /// A number of days (a lag, tier days): not negative, and small enough for day arithmetic.
        mutating func days(_ value: Int?, _ path: @autoclosure () -> String) { within(value, 0...Limits.days, path()) }
    }
}
