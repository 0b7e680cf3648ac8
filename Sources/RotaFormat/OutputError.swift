/// A file that could not be written, and why; its description is one line,
/// `"<file>: cannot write: <reason>"`.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
