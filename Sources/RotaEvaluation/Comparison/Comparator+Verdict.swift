import RotaCore

extension Comparator {
    /// A feasible plan beats an infeasible one; otherwise the objective decides, with the same
    /// tolerance as `Objective.compare` (`Objective.tolerance`). A value that is not a finite
    /// number never decides: the comparison stops there with no winner (`Reason.notFinite`),
    /// since the levels after it only break ties of that one.
    static func verdict(_ a: ComparedPlan, _ b: ComparedPlan, objective: Objective) -> ComparisonVerdict {
        if a.isFeasible != b.isFeasible {
            return ComparisonVerdict(
                winner: a.isFeasible ? .a : .b,
                reason: .feasibility(violationsA: a.validation.violations.count, violationsB: b.validation.violations.count),
                objective: objective)
        }
        let bothInfeasible = !a.isFeasible
        func decided(_ reason: ComparisonVerdict.Reason, aIsBetter: Bool) -> ComparisonVerdict {
            ComparisonVerdict(winner: aIsBetter ? .a : .b, reason: reason, objective: objective, bothInfeasible: bothInfeasible)
        }
        func undecided(_ term: ObjectiveLevel?, _ valueA: Double, _ valueB: Double) -> ComparisonVerdict {
            ComparisonVerdict(
                winner: .tie, reason: .notFinite(term, a: valueA, b: valueB), objective: objective,
                bothInfeasible: bothInfeasible)
        }
        switch objective.form {
        case .lexicographic(let levels):
            for level in levels {
                let valueA = level.value(of: a.metrics)
                let valueB = level.value(of: b.metrics)
                guard valueA.isFinite, valueB.isFinite else { return undecided(level, valueA, valueB) }
                if Objective.nearlyEqual(valueA, valueB) { continue }
                return decided(.term(level, a: valueA, b: valueB), aIsBetter: valueA < valueB)
            }
        case .weighted:
            let sumA = objective.value(a.metrics).first ?? 0
            let sumB = objective.value(b.metrics).first ?? 0
            guard sumA.isFinite, sumB.isFinite else { return undecided(nil, sumA, sumB) }
            if !Objective.nearlyEqual(sumA, sumB) {
                return decided(.weightedSum(a: sumA, b: sumB), aIsBetter: sumA < sumB)
            }
        }
        return ComparisonVerdict(winner: .tie, reason: .equal, objective: objective, bothInfeasible: bothInfeasible)
    }
}
