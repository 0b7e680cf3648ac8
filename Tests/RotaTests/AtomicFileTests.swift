import Foundation
import Testing

import Rota
import RotaFormat

#if canImport(Glibc)
    import Glibc
#endif

/// Where `AtomicFile` writes: `OutputPath` follows links and keeps special files in place,
/// `replaces` compares files by identity, `OutputFolder` makes and probes folders.
@Suite struct AtomicFileTests {
    /// A fresh empty folder for one test, removed by the caller.
    func scratchDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func resolveError(_ path: String) -> String? {
        do {
            _ = try OutputPath.resolve(path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func resolvesFilesLinksAndDevices() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(dir)/file.json"))
        try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: false)
        try link("\(dir)/sub/up", to: "../file.json")
        try link("\(dir)/chain", to: "sub/up")
        try link("\(dir)/absolute", to: "\(dir)/file.json")
        try link("\(dir)/dangling", to: "sub/new.json")
        try link("\(dir)/zero", to: "/dev/zero")
        try link("\(dir)/folder", to: "sub")
        #expect(mkfifo("\(dir)/fifo", 0o644) == 0)

        #expect(try OutputPath.resolve("-") == .standardOutput)
        #expect(try OutputPath.resolve("\(dir)/file.json") == .replace("\(dir)/file.json"))
        #expect(try OutputPath.resolve("\(dir)/new.json") == .replace("\(dir)/new.json"))
        // Relative links are relative to their own folder.
        #expect(try OutputPath.resolve("\(dir)/chain") == .replace("\(dir)/sub/../file.json"))
        #expect(try OutputPath.resolve("\(dir)/absolute") == .replace("\(dir)/file.json"))
        #expect(try OutputPath.resolve("\(dir)/dangling") == .replace("\(dir)/sub/new.json"))
        #expect(try OutputPath.resolve("\(dir)/zero") == .direct("\(dir)/zero"))
        #expect(try OutputPath.resolve("/dev/zero") == .direct("/dev/zero"))
        #expect(try OutputPath.resolve("\(dir)/fifo") == .direct("\(dir)/fifo"))
        #expect(resolveError("\(dir)/sub") == "\(dir)/sub: cannot write: is a directory")
        #expect(resolveError("\(dir)/folder") == "\(dir)/folder: cannot write: is a directory")
        #expect(resolveError("") == ": cannot write: empty file name")
    }

    @Test func aLinkLoopIsAnError() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try link("\(dir)/a", to: "b")
        try link("\(dir)/b", to: "a")
        let message = try #require(resolveError("\(dir)/a"))
        #expect(message.hasPrefix("\(dir)/a: cannot write: "))
        #expect(message.lowercased().contains("symbolic links"), "\(message)")
    }

    @Test func writesThroughLinksAndKeepsThem() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: "\(dir)/sub/target.json"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(dir)/sub/target.json")
        try link("\(dir)/link", to: "sub/target.json")
        try AtomicFile.write("new", to: "\(dir)/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/link") == "sub/target.json")
        #expect(try InputFile.read("\(dir)/sub/target.json") == Array("new".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: "\(dir)/sub/target.json")[.posixPermissions] as? Int
        #expect(mode == 0o600, "the target keeps its permissions")
        // The temporary file was made beside the target, and is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/sub") == ["target.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link", "sub"])

        try link("\(dir)/dangling", to: "sub/made.json")
        try AtomicFile.write("made", to: "\(dir)/dangling")
        #expect(try InputFile.read("\(dir)/sub/made.json") == Array("made".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/dangling") == "sub/made.json")
    }

    @Test func writesDevicesInPlace() throws {
        try AtomicFile.write("discarded", to: "/dev/zero")
        var info = stat()
        #expect(lstat("/dev/zero", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        do {
            try AtomicFile.write("x", to: "/dev/full")
            Issue.record("wrote to /dev/full")
        } catch {
            #expect(error.description == "/dev/full: cannot write: no space left on the device")
        }
    }

    @Test func reportsDescriptorFailures() {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        DescriptorOutput.ignoreBrokenPipes()
        #expect(throws: OutputError(file: "<pipe>", message: "cannot write: broken pipe (nothing reads it any more)")) {
            try DescriptorOutput.write([1, 2, 3], to: ends[1], label: "<pipe>")
        }
        close(ends[1])
        let readOnly = open("/dev/zero", O_RDONLY)
        defer { close(readOnly) }
        #expect(throws: OutputError(file: "<closed>", message: "cannot write: not open (closed)")) {
            try DescriptorOutput.write([1], to: readOnly, label: "<closed>")
        }
        // Nothing to write is no write at all.
        #expect(throws: Never.self) { try DescriptorOutput.write([], to: readOnly, label: "<closed>") }
    }

    @Test func comparesFilesByIdentity() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = "\(dir)/in.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: false)
        try link("\(dir)/alias", to: "in.json")
        try FileManager.default.linkItem(atPath: input, toPath: "\(dir)/hard.json")
        try link("\(dir)/dangling", to: "sub/new.json")
        for same in [input, "\(dir)/sub/../in.json", "\(dir)/alias", "\(dir)/hard.json"] {
            #expect(try OutputPath.resolve(same).replaces(input), "\(same)")
            #expect(try OutputPath.resolve(input).replaces(same), "\(same)")
        }
        #expect(try !OutputPath.resolve("\(dir)/other.json").replaces(input))
        #expect(try !OutputPath.resolve("-").replaces("-"))
        // A FIFO is written in place, so it replaces nothing, not even itself.
        #expect(mkfifo("\(dir)/fifo", 0o644) == 0)
        #expect(try !OutputPath.resolve("\(dir)/fifo").replaces("\(dir)/fifo"))
        // Neither exists: the same canonical path (a dangling link and its target) is the same file.
        #expect(try OutputPath.resolve("\(dir)/sub/new.json").replaces("\(dir)/dangling"))
        #expect(try !OutputPath.resolve("\(dir)/sub/other.json").replaces("\(dir)/dangling"))
    }

    @Test func preparesOutputFolders() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OutputFolder.prepare("\(dir)/a/b/c")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/a/b/c") == [], "the probe file is gone")
        try OutputFolder.prepare("\(dir)/a/b/c")
        try Data().write(to: URL(fileURLWithPath: "\(dir)/file"))
        #expect(throws: OutputError(file: "\(dir)/file", message: "cannot write: not a folder")) {
            try OutputFolder.prepare("\(dir)/file")
        }
        #expect(throws: OutputError(file: "\(dir)/file", message: "cannot write: not a folder")) {
            try OutputFolder.prepare("\(dir)/file/sub")
        }
        #if os(Linux)
            #expect(throws: OutputError.self) { try OutputFolder.prepare("/proc/self") }
        #endif
    }
}
