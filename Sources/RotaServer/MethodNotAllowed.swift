import Hummingbird

/// Answers 405 with `Allow` when the path is one of the router's but the method is not (TRACE,
/// PUT, HEAD on `/v1/solve`, …); the router alone answers 404 for both. Added after the routes, so
/// it wraps only the router's not-found answer, behind the request log and the key check.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// One route: its path components (nil for a parameter such as `{id}`) and its method.
    struct Route: Sendable {
        var components: [String?]
        var method: String
    }

    let routes: [Route]

    /// The routes of `router`, as `router.routes` lists them.
    init(routesOf router: Router<BasicRequestContext>) {
        routes = router.routes.map { route in
            Route(
                components: route.path.components.map { component in
                    let text = "\(component)"
                    return text.hasPrefix(":") || text.hasPrefix("{") ? nil : text
                },
                method: route.method.rawValue)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(path: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            let list = allowed.joined(separator: ", ")
            throw APIError(
                .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(list)",
                headers: [.allow: list])
        }
    }

    /// The methods the router has for `path`, sorted; empty when it has no such path.
    func allowedMethods(path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let methods = routes.filter { route in
            route.components.count == parts.count
                && zip(route.components, parts).allSatisfy { pattern, part in pattern == nil || pattern == part }
        }.map(\.method)
        return Array(Set(methods)).sorted()
    }
}
