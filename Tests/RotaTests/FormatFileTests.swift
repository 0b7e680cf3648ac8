import Foundation
import Testing

@testable import RotaCore
@testable import RotaFormat

@Suite struct FormatFileTests {
    /// A fresh empty directory for one test.
    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func readError(_ path: String) -> String? {
        do {
            _ = try InputFile.read(path)
            return nil
        } catch {
            return error.description
        }
    }

    func writeError(_ bytes: [UInt8], _ path: String) -> String? {
        do {
            try AtomicFile.write(bytes, to: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsWholeFiles() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.bin").path
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, as: .bytes) == bytes)
        let empty = directory.appendingPathComponent("empty.json").path
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(try InputFile.read(empty) == [])
    }

    @Test func namesTheFileWhenItCannotBeRead() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("nope.json").path
        #expect(readError(missing) == "\(missing): cannot read: no such file or directory")
        #expect(readError(directory.path) == "\(directory.path): cannot read: is a directory")
        #expect(readError("\(missing)/x.json") == "\(missing)/x.json: cannot read: no such file or directory")
        #expect(readError("") == "cannot read: empty file name")
    }

    @Test func loadsAndNamesTheFileInDecodeErrors() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("week.json").path
        try AtomicFile.write(#"{"format": "fulfillment-instance/1"}"#, to: path)
        do throws(InputErrors) {
            _ = try RotaJSON.loadInstance(from: path)
            Issue.record("loaded")
        } catch {
            #expect(error.errors.first?.description == "\(path): start: missing")
            #expect(error.errors.count == 4)
        }
        let seed = FormatSupport.repositoryRoot.appendingPathComponent("instances/seed.json").path
        #expect(try RotaJSON.loadInstance(from: seed).name == "seed")
        let plan = directory.appendingPathComponent("plan.json").path
        try AtomicFile.write(RotaJSON.encode(Plan(instance: "seed", tasks: [])), to: plan)
        #expect(try RotaJSON.loadPlan(from: plan).instance == "seed")
        let policy = directory.appendingPathComponent("policy.json").path
        try AtomicFile.write(#"{"slaTierDays": {"high": 2}}"#, to: policy)
        #expect(try RotaJSON.loadPolicy(from: policy) == Policy(slaTierDays: ["high": 2]))
    }

    @Test func writesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("plan.json").path
        try AtomicFile.write(Array("first".utf8), to: path)
        #expect(try InputFile.read(path) == Array("first".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("second, longer".utf8), to: path)
        #expect(try InputFile.read(path) == Array("second, longer".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.json"])
    }

    @Test func splitsPathsIntoDirectoryAndName() {
        // A bare file name is in the working directory.
        #expect(AtomicFile.split("plan.json") == (".", "plan.json"))
        #expect(AtomicFile.split("/plan.json") == ("/", "plan.json"))
        #expect(AtomicFile.split("out/a/plan.json") == ("out/a", "plan.json"))
    }

    @Test func reportsWriteFailuresAndCleansUp() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missingDirectory = directory.appendingPathComponent("missing/plan.json").path
        #expect(writeError([1], missingDirectory) == "\(missingDirectory): cannot write: no such file or directory")
        // The target is a directory: the rename fails and the temporary file is removed.
        let target = directory.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let message = try #require(writeError([1, 2, 3], target.path))
        #expect(message.hasPrefix("\(target.path): cannot write: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
        #expect(writeError([1], directory.path + "/") == "\(directory.path)/: cannot write: not a file name")
    }
}
