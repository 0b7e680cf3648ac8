import Hummingbird
import Logging

/// The outermost middleware: turns every error into a JSON answer (an unexpected one into a
/// bare 500, no internals), counts the request for the metrics, and logs one line per request
/// (method, route, status, milliseconds; the request id is in the logger's `hb.request.id`; never a body or a header).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let metrics: ServerMetrics
    let inFlight: InFlight

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        let admitted = await inFlight.enter()
        do {
            guard admitted else {
                throw APIError(.serviceUnavailable, "the server is shutting down", headers: [.retryAfter: "5", .connection: "close"])
            }
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such route: \(request.method) \(request.uri.path)" : error.status.reasonPhrase)
            response = try APIError(error.status, message, headers: error.headers).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try APIError(error.status, error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            context.logger.error("internal error", metadata: ["error.type": "\(type(of: error))"])
            response = try APIError(.internalServerError, "internal error").response(from: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = context.id
        let route = context.endpointPath ?? "unmatched"
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if admitted { response.body = Self.tracked(response.body, by: inFlight) }
        metrics.count(method: request.method.rawValue, route: route, status: Int(response.status.code))
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ])
        return response
    }

    /// The body written in chunks of 64 KiB (so each write waits while the peer is slow), and
    /// the request counted out of flight once its last byte was handed over.
    static func tracked(_ body: ResponseBody, by inFlight: InFlight) -> ResponseBody {
        ResponseBody(contentLength: body.contentLength) { writer in
            let copy = body
            do {
                try await copy.write(ChunkedWriter(base: writer))
            } catch {
                await inFlight.leave()
                throw error
            }
            await inFlight.leave()
        }
    }
}

/// Splits each buffer into 64 KiB writes.
struct ChunkedWriter: ResponseBodyWriter {
    var base: any ResponseBodyWriter

    mutating func write(_ buffer: ByteBuffer) async throws {
        var rest = buffer
        while rest.readableBytes > 65536 {
            try await base.write(rest.readSlice(length: 65536)!)
        }
        try await base.write(rest)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await base.finish(trailingHeaders)
    }
}

/// With `--api-key-file`, every route but health and metrics needs `Authorization: Bearer KEY`,
/// compared in constant time; 401 otherwise. The key is never logged or echoed.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let key: String?

    static let open: Set<String> = ["/v1/health", "/metrics"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key, !Self.open.contains(request.uri.path) else { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        let presented = given.hasPrefix(prefix) ? String(given.dropFirst(prefix.count)) : ""
        guard Self.constantTimeEqual(Array(presented.utf8), Array(key.utf8)) else {
            throw APIError(
                .unauthorized, given.isEmpty ? "this server needs Authorization: Bearer KEY" : "the API key is wrong",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// Equal bytes, in a time that depends on the lengths only.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
