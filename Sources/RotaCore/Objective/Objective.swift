/// How plans are compared: levels in lexicographic order, or a weighted sum; always minimised.
///
/// The one comparator of rota. `rota score`/`compare`/`regress` rank plans with it (through
/// `PlanMetrics`); `AutoSolver` keeps the better of its solvers' plans by `default`; the MIP
/// keeps or drops its warm start, and the exhaustive oracle keeps its best leaf, by
/// `defaultThenSoftOverruns`; the greedy search keeps its best pass by `default`. All of them
/// apply `tolerance`, so two plans tie the same way wherever they meet.
public struct Objective: Hashable, Sendable {
    /// The two ways of combining levels.
    public enum Form: Hashable, Sendable {
        /// The first level decides; ties go to the next.
        case lexicographic([ObjectiveLevel])
        /// Σ weight × level, one number.
        case weighted([ObjectiveLevel: Double])
    }

    public var form: Form

    public init(_ form: Form) { self.form = form }

    /// The default: unscheduled, makespan, weighted lateness, largest load, spread.
    public init() { self = .default }

    /// FORMAT.md's default objective.
    public static let `default` = Objective(
        .lexicographic([.unscheduled, .makespan, .weightedLateness, .largestLoad, .spread]))

    /// The default objective with soft overruns as the final tie-break: the levels the MIP
    /// solves (`ObjectiveLevel.stages`) and the order the exhaustive oracle proves.
    public static let defaultThenSoftOverruns = Objective(.lexicographic(ObjectiveLevel.stages))

    public static func lexicographic(_ levels: [ObjectiveLevel]) -> Objective { Objective(.lexicographic(levels)) }
    public static func weighted(_ weights: [ObjectiveLevel: Double]) -> Objective { Objective(.weighted(weights)) }

    /// Values closer than this, relative to the larger of them and at least 1, are equal.
    ///
    /// Every level but weighted lateness is a whole number, so the tolerance only ever decides
    /// lateness (and weighted sums). 1e-6 is what the MIP's floating lateness needs: GLPK's
    /// lateness level carries its feasibility and integrality tolerances (1e-7), so the MIP caps
    /// lateness at its optimum plus this tolerance before it serves the balance levels, and
    /// accepts an incumbent within it as meeting the level. A plan the MIP returns may thus be
    /// later than the best lateness by up to this much; the comparator that judges it against the
    /// warm start or the other solvers' plans has to call that a tie, or it would undo the MIP's
    /// choice. Lateness of distinct plans differs by weight × whole days, far above 1e-6 relative
    /// for the weights and sizes rota plans, so no real difference is hidden.
    public static let tolerance = 1e-6

    /// Whether `x` and `y` are equal within `tolerance` (relative, absolute below 1); equal
    /// infinities are equal, NaN equals nothing.
    package static func nearlyEqual(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    }

    /// The comparison key: one entry per level (lexicographic), or the weighted sum alone.
    /// The sum is taken in `ObjectiveLevel.allCases` order, so it never depends on dictionary order.
    public func value(_ values: ObjectiveValues) -> [Double] {
        switch form {
        case .lexicographic(let levels):
            return levels.map { $0.value(of: values) }
        case .weighted(let weights):
            var sum = 0.0
            for level in ObjectiveLevel.allCases {
                if let weight = weights[level] { sum += weight * level.value(of: values) }
            }
            return [sum]
        }
    }

    /// Whether `a` is better (smaller), equal or worse than `b`, key entry by key entry;
    /// entries within `tolerance` are equal.
    public func compare(_ a: ObjectiveValues, _ b: ObjectiveValues) -> ObjectiveComparison {
        for (x, y) in zip(value(a), value(b)) {
            if Self.nearlyEqual(x, y) { continue }
            return x < y ? .better : .worse
        }
        return .equal
    }

    /// The first level of a lexicographic objective on which `a` and `b` differ (beyond
    /// `tolerance`); `nil` when they are equal or the objective is weighted.
    package func decidingLevel(_ a: ObjectiveValues, _ b: ObjectiveValues) -> ObjectiveLevel? {
        guard case .lexicographic(let levels) = form else { return nil }
        return levels.first { !Self.nearlyEqual($0.value(of: a), $0.value(of: b)) }
    }
}

/// The outcome of comparing two plans' values under an objective.
public enum ObjectiveComparison: Hashable, Sendable {
    case better
    case equal
    case worse
}

extension Objective: CustomStringConvertible {
    /// The form `init(parsing:)` reads back.
    public var description: String { text }
}
