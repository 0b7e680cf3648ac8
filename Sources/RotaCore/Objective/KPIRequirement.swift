/// One KPI target: a metric of `rota score --json` by its dotted name, a comparison and a
/// number, as in `sla.critical >= 0.95` or `softOverruns == 0` (docs/POLICY.md, "KPI targets").
package struct KPIRequirement: Hashable, Sendable, CustomStringConvertible {
    /// How the metric's value is compared with the target.
    package enum Comparison: String, CaseIterable, Hashable, Sendable {
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
        case equal = "=="
        case notEqual = "!="

        /// Whether `value` meets `target` under this comparison (exact, as the metrics are
        /// whole numbers or shares computed the same way every time).
        package func holds(_ value: Double, _ target: Double) -> Bool {
            switch self {
            case .atLeast: value >= target
            case .atMost: value <= target
            case .greater: value > target
            case .less: value < target
            case .equal: value == target
            case .notEqual: value != target
            }
        }
    }

    /// The dotted metric name (`makespan`, `sla.critical`, `sla.critical.onTime`).
    package var metric: String
    package var comparison: Comparison
    package var target: Double

    package init(metric: String, comparison: Comparison, target: Double) {
        self.metric = metric
        self.comparison = comparison
        self.target = target
    }

    /// Reads `METRIC OP NUMBER` (`sla.critical>=0.95`, `softOverruns == 0`); `=` is `==`.
    package init(parsing text: String) throws(KPIParseError) {
        guard let start = text.firstIndex(where: { "<>=!".contains($0) }) else { throw .noComparison(text) }
        let name = text[..<start].trimmingWhitespace
        guard !name.isEmpty else { throw .noMetric(text) }
        try self.init(metric: String(name), condition: String(text[start...]), whole: text)
    }

    /// Reads the condition of a `"METRIC": "OP NUMBER"` pair (`">= 0.95"`).
    package init(metric: String, condition: String) throws(KPIParseError) {
        try self.init(metric: metric, condition: condition, whole: "\(metric) \(condition)")
    }

    private init(metric: String, condition: String, whole: String) throws(KPIParseError) {
        let trimmed = Substring(condition).trimmingWhitespace
        let byLength = Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        var found: (Comparison, Substring)?
        for comparison in byLength where trimmed.hasPrefix(comparison.rawValue) {
            found = (comparison, trimmed.dropFirst(comparison.rawValue.count))
            break
        }
        if found == nil, trimmed.hasPrefix("="), !trimmed.hasPrefix("==") {
            found = (.equal, trimmed.dropFirst())
        }
        guard let (comparison, rest) = found else { throw .noComparison(whole) }
        let number = rest.trimmingWhitespace
        if let next = number.first, "<>=!".contains(next) { throw .badComparison(whole) }
        guard !number.isEmpty, let target = Double(number), target.isFinite,
            number.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
        else { throw .badNumber(whole, String(number)) }
        self.init(metric: metric, comparison: comparison, target: target)
    }

    /// `metric OP target`, the form `init(parsing:)` reads back.
    package var description: String { "\(metric) \(comparison.rawValue) \(Self.plain(target))" }

    /// The condition alone (`>= 0.95`), as a policy file's `kpiTargets` object holds it.
    package var condition: String { "\(comparison.rawValue) \(Self.plain(target))" }

    /// A number without a trailing `.0` when whole.
    package static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The metrics every plan has, by name (besides the SLA tiers' `sla.TIER`,
    /// `sla.TIER.lines` and `sla.TIER.onTime`, and `changes` when a previous plan is given).
    package static let planMetricNames = [
        "unscheduled", "makespan", "weightedLateness", "lateLines", "largestLoad", "spread", "softOverruns",
        "purchases", "reviews", "overrides.rate", "overrides.overriddenLines",
    ]

    /// The SLA tier a metric name refers to (`sla.critical`, `sla.critical.lines` → `critical`).
    package static func tier(of metric: String) -> String? {
        guard metric.hasPrefix("sla.") else { return nil }
        var rest = Substring(metric.dropFirst(4))
        for suffix in [".lines", ".onTime"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        return rest.isEmpty ? nil : String(rest)
    }
}

/// Why a KPI expression could not be read.
package enum KPIParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case noComparison(String)
    case noMetric(String)
    case badNumber(String, String)
    /// An operator that is none of `Comparison`'s (`>>`, `=>`, `<>`).
    case badComparison(String)

    package var description: String {
        switch self {
        case .noComparison(let text):
            "KPI target \(InputExcerpt.quoted(text)) has no comparison; write METRIC OP NUMBER with OP one of "
                + "\(KPIRequirement.Comparison.allCases.map(\.rawValue).joined(separator: " ")), as in \"sla.critical>=0.95\""
        case .noMetric(let text):
            "KPI target \(InputExcerpt.quoted(text)) names no metric, as in \"sla.critical>=0.95\""
        case .badComparison(let text):
            "KPI target \(InputExcerpt.quoted(text)) has an unknown comparison; OP is one of "
                + KPIRequirement.Comparison.allCases.map(\.rawValue).joined(separator: " ")
        case .badNumber(let text, let number):
            "KPI target \(InputExcerpt.quoted(text)): \(InputExcerpt.quoted(number)) is not a finite number"
        }
    }
}

extension Substring {
    /// Without leading and trailing white space.
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
