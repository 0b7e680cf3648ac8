import Foundation
import Rota
import Testing

@testable import RotaServer

/// docs/openapi.json (served as is) lists every route the router has, and no other.
@Suite struct OpenAPIDocumentTests {
    @Test func theDocumentListsExactlyTheRouterRoutes() throws {
        let folder = try ServerHarness.folder()
        let store = try ScheduleStore(path: folder + "/rota.sqlite")
        defer { try? store.close() }
        let router = RotaAPI(options: ServerOptions(), store: store).router()
        let routed = Set(
            router.routes.map { route in
                let path = route.path.components.map { component in
                    let text = "\(component)"
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }
                return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
            })
        let data = try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(routed == documented)
        #expect(routed.count == 15)
        #expect(OpenAPIDocument.bytes == Array(data))
    }

    @Test func everyDocumentedReferenceResolves() throws {
        let data = try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))
        let text = String(decoding: data, as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let references = text.components(separatedBy: "\"$ref\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(references.count > 50)
        for reference in references {
            #expect(reference.hasPrefix("#/components/schemas/"), "\(reference)")
            // A JSON pointer into the document (`#/components/schemas/Instance/$defs/order`).
            var node: Any? = document
            for token in reference.dropFirst(2).split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                node = (node as? [String: Any])?[key]
            }
            #expect(node is [String: Any], "\(reference)")
        }
    }

    /// The document's Instance, Plan and Event schemas are docs/schema/*.schema.json (without
    /// `$schema` and `$id`, references pointing into the components); request bodies use them too.
    @Test func theMirroredSchemasAreTheBundledOnes() throws {
        let schemas = try Self.schemas()
        let names = [("instance", "Instance"), ("plan", "Plan"), ("events", "Event")]
        for (file, component) in names {
            let data = try Bodies.file(ServerHarness.repositoryFile("docs/schema/\(file).schema.json"))
            var bundled = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            bundled["$schema"] = nil
            bundled["$id"] = nil
            let expected = Self.rewritingReferences(bundled) { reference in
                if reference.hasPrefix("#/$defs/") { return "#/components/schemas/\(component)/" + reference.dropFirst(2) }
                let urn = reference.prefix { $0 != "#" }
                let target = ["urn:rota:schema:fulfillment-instance:1": "Instance", "urn:rota:schema:fulfillment-plan:1": "Plan"][String(urn)]
                return "#/components/schemas/\(target ?? "?")/" + reference.dropFirst(urn.count + 2)
            }
            #expect(try Self.canonical(expected) == Self.canonical(schemas[component] as Any), "\(component)")
        }
    }

    /// The `solver` parameter's values are `rota solvers`' names.
    @Test func theSolverParameterListsEverySolver() throws {
        let data = try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        var seen = 0
        for (_, operations) in paths {
            for (_, operation) in operations {
                for parameter in operation["parameters"] as? [[String: Any]] ?? [] where parameter["name"] as? String == "solver" {
                    let schema = try #require(parameter["schema"] as? [String: Any])
                    #expect(schema["enum"] as? [String] == SolverCatalog.names)
                    seen += 1
                }
            }
        }
        #expect(seen == 3)
    }

    /// Every link names a documented operation and only parameters that operation has.
    @Test func everyLinkNamesAnOperationAndItsParameters() throws {
        let data = try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        var operations: [String: Set<String>] = [:]
        for (_, methods) in paths {
            for (_, operation) in methods {
                let id = try #require(operation["operationId"] as? String)
                let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { "\($0["in"]!).\($0["name"]!)" }
                operations[id] = Set(parameters)
            }
        }
        var links = 0
        for (_, methods) in paths {
            for (_, operation) in methods {
                for (_, response) in operation["responses"] as? [String: [String: Any]] ?? [:] {
                    for (name, link) in response["links"] as? [String: [String: Any]] ?? [:] {
                        let target = try #require(link["operationId"] as? String, "\(name)")
                        let parameters = try #require(operations[target], "\(name) → \(target)")
                        for key in (link["parameters"] as? [String: Any] ?? [:]).keys {
                            #expect(parameters.contains(key), "\(name): \(key)")
                        }
                        links += 1
                    }
                }
            }
        }
        #expect(links >= 10)
    }

    private static func schemas() throws -> [String: Any] {
        let data = try Bodies.file(ServerHarness.repositoryFile("docs/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
    }

    /// `value` with every `$ref` string passed through `rewrite`.
    private static func rewritingReferences(_ value: Any, _ rewrite: (String) -> String) -> Any {
        if let object = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, member) in object {
                out[key] = key == "$ref" ? rewrite(member as! String) : rewritingReferences(member, rewrite)
            }
            return out
        }
        if let array = value as? [Any] { return array.map { rewritingReferences($0, rewrite) } }
        return value
    }

    private static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    @Test func keysCompareInConstantTimeAndExactly() {
        #expect(AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual([], Array("a".utf8)))
    }
}
