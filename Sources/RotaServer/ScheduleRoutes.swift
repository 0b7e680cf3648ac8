import Foundation
import Hummingbird
import Rota
import RotaAudit

extension RotaAPI {
    /// The schedule store's routes (docs/SERVER.md): create, read, post events, read a version,
    /// the audit trail and the KPIs (the report is in ReportRoute.swift).
    func addScheduleRoutes(to router: Router<BasicRequestContext>) {
        let limit = options.maxBody
        router.post("/v1/schedules") { request, _ in
            let chosen = try self.solver(request)
            let actor = try Self.actor(request)
            let bytes = try await RequestBody.bytes(request, limit: limit)
            let instance = try await Offload.run { try RequestBody.bareInstance(bytes) }
            let outcome = try await self.solve(instance, with: chosen)
            let instanceBytes = RotaJSON.encode(instance)
            let plan = RotaJSON.encode(outcome.plan.annotated(for: instance))
            let at = Self.now()
            let run = outcome.run
            let record = AuditRecord(
                at: at, actor: actor, kind: .replanned,
                why: "first plan: makespan \(outcome.metrics.makespan), \(outcome.metrics.unscheduled) unscheduled",
                run: .init(
                    solver: run.name, status: run.status.rawValue, versions: run.versions, inputPlan: AuditDigest.named([]),
                    outputPlan: AuditDigest.named(plan)))
            let id = try await self.store.create(instance: instanceBytes, plan: plan, audit: [record], at: at)
            return Reply.json(
                Reply.object([("id", JSONWriter.encodedString(id)), ("version", Array("1".utf8)), ("plan", plan)]), status: .created,
                headers: [.location: "/v1/schedules/\(id)", .eTag: "\"1\""])
        }
        router.get("/v1/schedules/{id}") { _, context in
            let stored = try await self.stored(context)
            return Reply.json(
                Reply.object([
                    ("id", JSONWriter.encodedString(stored.schedule)), ("version", Array(String(stored.version).utf8)),
                    ("instance", stored.instance), ("plan", stored.plan),
                ]), headers: [.eTag: "\"\(stored.version)\""])
        }
        router.get("/v1/schedules/{id}/plan") { request, context in
            let stored = try await self.stored(context, version: Self.versionParameter(request, "version"))
            return Reply.json(stored.plan, headers: [.eTag: "\"\(stored.version)\""])
        }
        router.post("/v1/schedules/{id}/events") { request, context in
            try await self.postEvents(request, context)
        }
        router.get("/v1/schedules/{id}/audit") { request, context in
            let id = try context.parameters.require("id")
            let since = request.uri.queryParameters["since"].map(String.init)
            if let since, Day(iso: since) == nil {
                throw APIError(.badRequest, "since: expects a date YYYY-MM-DD, got \(since)")
            }
            let line = request.uri.queryParameters["line"].map(String.init)
            guard try await self.store.exists(id) else { throw APIError.notFound("no schedule \(id)") }
            let lines = try await self.store.auditLines(of: id, since: since, line: line)
            return Reply.text(Array(lines.map { $0 + "\n" }.joined().utf8), type: "application/x-ndjson")
        }
        router.get("/v1/schedules/{id}/kpis") { _, context in
            let stored = try await self.stored(context)
            let score = try await Offload.run {
                let instance = try RotaJSON.decodeInstance(stored.instance, file: "stored instance")
                let plan = try RotaJSON.decodePlan(stored.plan, file: "stored plan")
                return Scoring.json(instance: instance, plan: plan)
            }
            return Reply.json(
                Reply.object([("id", JSONWriter.encodedString(stored.schedule)), ("version", Array(String(stored.version).utf8)), ("kpis", Array(score.dropLast(score.last == 10 ? 1 : 0)))]),
                headers: [.eTag: "\"\(stored.version)\""])
        }
    }

    /// The schedule `{id}`'s current version, or `version`; 404 when there is no such schedule
    /// or version.
    func stored(_ context: BasicRequestContext, version: Int? = nil) async throws -> StoredVersion {
        let id = try context.parameters.require("id")
        guard let stored = try await store.version(of: id, version) else {
            if let version, try await store.exists(id) {
                throw APIError.notFound("schedule \(id) has no plan version \(version)")
            }
            throw APIError.notFound("no schedule \(id)")
        }
        return stored
    }

