import RotaCore

/// One-line JSON (no spaces, no newlines), for JSON-lines files; keys in the order given.
/// Built on `JSONWriter` so strings and numbers are written exactly as in rota's other files.
package enum CompactJSON {
    package static func string(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return "[" + elements.map(string).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { quoted($0.key) + ":" + string($0.value) }.joined(separator: ",") + "}"
        default:
            var text = JSONWriter.string(value)
            if text.last == "\n" { text.removeLast() }
            return text
        }
    }

    private static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}
