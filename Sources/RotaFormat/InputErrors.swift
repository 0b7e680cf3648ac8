/// Every problem found in one input, in document order; never empty when thrown.
public struct InputErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) { self.errors = errors }
    public init(_ error: InputError) { self.errors = [error] }

    /// One line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// The messages as `"path: message"` (no file), handy in tests and summaries.
    public var located: [String] {
        errors.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }
    }
}
