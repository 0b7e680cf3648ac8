import Hummingbird
import Rota

extension RotaAPI {
    /// `GET /v1/health`, `GET /metrics`, `GET /openapi.json`: answered on the event loop, never
    /// behind a solve.
    func addOperationRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/health") { _, _ in
            Reply.json(.object([(key: "status", value: .string("ok")), (key: "version", value: .string(RotaVersion.current))]))
        }
        router.get("/metrics") { [metrics] _, _ in
            Reply.text(metrics.text(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in
            Reply.json(OpenAPIDocument.bytes)
        }
    }
}

/// The OpenAPI 3.1 document (docs/openapi.json, embedded in the binary at build time).
enum OpenAPIDocument {
    static let bytes: [UInt8] = PackageResources.openapi_json
}
