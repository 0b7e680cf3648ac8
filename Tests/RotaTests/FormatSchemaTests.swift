import Foundation
import Testing

import RotaFormat

/// The bundled JSON Schemas accept rota's files. Runs `docs/schema/validate.py`, so it is
/// skipped when python3 or its `jsonschema` package is missing.
@Suite(.enabled(if: FormatSchemaScript.available, "needs python3 with jsonschema"))
struct FormatSchemaTests {
    static var script: String {
        FormatSupport.repositoryRoot.appendingPathComponent("docs/schema/validate.py").path
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try FormatSchemaScript.run(arguments)
    }

    func scratchFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rota-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try AtomicFile.write(bytes, to: path)
        return path
    }

    @Test func bundledInstancesMatchTheSchema() throws {
        let result = try Self.run([Self.script])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func fixturesAndEncodedFilesMatchTheSchemas() throws {
        let fixtures = FormatSupport.repositoryRoot.appendingPathComponent("Tests/RotaTests/Fixtures")
        let seed = try RotaJSON.loadInstance(from: FormatSupport.repositoryRoot.appendingPathComponent("instances/seed.json").path)
        let encodedInstance = try scratchFile("seed.json", RotaJSON.encode(seed))
        let full = try RotaJSON.decodeInstance(FormatSupport.fixture("format-full.json"))
        let encodedFull = try scratchFile("full.json", RotaJSON.encode(full))
        let instances = try Self.run([
            Self.script, "instance", fixtures.appendingPathComponent("format-full.json").path,
            fixtures.appendingPathComponent("format-minimal.json").path, encodedInstance, encodedFull,
            fixtures.appendingPathComponent("rule10-overrides.json").path,
            try scratchFile("overrides.json", RotaJSON.encode(RotaJSON.decodeInstance(FormatSupport.fixture("rule10-overrides.json")))),
        ])
        #expect(instances.status == 0, "\(instances.output)")

        let plan = try RotaJSON.decodePlan(FormatSupport.fixture("format-plan.json"))
        let encodedPlan = try scratchFile("plan.json", RotaJSON.encode(plan))
        let plans = try Self.run([Self.script, "plan", fixtures.appendingPathComponent("format-plan.json").path, encodedPlan])
        #expect(plans.status == 0, "\(plans.output)")
    }

    /// A replay chain's reschedule markers are events of the schema; a marker without its day,
    /// or an event without `at` and `actor`, is not.
    @Test func replayChainsMatchTheEventsSchema() throws {
        let chain = """
            {"event":"missed","task":"P:ord-101/1","at":"2026-12-06T09:00:00Z","actor":"bot"}
            {"event":"reschedule","today":"2026-12-07","solver":"greedy"}

            {"event":"reschedule","today":"2026-12-08","actor":"ana","note":"nothing happened"}

            """
        let good = try Self.run([Self.script, "events", try scratchFile("chain.jsonl", Array(chain.utf8))])
        #expect(good.status == 0, "\(good.output)")
        let bad = """
            {"event":"reschedule","solver":"greedy"}
            {"event":"missed","task":"P:ord-101/1"}

            """
        let result = try Self.run([Self.script, "events", try scratchFile("bad.jsonl", Array(bad.utf8))])
        #expect(result.status == 1)
        #expect(result.output.contains("bad.jsonl:1: (document): 'today' is a required property"))
        #expect(result.output.contains("bad.jsonl:2: (document): 'at' is a required property"))
    }

    @Test func theSchemaRejectsABrokenInstance() throws {
        let broken = #"{"format": "fulfillment-instance/1", "start": "2026-13-01", "rules": {}, "accounts": [], "orders": []}"#
        let path = try scratchFile("broken.json", Array(broken.utf8))
        let result = try Self.run([Self.script, "instance", path])
        #expect(result.status == 1)
        #expect(result.output.contains("rules: 'reviewLagDays' is a required property"))
    }
}

/// Runs python3, and knows whether it has `jsonschema`.
enum FormatSchemaScript {
    static let available: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
