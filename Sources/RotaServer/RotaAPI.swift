import Foundation
import Hummingbird
import Rota

/// The state the routes share: options, the schedule store, the gates for solves and report
/// pages, and the metrics.
package final class RotaAPI: Sendable {
    package let options: ServerOptions
    package let store: ScheduleStore
    /// Solves: solve, schedule creation, event batches (`--max-solves`, `--queue`).
    package let gate: WorkGate
    /// Report pages (`--max-reports`, `--report-queue`): each decodes a stored instance and plan
    /// and renders a page that can reach tens of megabytes.
    package let reportGate: WorkGate
    package let metrics: ServerMetrics
    /// The requests in flight, drained on shutdown.
    package let inFlight = InFlight()

    package init(options: ServerOptions, store: ScheduleStore, metrics: ServerMetrics = ServerMetrics()) {
        self.options = options
        self.store = store
        self.metrics = metrics
        self.gate = WorkGate(slots: options.maxSolves, queueLimit: options.queue, metrics: metrics.solves)
        self.reportGate = WorkGate(slots: options.maxReports, queueLimit: options.reportQueue, metrics: metrics.reports)
    }

    /// The router with every route and the middleware (request log, errors, authentication, 405).
    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics, inFlight: inFlight))
        router.add(middleware: AuthMiddleware(key: options.apiKey))
        addOperationRoutes(to: router)
        addStatelessRoutes(to: router)
        addScheduleRoutes(to: router)
        addReportRoute(to: router)
        // After the routes: it wraps only the not-found answer (405 for a known path).
        router.add(middleware: MethodNotAllowedMiddleware(routesOf: router))
        return router
    }

    /// The options of one solve, made when it takes its slot: the default work budgets (the same
    /// plan as `rota solve`), stopped with the best plan found once `--solve-seconds` have
    /// passed, as Ctrl-C stops the command. (A `timeLimit` would instead be a budget the auto
    /// solver spends on improving the plan, making every request last that long.)
    func solveOptions() -> SolveOptions {
        var options = SolveOptions()
        let deadline = ContinuousClock.now + .milliseconds(Int64(self.options.solveSeconds * 1000))
        options.shouldStop = { ContinuousClock.now >= deadline }
        return options
    }

    /// The solver named by the `solver` query parameter (default auto).
    func solver(_ request: Request) throws -> (name: String, solver: any Solver) {
        let name = request.uri.queryParameters["solver"].map(String.init) ?? SolverCatalog.defaultName
        guard let solver = SolverCatalog.solver(named: name) else {
            throw APIError(.badRequest, "unknown solver '\(name)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        return (name, solver)
    }

    /// Plans `instance` in a solve slot and returns the outcome; a plan that breaks a rule is
    /// never returned.
    func solve(_ instance: Instance, with chosen: (name: String, solver: any Solver)) async throws -> PlanningOutcome {
        let outcome = try await gate.run { () throws -> PlanningOutcome in
            do {
                return try Planner().plan(instance, with: chosen.solver, options: self.solveOptions())
            } catch let conflicts as OverrideConflicts {
                throw APIError.overrides(conflicts.conflicts, origin: "instance: overrides")
            } catch {
                throw APIError(.internalServerError, "solver \(chosen.name) failed")
            }
        }
        guard outcome.validation.isFeasible else {
            throw APIError(.internalServerError, "solver \(chosen.name) produced a plan that breaks the rules; nothing was stored")
        }
        return outcome
    }

    /// The time now, RFC 3339 (UTC), as audit records carry it.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// Building responses.
enum Reply {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        json(JSONWriter.write(value), status: status, headers: headers)
    }

    static func text(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"key": <raw JSON>, …}` from members whose values are JSON bytes already.
    static func object(_ members: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = Array("{".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { out += Array(",".utf8) }
            out += JSONWriter.encodedString(member.0) + Array(":".utf8)
            out += member.1
        }
        return out + Array("}\n".utf8)
    }
}
