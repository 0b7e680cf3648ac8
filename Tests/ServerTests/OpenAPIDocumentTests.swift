import Foundation
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
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let references = text.components(separatedBy: "\"#/components/schemas/").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!references.isEmpty)
        for reference in references { #expect(schemas[String(reference)] != nil, "\(reference)") }
    }

    @Test func keysCompareInConstantTimeAndExactly() {
        #expect(AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!AuthMiddleware.constantTimeEqual([], Array("a".utf8)))
    }
}
