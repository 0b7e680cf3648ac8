import ArgumentParser
import Foundation
import Rota
import RotaAudit

/// `rota audit`: read an audit log back as a table, or check its chain.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read an audit log (who changed what, when and why), or check that it is intact.",
        discussion: """
            An audit log (docs/AUDIT.md) is the JSON Lines file `rota reschedule --audit FILE` \
            appends to: one record per decision and change (scheduled, moved, missed, completed, \
            pinned, forbidden, unscheduled, cancelled, replanned), each chained to the one \
            before by a SHA-256 hash.

            Examples:
              rota audit ops/audit.jsonl
              rota audit ops/audit.jsonl --line ord-9/1 --since 2026-12-05
              rota audit verify ops/audit.jsonl --plan plan.json
            """,
        subcommands: [AuditShowCommand.self, AuditVerifyCommand.self],
        defaultSubcommand: AuditShowCommand.self
    )
}

/// `rota audit FILE`: the records, filtered, as a table or JSON Lines.
struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an audit log's records as a table (or JSON Lines), filtered by line, account or day."
    )

    @Argument(help: "The audit log (JSON Lines).")
    var file: String

    @Option(help: "Only records about this line.")
    var line: String?

    @Option(help: "Only records about this account (the task's account before or after).")
    var account: String?

    @Option(help: "Only records at or after this day (YYYY-MM-DD, compared with the record's time).")
    var since: String?

    @Flag(help: "Print the records as JSON Lines, as stored.")
    var json = false

    func validate() throws {
        if let since, Day(iso: since) == nil { throw ValidationError("--since expects a date YYYY-MM-DD, got \(since)") }
        try FileArguments.check([.init("<file>", file)])
    }

    func run() throws {
        let records: [AuditRecord]
        guard FileManager.default.fileExists(atPath: file) else {
            Terminal.error("\(file): cannot read: no such file")
            throw ExitCode(2)
        }
        do {
            records = try AuditLog(path: file).records()
        } catch {
            Terminal.error("\(error.description)")
            throw ExitCode(2)
        }
        let shown = records.filter(matches)
        if json {
            try Terminal.print(shown.map(\.text).joined(separator: "\n"))
            return
        }
        let rows = shown.map { r -> [String] in
            [
                String(r.sequence), r.at, r.actor, r.kind.rawValue, r.line?.rawValue ?? "", r.task?.rawValue ?? "",
                placement(r.before), placement(r.after), r.reasonCode ?? "", r.why ?? r.run.map { "\($0.solver) \($0.status)" } ?? "",
            ]
        }
        let table = ReportTable(
            header: ["seq", "at", "actor", "kind", "line", "task", "before", "after", "reason", "why"],
            alignments: [.right] + Array(repeating: .left, count: 9), rows: rows)
        try Terminal.print((Reports.aligned(table) + ["\(shown.count) of \(records.count) records"]).joined(separator: "\n"))
    }

    private func matches(_ record: AuditRecord) -> Bool {
        if let line, record.line?.rawValue != line { return false }
        if let account {
            let accounts = [record.account, record.before?.account, record.after?.account].compactMap { $0?.rawValue }
            if !accounts.contains(account) { return false }
        }
        if let since, String(record.at.prefix(10)) < since { return false }
        return true
    }

    private func placement(_ p: AuditRecord.Placement?) -> String {
        p.map { "\($0.account) \($0.date)" } ?? ""
    }
}

/// `rota audit verify FILE`: checks the hash chain.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an audit log's hash chain: exit 0 when intact, 1 with each break listed.",
        discussion: """
            Every record must be numbered one more than the one before, carry the SHA-256 of \
            the line before it (prev) and of its own line (hash). An edited, removed or \
            reordered line, or a torn last line, is reported with its line number. With \
            --plan, the last replanned record must name that plan, which also catches records \
            cut from the end.
            """
    )

    @Argument(help: "The audit log (JSON Lines).")
    var file: String

    @Option(help: "The current plan: the log's last run must have written it.")
    var plan: String?

    func validate() throws {
        try FileArguments.check([.init("<file>", file), .init("--plan", plan)])
    }

    func run() throws {
        let planBytes: [UInt8]?
        do {
            planBytes = try plan.map { path throws(InputErrors) in try InputFile.read(path, as: .json) }
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        guard FileManager.default.fileExists(atPath: file) else {
            Terminal.error("\(file): cannot read: no such file")
            throw ExitCode(2)
        }
        let verification = AuditVerification.check(AuditLog(path: file), plan: planBytes)
        for problem in verification.problems { Terminal.note(problem) }
        for note in verification.notes { Terminal.note("note: \(note)") }
        if verification.isIntact {
            try Terminal.print("\(file): intact: \(verification.records) records")
        } else {
            try Terminal.print("\(file): broken: \(verification.problems.count) problem(s) in \(verification.records) records")
            throw ExitCode(1)
        }
    }
}