    /// Who posts: the `actor` query parameter or the `Rota-Actor` header, else `api`; 400 when
    /// it is empty or has a control character (an audit record's actor is a printable name).
    static func actor(_ request: Request) throws -> String {
        let actor = request.uri.queryParameters["actor"].map(String.init) ?? request.headers[.init("Rota-Actor")!] ?? "api"
        guard !actor.isEmpty, !actor.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw APIError(.badRequest, "actor: expected a name without control characters, got \(actor.debugDescription)")
        }
        return actor
    }

    /// `POST /v1/schedules/{id}/events`: the batch → the library's reschedule → version N+1,
    /// stored with its events and audit records in one transaction.
    private func postEvents(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let todayText =
            request.uri.queryParameters["today"].map(String.init) ?? request.headers[.init("Rota-Today")!]
            ?? String(Self.now().prefix(10))
        guard let today = Day(iso: todayText) else {
            throw APIError(.badRequest, "today: expects a date YYYY-MM-DD, got \(todayText)")
        }
        let expected = try Self.ifMatch(request)
        let chosen = try solver(request)
        let actor = try Self.actor(request)
        let bytes = try await RequestBody.bytes(request, limit: options.maxBody)
        let current = try await stored(context)
        if let expected, expected != current.version {
            throw APIError(
                .conflict, "the schedule is at version \(current.version), not \(expected): read it again and rebase the events",
                headers: [.eTag: "\"\(current.version)\""])
        }
        let (situation, lines) = try await Offload.run { () throws -> (RescheduleSituation, [UInt8]) in
            let instance = try RotaJSON.decodeInstance(current.instance, file: "stored instance")
            // The instance's policy may add override reason codes (docs/POLICY.md).
            let (events, lines) = try RequestBody.events(
                bytes, reasonCodes: instance.policy?.overrideReasonCodes ?? Override.standardReasonCodes)
            let plan = try RotaJSON.decodePlan(current.plan, file: "stored plan")
            let situation: RescheduleSituation
            do {
                situation = try EventApplier(instance: instance, plan: plan, today: today).apply(events)
            } catch let error as InputErrors {
                let located = error.errors.map { e in
                    InputError(file: e.line == nil ? nil : "events", path: e.path, message: e.message, line: e.line)
                }
                throw APIError.badInput(InputErrors(located), what: "the events do not apply")
            }
            // Overrides are hard constraints: one that cannot be honoured is refused before
            // solving, with the rule it would break, as `rota reschedule` refuses it.
            if !situation.instance.overrides.isEmpty {
                let placement = OverridePlacement(PlanningProblem(situation.instance))
                if !placement.isFeasible { throw APIError.overrides(placement.conflicts, origin: "events") }
            }
            return (situation, lines)
        }
        let outcome = try await gate.run { () throws -> RescheduleOutcome in
            do {
                return try Rescheduler(solver: chosen.solver, options: self.solveOptions()).replan(situation)
            } catch let conflicts as OverrideConflicts {
                throw APIError.overrides(conflicts.conflicts, origin: "events")
            } catch {
                throw APIError(.internalServerError, "solver \(chosen.name) failed")
            }
        }
        guard outcome.outcome.validation.isFeasible else {
            throw APIError(.internalServerError, "the new plan breaks the rules; nothing was stored")
        }
        // The lines section speaks of the new instance, as `rota reschedule` writes it.
        let plan = RotaJSON.encode(outcome.outcome.plan.annotated(for: situation.instance))
        let at = Self.now()
        let records = RescheduleAudit.records(
            situation: situation, outcome: outcome, actor: actor, at: at, inputPlan: current.plan, outputPlan: plan)
        let result = try await store.commit(
            schedule: current.schedule, base: current.version, today: todayText, events: lines,
            instance: RotaJSON.encode(situation.instance), plan: plan, audit: records, at: at)
        switch result {
        case .stale(let now):
            throw APIError(
                .conflict, "the schedule moved to version \(now) while this batch was replanned: read it again and rebase the events",
                headers: [.eTag: "\"\(now)\""])
        case .committed(let version):
            let summary: JSONValue = .object([
                (key: "kept", value: .integer(outcome.kept)),
                (key: "applied", value: .integer(situation.applied.count)),
                (key: "deferred", value: .array(situation.deferred.map { JSONValue.string($0.detail) })),
                (key: "makespan", value: .integer(outcome.outcome.metrics.makespan)),
                (key: "unscheduled", value: .integer(outcome.outcome.metrics.unscheduled)),
                (key: "auditRecords", value: .integer(records.count)),
            ])
            return Reply.json(
                Reply.object([
                    ("id", JSONWriter.encodedString(current.schedule)), ("version", Array(String(version).utf8)),
                    ("summary", Array(CompactJSON.string(summary).utf8)), ("plan", plan),
                ]), headers: [.eTag: "\"\(version)\""])
        }
    }

    /// The `If-Match` plan version (`3` or `"3"`); nil when absent.
    private static func ifMatch(_ request: Request) throws -> Int? {
        guard let text = request.headers[.ifMatch] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(trimmed), version >= 1 else {
            throw APIError(.badRequest, "If-Match: expected a plan version such as \"3\", got \(text)")
        }
        return version
    }
}
