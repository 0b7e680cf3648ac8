import RotaCore

/// Checks a plan against the nine feasibility rules of the format, independently of any solver.
public struct Validator: Sendable {
    /// The rules checked, in order.
    package var rules: [any FeasibilityRule]
    /// At most this many violations listed per rule (the first in report order); `nil` lists
    /// every one. The counts are exact either way, and memory does not grow with the
    /// violations beyond the limit.
    public var limit: Int?

    /// A validator for all nine rules of the format.
    public init(limit: Int? = nil) {
        self.init(rules: Validator.standardRules, limit: limit)
    }

    /// A validator for the given rules only.
    package init(rules: [any FeasibilityRule], limit: Int? = nil) {
        self.rules = rules
        self.limit = limit
    }

    /// The nine rules of the format, numbered 1…9, and rota's rule 10 (overrides honoured).
    package static var standardRules: [any FeasibilityRule] {
        [
            CoverageRule(), DatesRule(), AvailabilityRule(), DailyLimitRule(), SameItemRule(), ReviewLagRule(),
            RollingCapRule(), ReviewsPerDayRule(), HistoryRule(), OverridesRule(),
        ]
    }

    /// Every violation of every rule (not stopping at the first) counted, and listed up to the
    /// limit, sorted by rule, day, account and task id.
    public func validate(_ plan: Plan, against instance: Instance) -> ValidationReport {
        validate(ValidationContext(instance: instance, plan: plan))
    }

    /// The report for the plan and instance of a context built already (`PlanFinisher` scores
    /// and validates over one).
    package func validate(_ context: ValidationContext) -> ValidationReport {
        var found = ViolationCollector(limit: limit)
        // Rule 10 (overrides, a rota extension) is checked only when the instance has some.
        let rules = context.instance.overrides.isEmpty ? rules.filter { $0.number != 10 } : rules
        for rule in rules { rule.check(context, into: &found) }
        return ValidationReport(found, rules: rules.map(\.number))
    }
}
