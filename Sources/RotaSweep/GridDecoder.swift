import Rota
import RotaYAML

/// Reads a sweep grid (JSON, or YAML through `YAMLDocument`) into its weight vectors.
///
/// Two forms:
/// - a list of weight objects, each like a policy's `weights`:
///   `[{"sla": 0.35, "value": 0.2}, {"sla": 0.5, "value": 0.1}]`;
/// - axes, whose cartesian product is the grid, optionally normalised so each vector sums to 1:
///   `{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": 0.1}, "value": [0.1, 0.2], "risk": 0.1},
///   "normalize": true}`. An axis is a number (fixed), a non-empty list of numbers, or a range
///   `{from, to, step}` (`from`, `from + step`, … up to `to` inclusive, rounded to 9 decimals).
///
/// Weights are finite numbers from 0 to 1,000,000 (as in a policy). Every problem is reported
/// with its JSON path (`axes.sla.step: must be more than 0`); a list with the same vector
/// twice is refused, while normalised products that coincide (`{0.2, 0.2}` and
/// `{0.4, 0.4}`) are kept once, in the place of the first.
package enum GridDecoder {
    /// Most values one range may give, and most vectors a grid may expand to.
    static let maxAxisValues = 10_000
    static let maxVectors = 100_000
    static let maxWeight = 1_000_000.0

    /// Decodes the grid file at `path`: YAML when its name ends in `.yaml` or `.yml`, JSON otherwise.
    package static func load(_ path: String) throws(InputErrors) -> SweepGrid {
        let bytes = try InputFile.read(path, as: .text)
        let label = InputFile.label(path)
        let document: JSONValue
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            document = try YAMLDocument.parse(String(decoding: bytes, as: UTF8.self), file: label).value
        } else {
            document = try RotaJSON.parse(bytes, file: label)
        }
        return try decode(document, file: label)
    }

    package static func decode(_ document: JSONValue, file: String?) throws(InputErrors) -> SweepGrid {
        var errors = Errors(file: file)
        let vectors: [WeightVector]
        switch document {
        case .array(let elements):
            vectors = list(elements, &errors)
        case .object(let members):
            vectors = axes(members, &errors)
        default:
            errors.fail("", "expected a list of weight objects or an object with \"axes\", got \(document.kindDescription)")
            vectors = []
        }
        if errors.list.isEmpty && vectors.isEmpty { errors.fail("", "the grid has no weight vectors") }
        guard errors.list.isEmpty else { throw InputErrors(errors.list) }
        return SweepGrid(vectors: vectors)
    }

    // MARK: An explicit list

    private static func list(_ elements: [JSONValue], _ errors: inout Errors) -> [WeightVector] {
        var vectors: [WeightVector] = []
        var seen: [WeightVector: Int] = [:]
        for (index, element) in elements.enumerated() {
            let path = "[\(index)]"
            guard case .object(let members) = element else {
                errors.fail(path, "expected a weight object such as {\"sla\": 0.35, \"value\": 0.2}, got \(element.kindDescription)")
                continue
            }
            var pairs: [(String, Double)] = []
            var names: Set<String> = []
            for member in members {
                let at = Path.key(path, member.key)
                guard name(member.key, at, names: &names, &errors) else { continue }
                if let value = weight(member.value, at, &errors) { pairs.append((member.key, value)) }
            }
            if members.isEmpty { errors.fail(path, "an empty weight object; name at least one weight") }
            let vector = WeightVector(pairs)
            if let first = seen[vector] {
                errors.fail(path, "the same weights as [\(first)]; list each vector once")
            } else {
                seen[vector] = index
                vectors.append(vector)
            }
        }
        return vectors
    }

    // MARK: Axes

    private static func axes(_ members: [(key: String, value: JSONValue)], _ errors: inout Errors) -> [WeightVector] {
        var axesValue: JSONValue?
        var normalize = false
        for member in members {
            switch member.key {
            case "axes": axesValue = member.value
            case "normalize":
                if case .bool(let flag) = member.value { normalize = flag } else {
                    errors.fail("normalize", "expected true or false, got \(member.value.kindDescription)")
                }
            default:
                errors.fail(Path.key("", member.key), "unknown key; a grid object has \"axes\" and \"normalize\" (or write a list of weight objects)")
            }
        }
        guard let axesValue else {
            errors.fail("axes", "missing; give each weight an axis, e.g. \"axes\": {\"sla\": [0.3, 0.4], \"value\": 0.2}")
            return []
        }
        guard case .object(let axisMembers) = axesValue, !axisMembers.isEmpty else {
            errors.fail("axes", "expected an object of weight axes, got \(axesValue.kindDescription)")
            return []
        }
        var names: [String] = []
        var seenNames: Set<String> = []
        var values: [[Double]] = []
        for member in axisMembers {
            let path = Path.key("axes", member.key)
            guard name(member.key, path, names: &seenNames, &errors) else { continue }
            if let axis = axis(member.value, path, &errors) {
                names.append(member.key)
                values.append(axis)
            }
        }
        guard errors.list.isEmpty else { return [] }
        let total = values.reduce(1.0) { $0 * Double($1.count) }
        guard total <= Double(maxVectors) else {
            errors.fail("axes", "the axes give \(Int(total)) vectors, more than \(maxVectors); use fewer values or larger steps")
            return []
        }
        var vectors: [WeightVector] = []
        var seen: Set<WeightVector> = []
        var position = [Int](repeating: 0, count: values.count)
        for _ in 0..<Int(total) {
            var vector = WeightVector(names: names, values: zip(values, position).map { $0[$1] })
            if normalize {
                let sum = vector.values.reduce(0, +)
                guard sum > 0 else {
                    errors.fail("axes", "the vector \(CompactJSON.string(vector.json)) sums to 0 and cannot be normalised; start the ranges above 0")
                    return []
                }
                vector.values = vector.values.map { rounded($0 / sum) }
            }
            if seen.insert(vector).inserted { vectors.append(vector) }
            // The next position, the last axis fastest.
            var axisIndex = values.count - 1
            while axisIndex >= 0 {
                position[axisIndex] += 1
                if position[axisIndex] < values[axisIndex].count { break }
                position[axisIndex] = 0
                axisIndex -= 1
            }
        }
        return vectors
    }

    private static func axis(_ value: JSONValue, _ path: String, _ errors: inout Errors) -> [Double]? {
        switch value {
        case .integer, .number:
            return weight(value, path, &errors).map { [$0] }
        case .array(let elements):
            guard !elements.isEmpty else {
                errors.fail(path, "an empty list; give at least one weight")
                return nil
            }
            var list: [Double] = []
            var failed = false
            for (index, element) in elements.enumerated() {
                if let weight = weight(element, path + "[\(index)]", &errors) { list.append(weight) } else { failed = true }
            }
            return failed ? nil : list
        case .object(let members):
            return range(members, path, &errors)
        default:
            errors.fail(path, "expected a weight, a list of weights or a range {\"from\", \"to\", \"step\"}, got \(value.kindDescription)")
            return nil
        }
    }

    private static func range(_ members: [(key: String, value: JSONValue)], _ path: String, _ errors: inout Errors) -> [Double]? {
        var fields: [String: Double] = [:]
        var failed = false
        for member in members {
            let at = Path.key(path, member.key)
            guard ["from", "to", "step"].contains(member.key) else {
                errors.fail(at, "unknown key; a range has \"from\", \"to\" and \"step\"")
                failed = true
                continue
            }
            let parsed = member.key == "step" ? positive(member.value, at, &errors) : weight(member.value, at, &errors)
            if let parsed { fields[member.key] = parsed } else { failed = true }
        }
        for key in ["from", "to", "step"] where fields[key] == nil && !members.contains(where: { $0.key == key }) {
            errors.fail(Path.key(path, key), "missing")
            failed = true
        }
        guard !failed, let from = fields["from"], let to = fields["to"], let step = fields["step"] else { return nil }
        guard to >= from else {
            errors.fail(Path.key(path, "to"), "\(NumberText.plain(to)) is below from (\(NumberText.plain(from))); swap them")
            return nil
        }
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        guard count <= maxAxisValues else {
            errors.fail(Path.key(path, "step"), "the range gives \(count) values, more than \(maxAxisValues); use a larger step")
            return nil
        }
        return (0..<count).map { rounded(from + Double($0) * step) }
    }

    /// Rounds to 9 decimals, so `0.2 + 3 × 0.1` is `0.5`, not `0.5000000000000001`.
    static func rounded(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

    private static func name(_ key: String, _ path: String, names: inout Set<String>, _ errors: inout Errors) -> Bool {
        if key.isEmpty || key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            errors.fail(path, "a weight name must be non-empty text without control characters")
            return false
        }
        guard names.insert(key).inserted else {
            errors.fail(path, "a duplicate weight name")
            return false
        }
        return true
    }

    private static func weight(_ value: JSONValue, _ path: String, _ errors: inout Errors) -> Double? {
        guard let number = value.doubleValue else {
            errors.fail(path, "expected a number, got \(value.kindDescription)")
            return nil
        }
        guard number.isFinite, number >= 0, number <= maxWeight else {
            errors.fail(path, "\(NumberText.plain(number)) is outside 0…1,000,000 (weights are like a policy's)")
            return nil
        }
        return number
    }

    private static func positive(_ value: JSONValue, _ path: String, _ errors: inout Errors) -> Double? {
        guard let number = value.doubleValue else {
            errors.fail(path, "expected a number, got \(value.kindDescription)")
            return nil
        }
        guard number.isFinite, number > 0 else {
            errors.fail(path, "must be more than 0")
            return nil
        }
        return number
    }
}

/// Problems found while decoding, each with its path.
struct Errors {
    var file: String?
    var list: [InputError] = []

    mutating func fail(_ path: String, _ message: String) {
        list.append(InputError(file: file, path: path, message: message))
    }
}

/// JSON paths as rota's errors write them: `axes.sla.step`, `[2].value`, `axes["odd key"]`.
enum Path {
    static func key(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar)
        } && !("0"..."9").contains(key.unicodeScalars.first!)
        if plain { return path.isEmpty ? key : path + "." + key }
        return path + "[" + JSONWriter.quoted(key) + "]"
    }
}
