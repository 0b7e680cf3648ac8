import Foundation
import Testing

/// `rota validate` on plans with many violations: the first 100 of each rule are listed (or
/// `--limit N`, or every one with `--all`), the counts stay exact, in text and JSON.
@Suite struct CLIValidateCapTests {
    static let seed = CLICommandTests.instance("seed.json")

    /// A plan for seed.json of `count` bogus purchases by an account seed.json does not have,
    /// before its start, for lines it does not have: rules 1 (twice) and 2 break once per task,
    /// and rule 1 once more for each of seed.json's lines, which the plan leaves out.
    static func bogusPlan(count: Int) -> String {
        let tasks = (0..<count).map { n in
            #"{"id": "P:x\#(n)", "kind": "purchase", "line": "x/\#(n)", "order": "ord-x", "item": "item-x", "#
                + #""account": "nobody", "date": "2026-11-01"}"#
        }
        return #"{"format": "fulfillment-plan/1", "tasks": [\#(tasks.joined(separator: ",\n"))]}"#
    }

    /// The `--json` report as a dictionary.
    static func report(_ arguments: [String]) throws -> (status: Int32, json: [String: Any]) {
        let result = try CLIHarness.run(["validate", seed] + arguments + ["--json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, try #require(json, "\(result.stderr)"))
    }

    /// How many violations of each rule the JSON report lists.
    static func listed(_ json: [String: Any]) -> [String: Int] {
        let violations = json["violations"] as? [[String: Any]] ?? []
        return Dictionary(grouping: violations) { "\($0["rule"] as? Int ?? 0)" }.mapValues(\.count)
    }

    static func numbers(_ value: Any?) -> [String: Int] { value as? [String: Int] ?? [:] }

    @Test func textListsTheFirstHundredOfEachRule() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", Self.bogusPlan(count: 250))
        let counts = Self.numbers(try Self.report([plan, "--all"]).json["counts"])
        #expect(counts["2"] == 250)
        #expect(counts["1"] == 500 + 2 * 41, "\(counts)")

        let result = try CLIHarness.run(["validate", Self.seed, plan])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(plan): infeasible: 832 violations (rule 1: 582, rule 2: 250)")
        #expect(lines.filter { $0.hasPrefix("  rule 1 ") }.count == 100)
        #expect(lines.filter { $0.hasPrefix("  rule 2 ") }.count == 100)
        #expect(lines.contains("  … and 482 more violations of rule 1"))
        #expect(lines.contains("  … and 150 more violations of rule 2"))
        // Each rule's remainder follows its own violations.
        let more1 = try #require(lines.firstIndex(of: "  … and 482 more violations of rule 1"))
        #expect(lines[more1 - 1].hasPrefix("  rule 1 ") && lines[more1 + 1].hasPrefix("  rule 2 "))
        #expect(lines.last?.contains("--all lists every violation") == true)
    }

    @Test func jsonCountsStayExactAndOmittedCountsTheRest() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", Self.bogusPlan(count: 250))
        let (status, json) = try Self.report([plan])
        #expect(status == 1)
        #expect(json["feasible"] as? Bool == false)
        #expect(json["violationCount"] as? Int == 832)
        let counts = Self.numbers(json["counts"]), omitted = Self.numbers(json["omitted"])
        #expect(counts == ["1": 582, "2": 250, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0])
        #expect(omitted == ["1": 482, "2": 150, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0])
        #expect(Self.listed(json) == ["1": 100, "2": 100])

        // --all lists every one and omits none.
        let all = try Self.report([plan, "--all"]).json
        #expect(Self.listed(all) == ["1": 582, "2": 250])
        #expect(Self.numbers(all["omitted"]).values.allSatisfy { $0 == 0 })
        #expect(all["violationCount"] as? Int == 832)
        // The violations listed by default are the first of --all's, rule by rule.
        let first = (all["violations"] as? [[String: Any]] ?? []).filter { $0["rule"] as? Int == 2 }.prefix(100)
        let shown = (json["violations"] as? [[String: Any]] ?? []).filter { $0["rule"] as? Int == 2 }
        #expect(shown.map { $0["message"] as? String } == first.map { $0["message"] as? String })
    }

    @Test func limitSetsHowManyOfEachRule() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", Self.bogusPlan(count: 20))
        let three = try Self.report([plan, "--limit", "3"]).json
        #expect(Self.listed(three) == ["1": 3, "2": 3])
        #expect(Self.numbers(three["omitted"])["2"] == 17)

        let none = try CLIHarness.run(["validate", Self.seed, plan, "--limit", "0"])
        #expect(none.status == 1)
        #expect(none.stdout.split(separator: "\n").map(String.init) == [
            "\(plan): infeasible: 142 violations (rule 1: 122, rule 2: 20)",
            "  … and 122 more violations of rule 1",
            "  … and 20 more violations of rule 2",
            "  (--all lists every violation, --limit N the first N of each rule, --json gives them as data)",
        ])
        // No "more" line when the limit covers every violation.
        let enough = try CLIHarness.run(["validate", Self.seed, plan, "--limit", "1000"])
        #expect(enough.status == 1)
        #expect(!enough.stdout.contains("more violation"))
        #expect(enough.stdout.split(separator: "\n").count == 1 + 142)
    }

    @Test func badLimitsAreUsageErrors() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", Self.bogusPlan(count: 1))
        let negative = try CLIHarness.run(["validate", Self.seed, plan, "--limit", "-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--limit must be 0 or more"), "\(negative.stderr)")
        let both = try CLIHarness.run(["validate", Self.seed, plan, "--all", "--limit", "5"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give --all or --limit, not both"), "\(both.stderr)")
        #expect(negative.stdout.isEmpty && both.stdout.isEmpty)
    }

    /// 20,000 bogus tasks make 60,082 violations: the reports stay the size of the limit.
    @Test func outputDoesNotGrowWithTheViolations() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", Self.bogusPlan(count: 20_000))
        let text = try CLIHarness.run(["validate", Self.seed, plan])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("\(plan): infeasible: 60082 violations (rule 1: 40082, rule 2: 20000)"))
        #expect(text.stdout.utf8.count < 100_000, "\(text.stdout.utf8.count) bytes")
        let json = try CLIHarness.run(["validate", Self.seed, plan, "--json"])
        #expect(json.status == 1)
        #expect(json.stdout.utf8.count < 150_000, "\(json.stdout.utf8.count) bytes")
    }
}
