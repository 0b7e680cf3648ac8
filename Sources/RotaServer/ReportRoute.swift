import Foundation
import Hummingbird
import Rota
import RotaAudit
import RotaReport

extension RotaAPI {
    /// `GET /v1/schedules/{id}/report[?version=N][&compare=M]`: `rota report` of a stored plan
    /// version (the current one by default) as one HTML page, with the schedule's audit trail up
    /// to that version in its exceptions; with `compare=M`, the plan-vs-plan page of version M
    /// (B, the candidate) against the shown version (A, the baseline), as
    /// `rota report INSTANCE A --compare B` makes it. At most `--max-reports` pages are built at
    /// once and `--report-queue` wait; one more is answered 429 with `Retry-After`.
    func addReportRoute(to router: Router<BasicRequestContext>) {
        router.get("/v1/schedules/{id}/report") { request, context in
            let version = try Self.versionParameter(request, "version")
            let compare = try Self.versionParameter(request, "compare")
            let shown = try await self.stored(context, version: version)
            let other: StoredVersion? = if let compare { try await self.stored(context, version: compare) } else { nil }
            let lines = try await self.store.auditLines(of: shown.schedule)
            let html = try await self.reportGate.run { () throws -> String in
                try ScheduleReport(shown: shown, other: other, auditLines: lines).render()
            }
            return Reply.text(Array(html.utf8), type: "text/html; charset=utf-8")
        }
    }

    /// The largest plan version a parameter may name (the OpenAPI document's `maximum`).
    static let maximumVersion = 2_147_483_647

    /// A plan version named by the query parameter `name` (1, 2, …, `maximumVersion`); nil when
    /// absent.
    static func versionParameter(_ request: Request, _ name: Substring) throws -> Int? {
        guard let text = request.uri.queryParameters[name] else { return nil }
        guard let number = Int(text), number >= 1, number <= maximumVersion else {
            throw APIError(.badRequest, "\(name): expected a plan version 1, 2, … (at most \(maximumVersion)), got \(text)")
        }
        return number
    }
}

/// The report of one stored version (and, to compare, another), made by RotaReport's
/// `PlanReport` exactly as `rota report` makes it from files.
struct ScheduleReport {
    /// The version shown (A, the baseline, when comparing).
    var shown: StoredVersion
    /// The version compared against it (B, the candidate).
    var other: StoredVersion?
    /// The schedule's whole audit trail, as stored (one record per line, in order).
    var auditLines: [String]

    /// The page. Both plans are measured against the shown version's instance (the instance as
    /// of that version's `today`), as `rota report` measures both plans against one instance.
    func render() throws -> String {
        let instance = try RotaJSON.decodeInstance(shown.instance, file: "stored instance")
        let plan = try RotaJSON.decodePlan(shown.plan, file: "stored plan")
        let otherPlan = try other.map { try RotaJSON.decodePlan($0.plan, file: "stored plan") }
        let input = ReportInput(
            instance: instance, plan: plan, planLabel: "\(shown.schedule) version \(shown.version)", other: otherPlan,
            otherLabel: other.map { "\($0.schedule) version \($0.version)" }, audit: try records(),
            auditLabel: "audit trail of \(shown.schedule) to version \(shown.version)")
        return PlanReport(input).render()
    }

    /// The audit records up to the shown version: through its `replanned` record, the N-th one,
    /// since the store writes exactly one per version (the first plan's, then one per event
    /// batch, last in its batch). Records of later versions are not the shown plan's history.
    func records() throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        var replanned = 0
        for (index, line) in auditLines.enumerated() {
            let record: AuditRecord
            do {
                record = try AuditRecord.decode(line: line)
            } catch {
                throw APIError(.internalServerError, "stored audit record \(index + 1) of \(shown.schedule) is unreadable")
            }
            records.append(record)
            if record.kind == .replanned {
                replanned += 1
                if replanned == shown.version { break }
            }
        }
        return records
    }
}
