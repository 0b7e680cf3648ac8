import RotaCore
import RotaFormat

/// Reads a policy file in JSON or YAML (docs/POLICY.md): a file named `*.yaml` or `*.yml`,
/// or whose first character (after white space) is not `{`, is YAML. Errors name the file and
/// the path, and for YAML the line (`policy.yaml:4: weights.sla: …`).
package enum PolicyFileLoader {
    /// Whether the file is read as YAML.
    package static func isYAML(path: String, bytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return true }
        if lower.hasSuffix(".json") { return false }
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return true }
        return first != UInt8(ascii: "{")
    }

    /// Reads and decodes the policy file at `path` (`-` is standard input).
    package static func load(from path: String) throws(InputErrors) -> PolicyFile {
        // A `.json` file gets the JSON sniff (refused at once unless it starts with `{` or `[`).
        let bytes = try InputFile.read(path, as: path.lowercased().hasSuffix(".json") ? .json : .text)
        return try decode(bytes, file: InputFile.label(path), yaml: isYAML(path: path, bytes: bytes))
    }

    /// Decodes a policy file's bytes, as YAML or as JSON.
    package static func decode(_ bytes: [UInt8], file: String?, yaml: Bool) throws(InputErrors) -> PolicyFile {
        guard yaml else { return try RotaJSON.decodePolicyFile(RotaJSON.parse(bytes, file: file), file: file) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputErrors(InputError(file: file, path: "", message: "expected UTF-8 text"))
        }
        let parsed = try YAMLDocument.parse(text, file: file)
        do {
            var decoded = try RotaJSON.decodePolicyFile(parsed.value, file: file)
            decoded.warnings = decoded.warnings.map { located($0, lines: parsed.lines) }
            return decoded
        } catch {
            throw InputErrors(error.errors.map { located($0, lines: parsed.lines) })
        }
    }

    /// The error with the YAML line of its path, or of the nearest enclosing path that has one.
    private static func located(_ error: InputError, lines: [String: Int]) -> InputError {
        var error = error
        var path = Substring(error.path)
        while error.line == nil {
            if let line = lines[String(path)] {
                error.line = line
                break
            }
            guard !path.isEmpty else { break }
            if let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) {
                path = path[..<cut]
            } else {
                path = ""
            }
        }
        return error
    }
}
