/// How large the MIP would be, estimated without building it: purchase columns x[c,a,d]
/// over line classes × accounts × days from each class's first purchase day.
public struct MIPSizeEstimate: Sendable {
    public let purchaseColumns: Int

    public init(_ problem: PlanningProblem) {
        var columns = 0
        for lineClass in LineClass.classes(of: problem) {
            let days = max(0, problem.horizon - lineClass.firstPurchaseDay)
            columns += days * problem.accountCount
        }
        purchaseColumns = columns
    }
}
