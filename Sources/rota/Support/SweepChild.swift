import Foundation

/// Runs this executable again (a `rota sweep run-one` worker) and captures both its standard
/// output and its standard error, each read on its own thread so neither pipe fills up.
enum SweepChild {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = ChildProcess.executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorText = ErrorBuffer()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorText.set(err.fileHandleForReading.readDataToEndOfFile())
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
            stderr: String(decoding: errorText.data, as: UTF8.self))
    }
}

/// Standard error of a child, handed from its reading thread.
private final class ErrorBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()

    func set(_ data: Data) {
        lock.lock()
        stored = data
        lock.unlock()
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
