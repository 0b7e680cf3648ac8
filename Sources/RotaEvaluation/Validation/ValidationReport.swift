/// Every feasibility violation found in a plan, sorted, with counts per rule.
public struct ValidationReport: Hashable, Sendable {
    /// Sorted by rule, then day, account and task ids.
    public var violations: [Violation]
    /// How many violations each rule has, for every rule checked (zeros included).
    public var counts: [Int: Int]

    public init(violations: [Violation], rules: [Int]) {
        self.violations = violations.sorted(by: Violation.precedes)
        var counts = Dictionary(uniqueKeysWithValues: Set(rules).map { ($0, 0) })
        for violation in violations { counts[violation.rule, default: 0] += 1 }
        self.counts = counts
    }

    /// Whether the plan satisfies every rule.
    public var isFeasible: Bool { violations.isEmpty }

    /// The numbers of the rules that have violations, in increasing order.
    public var brokenRules: [Int] { counts.filter { $0.value > 0 }.keys.sorted() }

    /// The violations of one rule, in report order.
    public func violations(ofRule rule: Int) -> [Violation] { violations.filter { $0.rule == rule } }
}
