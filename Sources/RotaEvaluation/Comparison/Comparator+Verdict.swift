import RotaCore

extension Comparator {
    /// A feasible plan beats an infeasible one; otherwise the objective decides, with the same
    /// tolerance as `Objective.compare` (`Objective.tolerance`).
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
        switch objective.form {
        case .lexicographic:
            if let level = objective.decidingLevel(a.metrics.objectiveValues, b.metrics.objectiveValues) {
                let valueA = level.value(of: a.metrics)
                let valueB = level.value(of: b.metrics)
                return decided(.term(level, a: valueA, b: valueB), aIsBetter: valueA < valueB)
            }
        case .weighted:
            let sumA = objective.value(a.metrics).first ?? 0
            let sumB = objective.value(b.metrics).first ?? 0
            if !Objective.nearlyEqual(sumA, sumB) {
                return decided(.weightedSum(a: sumA, b: sumB), aIsBetter: sumA < sumB)
            }
        }
        return ComparisonVerdict(winner: .tie, reason: .equal, objective: objective, bothInfeasible: bothInfeasible)
    }
}
