import RotaCore

/// Which plan is better overall, and why, in one line: "B is better: makespan 12 vs 14".
///
/// A feasible plan always beats an infeasible one; otherwise the objective decides (for the
/// default, lexicographic one: the first term on which the plans differ).
public struct ComparisonVerdict: Hashable, Sendable {
    /// What decided the verdict.
    public enum Reason: Hashable, Sendable {
        /// One plan breaks feasibility rules and the other does not; the violations of each.
        case feasibility(violationsA: Int, violationsB: Int)
        /// The first lexicographic level on which the plans differ, with its value in A and in B.
        case term(ObjectiveLevel, a: Double, b: Double)
        /// The weighted sums of A and B differ.
        case weightedSum(a: Double, b: Double)
        /// Equal on every term of the objective (the weighted sums of A and B are equal).
        case equal
        /// A term (`nil`: the weighted sum) is not a finite number in A or B, so it cannot rank
        /// the plans; the winner is `tie`, meaning neither.
        case notFinite(ObjectiveLevel?, a: Double, b: Double)
    }

    /// The better plan, or `tie`.
    public var winner: Winner
    public var reason: Reason
    /// The objective that ranked the plans.
    public var objective: Objective
    /// Both plans break rules: the objective ranked them anyway.
    public var bothInfeasible: Bool

    public init(winner: Winner, reason: Reason, objective: Objective, bothInfeasible: Bool = false) {
        self.winner = winner
        self.reason = reason
        self.objective = objective
        self.bothInfeasible = bothInfeasible
    }

    /// The verdict in one line, the winner's value first: "B is better: makespan 12 vs 14",
    /// "A is better: B is infeasible (3 violations)", "Tie: A and B are equal on unscheduled, …",
    /// "No verdict: weighted lateness is not a finite number (A inf, B inf)".
    public var summary: String {
        let caveat = bothInfeasible ? " (both plans are infeasible)" : ""
        let better = "\(winner.rawValue) is better: "
        switch reason {
        case .feasibility(let violationsA, let violationsB):
            let loser = winner.other
            let count = loser == .a ? violationsA : violationsB
            return better + "\(loser.rawValue) is infeasible (\(count) violation\(count == 1 ? "" : "s"))"
        case .term(let term, let a, let b):
            let (mine, theirs) = winner == .a ? (a, b) : (b, a)
            return better + "\(term.label) \(NumberText.plain(mine)) vs \(NumberText.plain(theirs))" + caveat
        case .weightedSum(let a, let b):
            let (mine, theirs) = winner == .a ? (a, b) : (b, a)
            return better + "weighted objective \(NumberText.plain(mine)) vs \(NumberText.plain(theirs)) (\(objective.text))"
                + caveat
        case .notFinite(let term, let a, let b):
            let what = term.map(\.label) ?? "the weighted objective (\(objective.text))"
            return "No verdict: \(what) is not a finite number (A \(NumberText.plain(a)), B \(NumberText.plain(b)))"
                + caveat
        case .equal:
            switch objective.form {
            case .lexicographic(let terms) where terms.isEmpty:
                return "Tie: the objective names no term" + caveat
            case .lexicographic(let terms):
                return "Tie: A and B are equal on " + terms.map(\.label).joined(separator: ", ") + caveat
            case .weighted:
                return "Tie: A and B have the same weighted objective (\(objective.text))" + caveat
            }
        }
    }
}
