import Foundation
import GRDB
import RotaAudit

/// One stored plan version of a schedule: the instance it plans and the plan, as JSON bytes.
package struct StoredVersion: Sendable {
    package var schedule: String
    package var version: Int
    package var instance: [UInt8]
    package var plan: [UInt8]
}

/// Schedules in SQLite through GRDB (WAL, `synchronous = FULL`): an acknowledged write is on
/// disk, and a crash before a commit leaves the previous version whole.
package final class ScheduleStore: Sendable {
    private let pool: DatabasePool

    /// Opens (creating it when absent) and migrates the database at `path`.
    package init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
    }

    /// Closes the database (after the server stopped).
    package func close() throws { try pool.close() }

    /// Stores a new schedule with its first plan (version 1) and that plan's audit records.
    package func create(instance: [UInt8], plan: [UInt8], audit: [AuditRecord], at: String) async throws -> String {
        let id = "sch-" + UUID().uuidString.lowercased().prefix(8)
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO schedule (id, created, version) VALUES (?, ?, 1)", arguments: [id, at])
            try Self.insertVersion(db, schedule: id, version: 1, at: at, today: nil, instance: instance, plan: plan)
            try Self.append(audit, to: id, in: db)
        }
        return id
    }

    /// The current version, or `version` when given; nil when there is no such schedule or version.
    package func version(of schedule: String, _ version: Int? = nil) async throws -> StoredVersion? {
        try await pool.read { db in
            let row: Row?
            if let version {
                row = try Row.fetchOne(
                    db, sql: "SELECT version, instance, plan FROM plan_version WHERE schedule = ? AND version = ?",
                    arguments: [schedule, version])
            } else {
                row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.version, p.instance, p.plan FROM schedule s
                        JOIN plan_version p ON p.schedule = s.id AND p.version = s.version WHERE s.id = ?
                        """, arguments: [schedule])
            }
            guard let row else { return nil }
            let instance: Data = row["instance"]
            let plan: Data = row["plan"]
            return StoredVersion(schedule: schedule, version: row["version"], instance: Array(instance), plan: Array(plan))
        }
    }

    /// Whether the schedule exists.
    package func exists(_ schedule: String) async throws -> Bool {
        try await pool.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM schedule WHERE id = ?", arguments: [schedule]) ?? false }
    }

    /// What `commit` found when the schedule moved on meanwhile.
    package enum CommitResult: Sendable {
        case committed(version: Int)
        case stale(current: Int)
    }

    /// Stores version `base + 1` with the events that made it and its audit records, in one
    /// transaction, unless the schedule is no longer at `base` (then nothing is written).
    package func commit(
        schedule: String, base: Int, today: String, events: [UInt8], instance: [UInt8], plan: [UInt8], audit: [AuditRecord],
        at: String
    ) async throws -> CommitResult {
        try await pool.write { db in
            let current = try Int.fetchOne(db, sql: "SELECT version FROM schedule WHERE id = ?", arguments: [schedule]) ?? 0
            guard current == base else { return .stale(current: current) }
            let next = base + 1
            try Self.insertVersion(db, schedule: schedule, version: next, at: at, today: today, instance: instance, plan: plan)
            try db.execute(
                sql: "INSERT INTO event_batch (schedule, version, events) VALUES (?, ?, ?)",
                arguments: [schedule, next, Data(events)])
            try Self.append(audit, to: schedule, in: db)
            try db.execute(sql: "UPDATE schedule SET version = ? WHERE id = ?", arguments: [next, schedule])
            return .committed(version: next)
        }
    }

    /// The audit lines of a schedule, in order, as the audit log file holds them; only those
    /// at or after day `since` (compared with the record's time) and about `line`, when given.
    package func auditLines(of schedule: String, since: String? = nil, line: String? = nil) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT record FROM audit_record WHERE schedule = ?
                    AND (? IS NULL OR substr(at, 1, 10) >= ?) AND (? IS NULL OR line = ?) ORDER BY seq
                    """, arguments: [schedule, since, since, line, line])
        }
    }

    /// Every event batch of a schedule (for tests and inspection), by version.
    package func eventBatches(of schedule: String) async throws -> [(version: Int, events: [UInt8])] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT version, events FROM event_batch WHERE schedule = ? ORDER BY version", arguments: [schedule])
                .map { row in
                    let events: Data = row["events"]
                    return (row["version"], Array(events))
                }
        }
    }

    private static func insertVersion(
        _ db: Database, schedule: String, version: Int, at: String, today: String?, instance: [UInt8], plan: [UInt8]
    ) throws {
        try db.execute(
            sql: "INSERT INTO plan_version (schedule, version, created, today, instance, plan) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [schedule, version, at, today, Data(instance), Data(plan)])
    }

    /// Chains `records` after the schedule's last audit line, as `AuditLog.append` does in a file.
    private static func append(_ records: [AuditRecord], to schedule: String, in db: Database) throws {
        let last = try Row.fetchOne(
            db, sql: "SELECT seq, record FROM audit_record WHERE schedule = ? ORDER BY seq DESC LIMIT 1", arguments: [schedule])
        let sequence: Int = last?["seq"] ?? 0
        let previousLine: String? = last?["record"]
        for record in AuditRecord.chained(records, after: sequence, previousLine: previousLine) {
            try db.execute(
                sql: "INSERT INTO audit_record (schedule, seq, at, line, record) VALUES (?, ?, ?, ?, ?)",
                arguments: [schedule, record.sequence, record.at, record.line?.rawValue, record.text])
        }
    }
}
