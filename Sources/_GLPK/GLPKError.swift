/// Why a call into the GLPK wrapper failed; what happened to a model is a `MIPStatus`, not an error.
///
/// GLPK aborts the whole process on bad arguments, so the wrapper checks every argument in
/// Swift first and throws one of these instead.
package enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column or row handle that does not exist in the model (`kind` is "column" or "row").
    case indexOutOfRange(kind: String, index: Int, count: Int)
    /// Bounds GLPK cannot hold: NaN, lower above upper, lower at +inf, fractional integer bounds...
    case invalidBounds(String)
    /// A coefficient, cost or value that is NaN or infinite.
    case notFinite(String)
    /// The same column appears twice in one row's terms.
    case duplicateColumn(column: Int, row: String)
    /// A name GLPK would reject: empty, over 255 UTF-8 bytes, or holding control characters.
    case invalidName(String, reason: String)
    /// Any other argument out of its domain (counts, limits, vector lengths, paths).
    case invalidArgument(String)
    /// The model was used from a thread other than the one that created it (see `LinearModel`).
    case wrongThread
    /// The model is being solved; it cannot be changed or solved again from a callback.
    case busy
    /// Reading or writing a model file failed; `log` holds GLPK's messages.
    case fileFailed(operation: String, path: String, log: [String])
    /// A MathProg model or data file could not be translated; `message` names file and line.
    case mathProg(message: String, log: [String])
    /// GLPK's solver gave up (numerical trouble, singular basis...); `log` holds its messages.
    case solverFailed(message: String, log: [String])

    package var description: String {
        switch self {
        case let .indexOutOfRange(kind, index, count):
            return "\(kind) \(index) is out of range (the model has \(count) \(kind)s)"
        case let .invalidBounds(message):
            return "invalid bounds: \(message)"
        case let .notFinite(message):
            return "not a finite number: \(message)"
        case let .duplicateColumn(column, row):
            return "column \(column) appears more than once in \(row)"
        case let .invalidName(name, reason):
            return "invalid name \"\(name.prefix(40))\": \(reason)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        case .wrongThread:
            return "a GLPK model must be used on the thread that created it"
        case .busy:
            return "the model is being solved and cannot be used from a solver callback"
        case let .fileFailed(operation, path, log):
            return "\(operation) '\(path)' failed" + Self.lastLines(log)
        case let .mathProg(message, _):
            return "MathProg: \(message)"
        case let .solverFailed(message, log):
            return "GLPK solver failed: \(message)" + Self.lastLines(log)
        }
    }

    private static func lastLines(_ log: [String]) -> String {
        let tail = log.suffix(3).filter { !$0.isEmpty }
        return tail.isEmpty ? "" : ": " + tail.joined(separator: " / ")
    }
}
