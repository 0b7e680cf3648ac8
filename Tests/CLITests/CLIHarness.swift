import Foundation
import Testing

/// Runs the built `rota` executable and captures its output.
struct CLIHarness {
    static var executable: URL {
        // Tests run from the build products folder; the executable sits beside the test bundle.
        let bundle = Bundle.main.bundleURL
        var dir = bundle
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("rota")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("rota")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct CLISmokeTests {
    @Test func printsVersion() throws {
        let result = try CLIHarness.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0.1.0"))
    }
}

/// `rota serve`'s limits are checked before it starts: exit 2 and what to give instead.
@Suite struct CLIServeOptionTests {
    @Test(arguments: [
        (["--max-solves", "0"], "--max-solves must be at least 1"), (["--queue=-1"], "--queue must be 0 or more"),
        (["--max-reports", "0"], "--max-reports must be at least 1"),
        (["--report-queue=-1"], "--report-queue must be 0 or more"),
    ])
    func badLimitsAreRefused(arguments: [String], message: String) throws {
        let result = try CLIHarness.run(["serve", "--port", "0", "--database", "/nonexistent/rota.sqlite"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }
}
