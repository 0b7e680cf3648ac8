import RotaCore
import RotaFormat
import Yams

/// Reads a YAML document as a `JSONValue`, so YAML files go through the same decoders as JSON.
///
/// Mappings become objects (keys in the order written), sequences arrays, and plain scalars
/// what YAML 1.2's core schema makes of them (`null`, booleans, integers, floats, strings);
/// quoted scalars stay strings. Each value's line is kept by its JSON path, so errors found
/// later by path can still name the line.
package enum YAMLDocument {
    /// The document and the 1-based line of each path (`""` is the root).
    package struct Parsed: Sendable {
        package var value: JSONValue
        package var lines: [String: Int]
    }

    /// Parses `text`; a YAML syntax error becomes an `InputErrors` naming the line.
    package static func parse(_ text: String, file: String?) throws(InputErrors) -> Parsed {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputErrors([Self.describe(error, file: file)])
        } catch {
            throw InputErrors([InputError(file: file, path: "", message: "malformed YAML: \(error)")])
        }
        guard let node else {
            throw InputErrors([InputError(file: file, path: "", message: "empty YAML document")])
        }
        var lines: [String: Int] = [:]
        var problems: [InputError] = []
        let value = convert(node, path: "", lines: &lines, problems: &problems, file: file)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return Parsed(value: value, lines: lines)
    }

    private static func convert(
        _ node: Node, path: String, lines: inout [String: Int], problems: inout [InputError], file: String?
    ) -> JSONValue {
        if let mark = node.mark { lines[path] = mark.line }
        switch node {
        case .scalar(let scalar):
            return value(of: scalar)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { k, element in
                convert(element, path: path + "[\(k)]", lines: &lines, problems: &problems, file: file)
            })
        case .mapping(let mapping):
            var members: [(key: String, value: JSONValue)] = []
            for (key, element) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    problems.append(
                        InputError(
                            file: file, path: path, message: "a mapping key must be a plain value",
                            line: key.mark?.line))
                    continue
                }
                let name = keyScalar.string
                let child = JSONReaderPath.appending(path, key: name)
                if let mark = key.mark { lines[child] = mark.line }
                let converted = convert(element, path: child, lines: &lines, problems: &problems, file: file)
                if let mark = key.mark { lines[child] = mark.line }
                members.append((key: name, value: converted))
            }
            return .object(members)
        }
    }

    /// A plain scalar as YAML 1.2's core schema reads it; a quoted one is a string.
    private static func value(of scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = Int(text) { return .integer(integer) }
        if Self.looksNumeric(text), let number = Double(text), number.isFinite { return .number(number) }
        return .string(text)
    }

    /// Digits with an optional sign, point and exponent (not `inf`, `nan` or hex).
    private static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return false }
        return text.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
    }

    private static func describe(_ error: YamlError, file: String?) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return InputError(
                file: file, path: "",
                message: "malformed YAML at line \(mark.line), column \(mark.column): \(what)", line: mark.line)
        default:
            return InputError(file: file, path: "", message: "malformed YAML: \(error)")
        }
    }
}
