import Foundation
import Hummingbird
import Rota

/// An error answered to the client: a status and a JSON body
/// `{"error": {"status": 400, "message": "...", "errors": ["instance: accounts[0].id: missing", ...]}}`.
///
/// The messages are those the command line prints (file, JSON path or line, what is wrong),
/// never a stack trace or an internal type name.
package struct APIError: Error, HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    package var message: String
    /// One line per input problem, as `rota` prints them.
    package var errors: [String]
    /// Extra headers (`Retry-After` on 429, `WWW-Authenticate` on 401).
    package var headers: HTTPFields

    package init(_ status: HTTPResponse.Status, _ message: String, errors: [String] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers
    }

    /// 400 with every problem of a body, as the command line reports them.
    package static func badInput(_ problems: InputErrors, what: String = "bad input") -> APIError {
        APIError(.badRequest, "\(what): \(problems.errors.count) problem(s)", errors: problems.errors.map(\.description))
    }

    /// 400 for overrides that cannot be honoured: each conflict names its line and the rule it
    /// would break, as `rota solve` and `rota reschedule` print them.
    package static func overrides(_ conflicts: [OverrideConflict], origin: String) -> APIError {
        APIError(
            .badRequest, "\(origin): an override cannot be honoured; change or remove it (or the caps it runs into)",
            errors: conflicts.map(\.description))
    }

    package static func notFound(_ what: String) -> APIError { APIError(.notFound, what) }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The JSON body.
    package var body: [UInt8] {
        var object: [String: Any] = ["status": Int(status.code), "message": message]
        if !errors.isEmpty { object["errors"] = errors }
        let data = (try? JSONSerialization.data(withJSONObject: ["error": object], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data) + [UInt8(ascii: "\n")]
    }
}
