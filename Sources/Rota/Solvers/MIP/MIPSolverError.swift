/// A failure of the MIP solver itself (the model's outcome is a status, not an error).
public enum MIPSolverError: Error, Equatable, CustomStringConvertible {
    /// GLPK's solution maps to a plan that breaks a rule: a bug or numerical trouble.
    case invalidSolution([String])

    public var description: String {
        switch self {
        case .invalidSolution(let problems):
            return "the MIP's solution breaks the rules: " + problems.prefix(5).joined(separator: "; ")
        }
    }
}
