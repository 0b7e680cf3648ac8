import Foundation
import Testing

/// `rota report` through the command line: the file is written atomically, bad input names
/// the file and writes nothing (exit status 2).
@Suite struct CLIReportTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("instances/seed.json").path

    @Test func writesOneSelfContainedPage() throws {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json"), report = dir.path("report.html")
        #expect(try CLIHarness.run(["solve", Self.seed, "-o", plan, "--quiet"]).status == 0)
        let result = try CLIHarness.run(["report", Self.seed, plan, "--compare", plan, "-o", report])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Report written to \(report)"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("The plans are identical"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
    }

    @Test func badInputWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json"), report = dir.path("report.html")
        #expect(try CLIHarness.run(["solve", Self.seed, "-o", plan, "--quiet"]).status == 0)
        let broken = try dir.write("broken.json", "{\"format\": \"fulfillment-plan/1\", \"tasks\": 3}")
        let bad = try CLIHarness.run(["report", Self.seed, broken, "-o", report])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("broken.json"))
        let missingAudit = try CLIHarness.run(["report", Self.seed, plan, "--audit", dir.path("none.jsonl"), "-o", report])
        #expect(missingAudit.status == 2)
        #expect(missingAudit.stderr.contains("none.jsonl: cannot read: no such file"))
        let torn = try dir.write("torn.jsonl", "{\"seq\": 1")
        let tornAudit = try CLIHarness.run(["report", Self.seed, plan, "--audit", torn, "-o", report])
        #expect(tornAudit.status == 2)
        #expect(tornAudit.stderr.contains("torn.jsonl"))
        let sameFile = try CLIHarness.run(["report", Self.seed, plan, "-o", plan])
        #expect(sameFile.status == 2)
        #expect(!FileManager.default.fileExists(atPath: report))
    }
}
