/// How plans are compared: terms in lexicographic order, or a weighted sum; always minimised.
public struct Objective: Hashable, Sendable {
    /// The two ways of combining terms.
    public enum Form: Hashable, Sendable {
        /// The first term decides; ties go to the next.
        case lexicographic([ObjectiveTerm])
        /// Σ weight × term, one number.
        case weighted([ObjectiveTerm: Double])
    }

    public var form: Form

    public init(_ form: Form) { self.form = form }

    /// The default: unscheduled, makespan, weighted lateness, largest load, spread.
    public init() { self = .default }

    /// FORMAT.md's default objective.
    public static let `default` = Objective(
        .lexicographic([.unscheduled, .makespan, .weightedLateness, .largestLoad, .spread]))

    public static func lexicographic(_ terms: [ObjectiveTerm]) -> Objective { Objective(.lexicographic(terms)) }
    public static func weighted(_ weights: [ObjectiveTerm: Double]) -> Objective { Objective(.weighted(weights)) }

    /// The comparison key: one entry per term (lexicographic), or the weighted sum alone.
    /// The sum is taken in `ObjectiveTerm.allCases` order, so it never depends on dictionary order.
    public func value(_ metrics: PlanMetrics) -> [Double] {
        switch form {
        case .lexicographic(let terms):
            return terms.map { $0.value(of: metrics) }
        case .weighted(let weights):
            var sum = 0.0
            for term in ObjectiveTerm.allCases {
                if let weight = weights[term] { sum += weight * term.value(of: metrics) }
            }
            return [sum]
        }
    }

    /// Whether `a` is better (smaller), equal or worse than `b`, key entry by key entry.
    /// Entries within a relative tolerance of 1e-9 (absolute below 1) are equal.
    public func compare(_ a: PlanMetrics, _ b: PlanMetrics) -> ObjectiveComparison {
        for (x, y) in zip(value(a), value(b)) {
            if Self.nearlyEqual(x, y) { continue }
            return x < y ? .better : .worse
        }
        return .equal
    }

    /// Equal, or within a relative tolerance of 1e-9 (absolute below 1); equal infinities are
    /// equal, NaN equals nothing.
    package static func nearlyEqual(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
    }
}

/// The outcome of comparing two plans' metrics under an objective.
public enum ObjectiveComparison: Hashable, Sendable {
    case better
    case equal
    case worse
}

extension Objective: CustomStringConvertible {
    /// The form `init(parsing:)` reads back.
    public var description: String { text }
}
