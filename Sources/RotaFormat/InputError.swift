/// One problem with an input file, located by a JSON path such as `orders[3].lines[0].item`.
///
/// Its description is one line: `"<file>: <path>: <message>"` (the file and the path are left
/// out when unknown or empty); for JSON Lines files the line number follows the file:
/// `"<file>:<line>: <path>: <message>"`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the input came from, if any.
    public var file: String?
    /// Where in the document: `""` for the document itself, else like `orders[3].lines[0].item`.
    public var path: String
    /// What is wrong: `missing`, `expected a string, got a number`, ...
    public var message: String
    /// The 1-based line of a JSON Lines file the problem is on (`nil` for JSON documents).
    public var line: Int?

    public init(file: String? = nil, path: String, message: String, line: Int? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.line = line
    }

    public var description: String {
        var parts: [String] = []
        if let file, !file.isEmpty {
            parts.append(line.map { "\(file):\($0)" } ?? file)
        } else if let line {
            parts.append("line \(line)")
        }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
