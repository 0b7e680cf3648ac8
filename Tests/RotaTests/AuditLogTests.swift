import Foundation
import Testing

@testable import RotaAudit
@testable import RotaCore

/// The audit log's chain: appends continue it and survive a reread; an edited, removed or
/// reordered line, a torn last line and records cut from the end are all caught.
@Suite struct AuditLogTests {
    static func temporaryLog() -> AuditLog {
        AuditLog(path: FileManager.default.temporaryDirectory.appendingPathComponent("rota-audit-\(UUID().uuidString).jsonl").path)
    }

    static func batch(_ n: Int, plan: String) -> [AuditRecord] {
        (0..<n).map { i in
            AuditRecord(
                at: "2026-12-05T09:0\(i):00Z", actor: "ana", kind: .moved, order: "o1", line: LineID("o1/\(i)"),
                task: TaskID("P:o1/\(i)"), account: "a1",
                before: .init(account: "a1", date: Day(iso: "2026-12-05")!),
                after: .init(account: "a2", date: Day(iso: "2026-12-06")!), why: "a1 at its daily limit of 3 on 2026-12-05")
        } + [
            AuditRecord(
                at: "2026-12-05T09:10:00Z", actor: "ana", kind: .replanned,
                run: .init(solver: "auto", status: "optimal", versions: ["rota": "0.9"], inputPlan: "sha256:x", outputPlan: plan))
        ]
    }

    static func rewrite(_ log: AuditLog, _ change: (inout [String]) -> Void) throws {
        var lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        change(&lines)
        try (lines.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: true, encoding: .utf8)
    }

    @Test func appendsChainAndReadBack() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        let first = try log.append(Self.batch(2, plan: "sha256:p1"))
        let second = try log.append(Self.batch(1, plan: "sha256:p2"))
        #expect(first.map(\.sequence) == [1, 2, 3])
        #expect(second.map(\.sequence) == [4, 5])
        #expect(first[0].prev == AuditRecord.genesis)
        #expect(second[0].prev == AuditDigest.hex(Array(first[2].text.utf8)))
        let records = try log.records()
        #expect(records == first + second)
        #expect(AuditVerification.check(log).isIntact)
    }

    @Test func editedRemovedAndReorderedLinesAreCaught() throws {
        for damage in ["edit", "remove", "reorder", "edit-last"] {
            let log = Self.temporaryLog()
            defer { try? FileManager.default.removeItem(atPath: log.path) }
            try log.append(Self.batch(3, plan: "sha256:p1"))
            try Self.rewrite(log) { lines in
                switch damage {
                case "edit": lines[1] = lines[1].replacingOccurrences(of: "\"a2\"", with: "\"a3\"")
                case "remove": lines.remove(at: 1)
                case "reorder": lines.swapAt(0, 1)
                default: lines[3] = lines[3].replacingOccurrences(of: "optimal", with: "feasible")
                }
            }
            let verification = AuditVerification.check(log)
            #expect(!verification.isIntact, "\(damage) not caught")
        }
    }

    @Test func recordsCutFromTheEndAreCaughtAgainstThePlan() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        let plan1 = Array("plan one".utf8)
        let plan2 = Array("plan two".utf8)
        try log.append(Self.batch(1, plan: AuditDigest.named(plan1)))
        try log.append(Self.batch(1, plan: AuditDigest.named(plan2)))
        #expect(AuditVerification.check(log, plan: plan2).isIntact)
        try Self.rewrite(log) { $0.removeLast(2) }
        #expect(AuditVerification.check(log).isIntact, "the chain alone cannot see a cut tail")
        let verification = AuditVerification.check(log, plan: plan2)
        #expect(verification.problems.contains { $0.contains("records are missing at the end") })
    }

    @Test func aTornLastLineIsReportedAndNothingIsAppendedAfterIt() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        try log.append(Self.batch(1, plan: "sha256:p1"))
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"seq":3,"at":"2026-12-05T09"#.utf8))
        handle.closeFile()
        let verification = AuditVerification.check(log)
        #expect(verification.records == 2)
        #expect(verification.problems.first?.contains(":3: torn record") == true, "\(verification.problems)")
        #expect(throws: AuditLogError.self) { try log.append(Self.batch(1, plan: "sha256:p2")) }
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text.hasSuffix(#"{"seq":3,"at":"2026-12-05T09"#), "the torn line is kept as found")
    }
}
