/// One problem with an input file, located by a JSON path such as `orders[3].lines[0].item`.
///
/// Its description is one line: `"<file>: <path>: <message>"` (the file and the path are left
/// out when unknown or empty).
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the input came from, if any.
    public var file: String?
    /// Where in the document: `""` for the document itself, else like `orders[3].lines[0].item`.
    public var path: String
    /// What is wrong: `missing`, `expected a string, got a number`, ...
    public var message: String

    public init(file: String? = nil, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file, !file.isEmpty { parts.append(file) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
