import Foundation
import Rota
import Yams

/// Reads a YAML document into the same `JSONValue` a JSON file gives, so a grid decodes and
/// reports errors (by path) alike in both: mappings keep their order, scalars take YAML's
/// core types (int, float, bool, null, else string); a mapping key is its scalar's text.
enum YAMLDocument {
    static func parse(_ text: String, file: String) throws(InputErrors) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw InputErrors(InputError(file: file, path: "", message: "not valid YAML: \(error)"))
        }
        guard let node else {
            throw InputErrors(InputError(file: file, path: "", message: "an empty YAML document"))
        }
        return value(node)
    }

    static func value(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case "tag:yaml.org,2002:int": return node.int.map(JSONValue.integer) ?? .string(scalar.string)
            case "tag:yaml.org,2002:float": return node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.map(value))
        case .mapping(let mapping):
            return .object(mapping.map { pair in (key: pair.key.string ?? "\(pair.key)", value: value(pair.value)) })
        }
    }
}
