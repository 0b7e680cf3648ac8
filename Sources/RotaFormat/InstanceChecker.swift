import RotaCore

/// The checks an instance must pass before planning, each reported with the JSON path of
/// the offending field: the format tag, a horizon of at least one day ending by 9999-12-31,
/// at least one account, unique account, order, line and existing-task ids, no negative
/// limits, lags or caps (nor absurdly large ones, see `Limits`), rolling windows of at least
/// one day, weights and index values from 0 to `Limits.weight`, and `existing` tasks that are
/// consistent history (see `checkExisting`).
///
/// An instance that passes may still be impossible to plan in full; that is not an error.
package enum InstanceChecker {
    /// Every problem, in document order (an empty array: the instance is well-formed).
    /// `reasonCodes` are the override reason codes accepted (by default the standard ones and
    /// those the instance's own policy adds).
    package static func check(_ instance: Instance, file: String? = nil, reasonCodes: Set<String>? = nil) -> [InputError] {
        checkAndIndex(instance, file: file, reasonCodes: reasonCodes).errors
    }

    /// `check`'s problems, and the index of the instance's line ids it builds on the way: when
    /// there is no problem, each line's position in the instance's lines in input order
    /// (`Instance.resolvedLines`), the index `PlanningProblem` and `InstanceTables` would
    /// build, which can then take it instead of hashing every line id again.
    package static func checkAndIndex(_ instance: Instance, file: String? = nil, reasonCodes: Set<String>? = nil)
        -> (errors: [InputError], lines: IdentifierMap<LineTag>)
    {
        let reasonCodes = reasonCodes ?? Set(instance.policy?.overrideReasonCodes ?? Override.standardReasonCodes)
        var problems = Problems(file: file)
        if instance.format != Instance.formatTag {
            problems.add("format", "expected \(quoted(Instance.formatTag)), got \(quoted(instance.format))")
        }
        problems.within(instance.horizonDays, 1...Limits.horizonDays, "horizonDays")
        checkHorizonEnd(instance, into: &problems)
        checkRules(instance.rules, into: &problems)

        if instance.accounts.isEmpty { problems.add("accounts", "at least one account is required") }
        var firstAccount = IdentifierMap<AccountTag>(capacity: instance.accounts.count)
        for (a, account) in instance.accounts.enumerated() {
            if let first = firstAccount.insertIfAbsent(account.id, a) {
                problems.add(
                    "accounts[\(a)].id",
                    "duplicate account id \(quoted(account.id.rawValue)), first at accounts[\(first)].id")
            }
            problems.cap(account.dailyLimit, "accounts[\(a)].dailyLimit")
            if let rolling = account.rolling {
                problems.within(rolling.days, 1...Limits.days, "accounts[\(a)].rolling.days")
                problems.cap(rolling.soft, "accounts[\(a)].rolling.soft")
                problems.cap(rolling.hard, "accounts[\(a)].rolling.hard")
            }
        }

        var firstOrder = IdentifierMap<OrderTag>(capacity: instance.orders.count)
        // Each line id's first place, as a number into `linePositions`.
        var firstLine = IdentifierMap<LineTag>(capacity: instance.orders.reduce(0) { $0 + $1.lines.count })
        var linePositions: [LinePosition] = []
        linePositions.reserveCapacity(firstLine.count)
        for (o, order) in instance.orders.enumerated() {
            if let first = firstOrder.insertIfAbsent(order.id, o) {
                problems.add(
                    "orders[\(o)].id", "duplicate order id \(quoted(order.id.rawValue)), first at orders[\(first)].id")
            }
            problems.weight(order.weight, "orders[\(o)].weight")
            if let indices = order.indices {
                for key in indices.keys.sorted() {
                    problems.index(indices[key], JSONReader.appending("orders[\(o)].indices", key: key))
                }
            }
            for (l, line) in order.lines.enumerated() {
                if let first = firstLine.insertIfAbsent(line.id, linePositions.count) {
                    problems.add(
                        "orders[\(o)].lines[\(l)].id",
                        "duplicate line id \(quoted(line.id.rawValue)), first at \(linePositions[first].path).id")
                } else {
                    linePositions.append(LinePosition(order: o, line: l))
                }
                problems.days(line.reviewLagDays, "orders[\(o)].lines[\(l)].reviewLagDays")
            }
        }

        if let policy = instance.policy { checkPolicy(policy, at: "policy", into: &problems) }
        checkExisting(instance, accounts: firstAccount, lines: firstLine, positions: linePositions, into: &problems)
        if !instance.overrides.isEmpty {
            checkOverrides(instance, accounts: firstAccount, lines: firstLine, reasonCodes: reasonCodes, into: &problems)
        }
        return (problems.errors, firstLine)
    }

    /// Checks a policy's weights (finite, from 0 to `Limits.weight`) and tier days (not negative);
    /// `path` is where the policy object sits (`""` for a bare policy file).
    package static func check(_ policy: Policy, at path: String, file: String? = nil) -> [InputError] {
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
                problems.weight(weights[key], JSONReader.appending(weightsPath, key: key))
            }
        }
        if let tiers = policy.slaTierDays {
            let tiersPath = JSONReader.appending(path, key: "slaTierDays")
            for key in tiers.keys.sorted() {
                problems.days(tiers[key], JSONReader.appending(tiersPath, key: key))
            }
        }
    }

    /// The last plannable day, `start + horizonDays − 1`, is at most 9999-12-31, the last day
    /// a date can name (a plan could not write a later one).
    static func checkHorizonEnd(_ instance: Instance, into problems: inout Problems) {
        let days = instance.horizonDays
        guard (1...Limits.horizonDays).contains(days) else { return }  // reported already
        let most = Day.latest - instance.start + 1
        guard days > most else { return }
        problems.add(
            "horizonDays",
            "the horizon must end by \(Day.latest.iso): starting \(instance.start.iso), it is at most "
                + "\(most) day\(most == 1 ? "" : "s"), got \(days)")
    }

    /// A value from the input as messages echo it (cut when long).
    static func quoted(_ text: String) -> String { InputExcerpt.quoted(text) }

    /// Upper bounds that keep day arithmetic and capacity sums far from overflow; larger
    /// values are certainly mistakes (a cap this large is as good as `null`).
    package enum Limits {
        /// 100 years.
        package static let horizonDays = 36_600
        /// Lags, rolling windows, SLA tier days.
        package static let days = 1_000_000
        /// Any cap.
        package static let cap = 1_000_000_000
        /// Order weights, index values and policy weights (priorities and weighted lateness
        /// then stay finite).
        package static let weight = 1_000_000.0
    }

    /// Where a line is: `orders[order].lines[line]`.
    struct LinePosition: Sendable {
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

        /// A weight (of an order, of a policy), when given: finite, from 0 to `Limits.weight`,
        /// so that priorities and weighted lateness stay finite.
        mutating func weight(_ value: Double?, _ path: @autoclosure () -> String) {
            guard let value, !(0...Limits.weight).contains(value) else { return }
            if !value.isFinite || value < 0 {
                add(path(), "must be a finite number, not negative, got \(value)")
            } else {
                add(path(), "must be at most \(Int(Limits.weight)), got \(value)")
            }
        }

        /// An index value, when given: finite, from 0 to `Limits.weight` (a negative one would
        /// make a priority, and weighted lateness, negative).
        mutating func index(_ value: Double?, _ path: @autoclosure () -> String) {
            guard let value, !(0...Limits.weight).contains(value) else { return }
            if !value.isFinite {
                add(path(), "must be a finite number")
            } else if value < 0 {
                add(path(), "must not be negative, got \(value)")
            } else {
                add(path(), "must be at most \(Int(Limits.weight)), got \(value)")
            }
        }
    }
}
