/// Why the flow solver could not run: the problem is beyond GLPK's integer flow algorithms.
public enum FlowSolverError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLarge(String)

    public var description: String {
        switch self {
        case .tooLarge(let message): return "the flow solver cannot take this instance: \(message)"
        }
    }
}
