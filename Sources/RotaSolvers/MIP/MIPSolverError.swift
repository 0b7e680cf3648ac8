import RotaCore

/// A failure of the MIP solver itself (the model's outcome is a status, not an error).
package enum MIPSolverError: Error, Equatable, CustomStringConvertible, SolverDeclining {
    /// GLPK's solution maps to a plan that breaks a rule: a bug or numerical trouble.
    case invalidSolution([LedgerViolation])
    /// The model would exceed `MIPSolver.maximumPurchaseColumns`: building it would take more
    /// memory and time than any search in it could use.
    case tooLarge(columns: Int, limit: Int)

    package var description: String {
        switch self {
        case .invalidSolution(let problems):
            return "the MIP's solution breaks the rules: " + problems.prefix(5).map(\.description).joined(separator: "; ")
        case .tooLarge(let columns, let limit):
            return "the MIP would have about \(columns) purchase columns, over the limit of \(limit); "
                + "use --solver auto (it proves the makespan with flows and bounds) or --solver flow"
        }
    }

    package var declineReason: String? {
        guard case .tooLarge(let columns, let limit) = self else { return nil }
        return "MIP of about \(columns) purchase columns, over its limit of \(limit)"
    }
}
