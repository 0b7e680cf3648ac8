import RotaCore

/// How large the MIP would be, estimated without building it: purchase columns x[c,a,d]
/// over line classes × accounts × days from each class's first purchase day to the horizon
/// (or to `horizon` days, when the model will be cut there; see `MIPSolver`).
package struct MIPSizeEstimate: Sendable {
    package let purchaseColumns: Int

    package init(_ problem: PlanningProblem, horizon: Int? = nil) {
        let end = min(problem.horizon, max(0, horizon ?? problem.horizon))
        var columns = 0
        for lineClass in LineClass.classes(of: problem) {
            let days = max(0, end - lineClass.firstPurchaseDay)
            columns += days * problem.accountCount
        }
        purchaseColumns = columns
    }
}
