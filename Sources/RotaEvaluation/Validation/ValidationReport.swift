/// Every feasibility violation found in a plan, sorted, with counts per rule; or, from a
/// validator with a limit, the first violations of each rule with exact counts.
public struct ValidationReport: Hashable, Sendable {
    /// Sorted by rule, then day, account and task ids. With a validator's limit, only the first
    /// of each rule: `omitted` tells how many more there are.
    public var violations: [Violation]
    /// How many violations each rule has, for every rule checked (zeros included), listed or not.
    public var counts: [Int: Int]

    /// The report listing every one of `violations`.
    public init(violations: [Violation], rules: [Int]) {
        var collector = ViolationCollector(limit: nil)
        collector.append(contentsOf: violations)
        self.init(collector, rules: rules)
    }

    /// The report of what `collector` counted and kept, for `rules` (zeros included).
    package init(_ collector: ViolationCollector, rules: [Int]) {
        violations = collector.kept
        var counts = Dictionary(uniqueKeysWithValues: Set(rules).map { ($0, 0) })
        counts.merge(collector.counts) { $0 + $1 }
        self.counts = counts
    }

    /// How many violations the plan has, listed or not.
    public var violationCount: Int { counts.values.reduce(0, +) }

    /// How many violations of each rule are counted but not listed, for every rule of `counts`.
    public var omitted: [Int: Int] {
        var omitted = counts
        for violation in violations { omitted[violation.rule, default: 0] -= 1 }
        return omitted.mapValues { max($0, 0) }
    }

    /// Whether the plan satisfies every rule.
    public var isFeasible: Bool { violationCount == 0 }

    /// The numbers of the rules that have violations, in increasing order.
    public var brokenRules: [Int] { counts.filter { $0.value > 0 }.keys.sorted() }

    /// The violations of one rule listed, in report order.
    public func violations(ofRule rule: Int) -> [Violation] { violations.filter { $0.rule == rule } }
}
