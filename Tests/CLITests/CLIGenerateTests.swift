import Foundation
import Testing

/// `rota generate` through the command line: deterministic output, atomic files, the family
/// list, clear errors for bad families, instances that the other commands accept.
@Suite struct CLIGenerateTests {
    @Test func sameFamilyAndSeedSameBytes() throws {
        let a = try CLIHarness.run(["generate", "--family", "small", "--seed", "7", "--quiet"])
        let b = try CLIHarness.run(["generate", "--family", "small", "--seed", "7", "--quiet"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)")
        #expect(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout)
        #expect(a.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "fulfillment-instance/1")
        #expect(json["name"] as? String == "small-7")
        let other = try CLIHarness.run(["generate", "--family", "small", "--seed", "8", "--quiet"])
        #expect(other.stdout != a.stdout)
    }

    @Test func writesAFileAtomicallyWithASummary() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("tight.json")
        let result = try CLIHarness.run(["generate", "--family", "tight", "--seed", "3", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("tight-3: "))
        #expect(result.stderr.contains(" lines, "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["tight.json"])
        let printed = try CLIHarness.run(["generate", "--family", "tight", "--seed", "3", "--quiet"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.stdout)
        // The other commands take it as it is.
        let solve = try CLIHarness.run(["solve", path, "--solver", "greedy", "-o", dir.path("plan.json"), "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let validate = try CLIHarness.run(["validate", path, dir.path("plan.json")])
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    @Test func historyAndRescaling() throws {
        let resched = try CLIHarness.run(["generate", "--family", "resched", "--seed", "1"])
        #expect(resched.status == 0)
        #expect(resched.stderr.contains("existing tasks"))
        let scaled = try CLIHarness.run(["generate", "--family", "huge", "--seed", "1", "--lines", "500", "--quiet"])
        #expect(scaled.status == 0, "\(scaled.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(scaled.stdout.utf8)) as? [String: Any])
        let orders = try #require(json["orders"] as? [[String: Any]])
        #expect(orders.reduce(0) { $0 + (($1["lines"] as? [Any])?.count ?? 0) } == 500)
    }

    @Test func listShowsEveryFamily() throws {
        let result = try CLIHarness.run(["generate", "--list"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names == ["seed", "tiny", "small", "medium", "large", "huge", "tight", "crunch", "resched", "mip-medium", "mip-large"])
        #expect(result.stdout.contains("1,000 accounts, 500,000 lines"))
    }

    @Test func badFamilyIsAClearError() throws {
        let result = try CLIHarness.run(["generate", "--family", "enormous", "--seed", "1"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown family 'enormous'"))
        #expect(result.stderr.contains("small, medium"))
        let missing = try CLIHarness.run(["generate", "--seed", "1"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--family is required"))
        let badSeed = try CLIHarness.run(["generate", "--family", "tiny", "--seed", "-4"])
        #expect(badSeed.status != 0)
        #expect(badSeed.stdout.isEmpty)
        let badLines = try CLIHarness.run(["generate", "--family", "tiny", "--lines", "0"])
        #expect(badLines.status != 0)
        #expect(badLines.stderr.contains("--lines"))
        let unwritable = try CLIHarness.run(["generate", "--family", "tiny", "-o", "/nonexistent/dir/x.json"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("/nonexistent/dir/x.json"))
    }

    @Test func helpTeaches() throws {
        let result = try CLIHarness.run(["help", "generate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("rota generate --family small --seed 7 -o small-7.json"))
        #expect(result.stdout.contains("--list"))
        let top = try CLIHarness.run(["--help"])
        #expect(top.stdout.contains("generate"))
        #expect(top.stdout.contains("regress"))
        #expect(!top.stdout.contains("bench-run"), "the per-run helper stays hidden")
    }
}
