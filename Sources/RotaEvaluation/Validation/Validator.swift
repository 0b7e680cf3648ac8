import RotaCore

/// Checks a plan against the nine feasibility rules of the format, independently of any solver.
public struct Validator: Sendable {
    /// The rules checked, in order.
    public var rules: [any FeasibilityRule]

    /// A validator for all nine rules of the format.
    public init() {
        rules = Validator.standardRules
    }

    /// A validator for the given rules only.
    public init(rules: [any FeasibilityRule]) {
        self.rules = rules
    }

    /// The nine rules of the format, numbered 1…9.
    public static var standardRules: [any FeasibilityRule] {
        [
            CoverageRule(), DatesRule(), AvailabilityRule(), DailyLimitRule(), SameItemRule(), ReviewLagRule(),
            RollingCapRule(), ReviewsPerDayRule(), HistoryRule(),
        ]
    }

    /// Every violation of every rule (not stopping at the first), sorted by rule, day, account
    /// and task id.
    public func validate(_ plan: Plan, against instance: Instance) -> ValidationReport {
        let context = ValidationContext(instance: instance, plan: plan)
        let violations = rules.flatMap { $0.check(context) }
        return ValidationReport(violations: violations, rules: rules.map(\.number))
    }
}
