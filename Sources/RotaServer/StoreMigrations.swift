import GRDB

/// The schedule store's schema, migrated with GRDB's `DatabaseMigrator` on every start.
///
/// - `schedule`: one row per schedule, with its current plan version.
/// - `plan_version`: every version's instance and plan bytes (version 1 is the first plan).
/// - `event_batch`: the events that made each version after the first, as posted.
/// - `audit_record`: the audit log's lines (docs/AUDIT.md), chained per schedule.
///
/// `plan_version`, `event_batch` and `audit_record` are append-only: triggers refuse UPDATE and
/// DELETE.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schedules") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schedule (
                        id TEXT PRIMARY KEY NOT NULL,
                        created TEXT NOT NULL,
                        version INTEGER NOT NULL
                    );
                    CREATE TABLE plan_version (
                        schedule TEXT NOT NULL REFERENCES schedule(id),
                        version INTEGER NOT NULL,
                        created TEXT NOT NULL,
                        today TEXT,
                        instance BLOB NOT NULL,
                        plan BLOB NOT NULL,
                        PRIMARY KEY (schedule, version)
                    );
                    CREATE TABLE event_batch (
                        schedule TEXT NOT NULL REFERENCES schedule(id),
                        version INTEGER NOT NULL,
                        events BLOB NOT NULL,
                        PRIMARY KEY (schedule, version)
                    );
                    CREATE TABLE audit_record (
                        schedule TEXT NOT NULL REFERENCES schedule(id),
                        seq INTEGER NOT NULL,
                        at TEXT NOT NULL,
                        line TEXT,
                        record TEXT NOT NULL,
                        PRIMARY KEY (schedule, seq)
                    );
                    """)
            for table in ["plan_version", "event_batch", "audit_record"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                        """)
            }
        }
        return migrator
    }
}
