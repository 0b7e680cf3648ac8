import RotaFormat

/// Writes a `JSONValue` as block-style YAML that `YAMLDocument` reads back to the same value:
/// keys in their order, strings quoted whenever a plain scalar could read as something else.
package enum YAMLWriter {
    package static func write(_ value: JSONValue) -> String {
        var out = ""
        switch value {
        case .object(let members) where !members.isEmpty:
            writeMembers(members, indent: 0, into: &out)
        case .array(let elements) where !elements.isEmpty:
            writeElements(elements, indent: 0, into: &out)
        default:
            out = scalar(value) + "\n"
        }
        return out
    }

    private static func writeMembers(_ members: [(key: String, value: JSONValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for member in members {
            out += pad + string(member.key) + ":"
            write(member.value, indent: indent, into: &out)
        }
    }

    private static func writeElements(_ elements: [JSONValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for element in elements {
            out += pad + "-"
            write(element, indent: indent, into: &out)
        }
    }

    /// The value after `key:` or `-`: inline when a scalar or empty, else on the next lines.
    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "\n"
            writeMembers(members, indent: indent + 2, into: &out)
        case .array(let elements) where !elements.isEmpty:
            out += "\n"
            writeElements(elements, indent: indent + 2, into: &out)
        default:
            out += " " + scalar(value) + "\n"
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): "\(number)"
        case .string(let text): string(text)
        case .array: "[]"
        case .object: "{}"
        }
    }

    /// Plain when it is a simple name that no YAML reader takes for a number, boolean or null;
    /// otherwise double-quoted (JSON's escapes are valid YAML).
    private static func string(_ text: String) -> String {
        let reserved: Set<String> = ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "y", "n", "~"]
        let simple =
            !text.isEmpty && !reserved.contains(text)
            && text.first.map { $0.isLetter || $0 == "_" } == true
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)) }
        return simple ? text : JSONWriter.quoted(text)
    }
}
