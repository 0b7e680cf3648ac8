import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `rota report sweep` and `rota report --policy/--require` through the command line: a real
/// sweep (2 tiny instances × 3 vectors) drawn with one dot per vector and the front ringed;
/// a bad sweep file is exit status 2 with nothing written; the plan report stays the default.
@Suite(.serialized) struct CLIReportSweepTests {
    static let grid = #"[{"sla":0.35,"value":0.2,"readiness":0.2,"customer":0.15,"risk":0.1},{"sla":0.9,"value":0.05,"readiness":0.05},{"sla":0.05,"value":0.9,"customer":0.05}]"#

    @Test func sweepReportOfASmallRealSweep() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("instances"), withIntermediateDirectories: true)
        for seed in 1...2 {
            let generated = try CLIHarness.run(
                ["generate", "--family", "tiny", "--seed", "\(seed)", "-o", dir.path("instances/tiny-\(seed).json"), "--quiet"])
            #expect(generated.status == 0, "\(generated.stderr)")
        }
        let grid = try dir.write("grid.json", Self.grid)
        let sweep = try CLIHarness.run(
            ["sweep", "--instances", dir.path("instances"), "--grid", grid, "-o", dir.path("sweep.jsonl"), "--quiet"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let result = try CLIHarness.run(["report", "sweep", dir.path("sweep.jsonl"), "-o", dir.path("sweep.html")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Sweep report written to \(dir.path("sweep.html"))"))
        let html = try String(contentsOfFile: dir.path("sweep.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script"))
        // Parse it: one dot per vector, the front's dots are those `rota sweep summary` names.
        let circles = try Circles.parse(html)
        #expect(circles.compactMap { $0["data-vector"] }.sorted() == ["0", "1", "2"])
        let ringed = circles.filter { ($0["class"] ?? "").split(separator: " ").contains("front") }
            .compactMap { $0["data-vector"].flatMap(Int.init) }.sorted()
        let summary = try CLIHarness.run(["sweep", "summary", dir.path("sweep.jsonl"), "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let front = try #require(json["paretoFront"] as? [Int])
        #expect(!front.isEmpty)
        #expect(ringed == front)
    }

    @Test func badSweepFileWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep.html")
        let garbage = try dir.write("bad.jsonl", "{\"format\": \"rota-sweep/1\"}\nnot json\n{}\n")
        let bad = try CLIHarness.run(["report", "sweep", garbage, "-o", out])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.jsonl"))
        let empty = try dir.write("empty.jsonl", "")
        let none = try CLIHarness.run(["report", "sweep", empty, "-o", out])
        #expect(none.status == 2)
        #expect(none.stderr.contains("empty.jsonl"))
        let missing = try CLIHarness.run(["report", "sweep", dir.path("none.jsonl"), "-o", out])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func planReportIsTheDefaultAndTakesTargets() throws {
        let dir = try TemporaryDirectory()
        let plan = dir.path("plan.json")
        #expect(try CLIHarness.run(["solve", CLIReportTests.seed, "-o", plan, "--quiet"]).status == 0)
        let named = try CLIHarness.run(["report", "plan", CLIReportTests.seed, plan, "-o", dir.path("a.html"), "--quiet"])
        #expect(named.status == 0, "\(named.stderr)")
        let targeted = try CLIHarness.run(
            ["report", CLIReportTests.seed, plan, "--require", "makespan<=1", "--require", "unscheduled<=1000", "-o", dir.path("b.html")])
        #expect(targeted.status == 0, "\(targeted.stderr)")
        let html = try String(contentsOfFile: dir.path("b.html"), encoding: .utf8)
        #expect(html.contains("id=\"targets\""))
        #expect(html.contains("target &lt;= 1 missed") || html.contains("target <= 1 missed"))
        let unknown = try CLIHarness.run(["report", CLIReportTests.seed, plan, "--require", "nosuch>=1", "-o", dir.path("c.html")])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown KPI metric \"nosuch\""))
        #expect(!FileManager.default.fileExists(atPath: dir.path("c.html")))
        let help = try CLIHarness.run(["report", "--help"])
        #expect(help.stdout.contains("plan") && help.stdout.contains("sweep"))
    }
}

/// The attributes of every `<circle>` of an XHTML page, read with a real XML parser.
final class Circles: NSObject, XMLParserDelegate {
    private var found: [[String: String]] = []

    static func parse(_ html: String) throws -> [[String: String]] {
        let body = html.hasPrefix("<!DOCTYPE html>") ? String(html.dropFirst("<!DOCTYPE html>".count)) : html
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Circles()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "circle" { found.append(attributes) }
    }
}
