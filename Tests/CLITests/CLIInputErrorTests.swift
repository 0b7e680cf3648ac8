import Foundation
import Testing

/// Every kind of bad input, through the command line: one clear line naming the file and
/// the JSON path, exit status 2, nothing on standard output, no crash.
@Suite struct CLIInputErrorTests {
    /// A small valid instance; each case edits it into an invalid one.
    static let valid = """
        {
          "format": "fulfillment-instance/1",
          "name": "cli-errors",
          "start": "2026-12-01",
          "horizonDays": 30,
          "rules": { "reviewLagDays": 4 },
          "accounts": [
            { "id": "acct-1", "dailyLimit": 3 },
            { "id": "acct-2", "dailyLimit": 2, "unavailable": ["2026-12-03"] }
          ],
          "orders": [
            { "id": "ord-1", "dueDate": "2026-12-12",
              "lines": [ { "id": "ord-1/1", "item": "book-a" }, { "id": "ord-1/2", "item": "book-b" } ] },
            { "id": "ord-2", "lines": [ { "id": "ord-2/1", "item": "book-a", "earliest": "2026-12-02" } ] }
          ],
          "existing": [
            { "id": "P:ord-1/1", "kind": "purchase", "line": "ord-1/1", "order": "ord-1", "item": "book-a",
              "account": "acct-1", "date": "2026-11-28", "status": "completed" }
          ]
        }
        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (String) -> String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed JSON", edit: { $0.replacingOccurrences(of: "\"name\": \"cli-errors\",", with: "\"name\": \"cli-errors\"") },
             expected: "malformed JSON at line 4"),
        Case(name: "missing field", edit: { $0.replacingOccurrences(of: "\"item\": \"book-b\"", with: "\"note\": \"x\"") },
             expected: "orders[0].lines[1].item: missing"),
        Case(name: "mistyped field", edit: { $0.replacingOccurrences(of: "\"dailyLimit\": 3", with: "\"dailyLimit\": \"three\"") },
             expected: "accounts[0].dailyLimit: expected"),
        Case(name: "duplicate account id", edit: { $0.replacingOccurrences(of: "\"id\": \"acct-2\"", with: "\"id\": \"acct-1\"") },
             expected: "accounts[1].id: duplicate"),
        Case(name: "duplicate line id", edit: { $0.replacingOccurrences(of: "\"id\": \"ord-2/1\"", with: "\"id\": \"ord-1/1\"") },
             expected: "orders[1].lines[0].id: duplicate"),
        Case(name: "unknown account in existing", edit: { $0.replacingOccurrences(of: "\"account\": \"acct-1\", \"date\"", with: "\"account\": \"acct-9\", \"date\"") },
             expected: "existing[0].account"),
        Case(name: "unknown line in existing", edit: { $0.replacingOccurrences(of: "\"line\": \"ord-1/1\", \"order\"", with: "\"line\": \"ord-7/1\", \"order\"") },
             expected: "existing[0].line"),
        Case(name: "negative limit", edit: { $0.replacingOccurrences(of: "\"dailyLimit\": 2", with: "\"dailyLimit\": -2") },
             expected: "accounts[1].dailyLimit"),
        Case(name: "negative lag", edit: { $0.replacingOccurrences(of: "\"reviewLagDays\": 4", with: "\"reviewLagDays\": -4") },
             expected: "rules.reviewLagDays"),
        Case(name: "impossible date", edit: { $0.replacingOccurrences(of: "2026-12-12", with: "2026-02-30") },
             expected: "orders[0].dueDate: expected a date YYYY-MM-DD"),
        Case(name: "horizon below one day", edit: { $0.replacingOccurrences(of: "\"horizonDays\": 30", with: "\"horizonDays\": 0") },
             expected: "horizonDays"),
        Case(name: "no accounts", edit: { text in
            let start = text.range(of: "\"accounts\": [")!
            let end = text.range(of: "],\n  \"orders\"")!
            return text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: "")
        }, expected: "accounts"),
        Case(name: "wrong format tag", edit: { $0.replacingOccurrences(of: "fulfillment-instance/1", with: "fulfillment-instance/9") },
             expected: "format: expected \"fulfillment-instance/1\""),
    ]

    @Test func validInstanceSolves() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("ok.json", Self.valid)
        let result = try CLIHarness.run(["solve", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fulfillment-plan/1"))
    }

    @Test(arguments: cases)
    func solveRejects(_ testCase: Case) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.json", testCase.edit(Self.valid))
        for command in [["solve", path], ["validate", path, path], ["score", path, path]] {
            let result = try CLIHarness.run(command)
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("rota: error: \(path): "), "\(result.stderr)")
            #expect(result.stderr.contains(testCase.expected), "\(testCase.name): \(result.stderr)")
            #expect(!result.stderr.contains("DecodingError"))
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    @Test func missingFile() throws {
        let result = try CLIHarness.run(["solve", "/nonexistent/instance.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/instance.json"))
    }

    @Test func planGivenAsInstance() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("i.json", Self.valid)
        let result = try CLIHarness.run(["validate", instance, instance])
        #expect(result.status == 2)
        #expect(result.stderr.contains("format: expected \"fulfillment-plan/1\""))
    }

    @Test func badPolicyFile() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("i.json", Self.valid)
        let policy = try dir.write("p.json", #"{"weights": {"sla": "high"}}"#)
        let result = try CLIHarness.run(["solve", instance, "--policy", policy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(policy): weights.sla"), "\(result.stderr)")
    }

    @Test func unknownSolver() throws {
        let dir = try TemporaryDirectory()
        let instance = try dir.write("i.json", Self.valid)
        let result = try CLIHarness.run(["solve", instance, "--solver", "magic"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown solver 'magic'"))
        #expect(result.stderr.contains("greedy"))
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
