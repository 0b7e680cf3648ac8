import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `rota serve` child process on a loopback port (`--port 0`, the port read from the
/// line it prints), and a real HTTP client (URLSession) to talk to it.
final class ServerHarness: @unchecked Sendable {
    let process: Process
    let base: URL
    let database: String
    private let errors: Pipe
    /// What the server writes on standard error, collected as it arrives: a server logging more
    /// than a pipe holds (64 KB) would otherwise block on its next log line.
    private let errorLog = LogBuffer()
    private let exit = ProcessExit()

    /// The `rota` executable beside the test bundle.
    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("rota")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rota")
    }

    /// A fresh folder for a test's files.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "rota-serve-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The repository's file at `path` (instances/seed.json), found from this source file.
    static func repositoryFile(_ path: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path).path
    }

    /// Starts `rota serve --port 0 --database DATABASE` with `arguments` and awaits its address.
    init(database: String, arguments: [String] = []) async throws {
        self.database = database
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0", "--database", database] + arguments
        let output = Pipe()
        errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [exit] _ in exit.signal() }
        errors.fileHandleForReading.readabilityHandler = { [errorLog] handle in
            let chunk = handle.availableData
            if chunk.isEmpty {
                handle.readabilityHandler = nil
                errorLog.close()
            } else {
                errorLog.append(chunk)
            }
        }
        try process.run()
        let text = await Self.firstLine(of: output.fileHandleForReading)
        guard let range = text.range(of: "listening on "), let url = URL(string: String(text[range.upperBound...].prefix { $0 != "\n" }))
        else {
            process.terminate()
            throw HarnessError("the server printed no address: \(text)")
        }
        base = url
    }

    /// The first line the child writes on `handle` (or all it wrote before closing it), read as
    /// it arrives by the handle's readability handler: no thread blocks.
    static func firstLine(of handle: FileHandle) async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let buffer = LineBuffer()
            handle.readabilityHandler = { handle in
                if let line = buffer.append(handle.availableData) {
                    handle.readabilityHandler = nil
                    continuation.resume(returning: line)
                }
            }
        }
    }

    /// Starts a server, runs `body` with it and stops it (SIGTERM) however `body` ends.
    static func with<T>(
        database: String, arguments: [String] = [], _ body: (ServerHarness) async throws -> T
    ) async throws -> T {
        let server = try await ServerHarness(database: database, arguments: arguments)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Sends SIGTERM and awaits the exit status (the process's termination handler resumes
    /// the wait: no thread blocks); a server still draining after `grace` (a client of this
    /// process that no longer reads its answer) gets SIGKILL, so a failed test never leaves a
    /// server behind or hangs the run.
    @discardableResult
    func stop(grace: Duration = .seconds(60)) async -> Int32 {
        if process.isRunning { process.terminate() }
        let pid = process.processIdentifier
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [exit] in await exit.wait() }
            group.addTask { [exit] in
                // Cancelled (the sleep throws) once the process exited.
                guard (try? await Task.sleep(for: grace)) != nil, !exit.hasExited else { return }
                Foundation.kill(pid, SIGKILL)
            }
            await group.next()
            group.cancelAll()
        }
        await exit.wait()
        return process.terminationStatus
    }

    /// SIGKILL: no shutdown at all; awaits the exit.
    func kill() async {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        await exit.wait()
    }

    /// Everything the server wrote on standard error (after it exited: then up to its end,
    /// once the pipe is read to its end, waiting at most ten seconds for that).
    func logs() -> String {
        errorLog.text(waitingForTheEnd: .now() + 10)
    }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// One answer.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw HarnessError("not a JSON object: \(text.prefix(300))")
            }
            return object
        }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// A request to the server; `path` may carry a query.
    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:], timeout: Double = 120
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, headers: headers)
    }

    func post(_ path: String, _ body: Data, headers: [String: String] = [:]) async throws -> Answer {
        try await send("POST", path, body: body, headers: headers)
    }
}

/// Bytes read until the first newline or the end of the stream; `append` returns the text
/// once, then nil.
final class LineBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    private var done = false

    func append(_ chunk: Data) -> String? {
        lock.withLock {
            guard !done else { return nil }
            bytes += chunk
            guard chunk.isEmpty || chunk.contains(UInt8(ascii: "\n")) else { return nil }
            done = true
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A child's standard error as it arrives (`ServerHarness.logs`).
final class LogBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    private let ended = DispatchSemaphore(value: 0)

    func append(_ chunk: Data) { lock.withLock { bytes += chunk } }

    /// The pipe was read to its end.
    func close() { ended.signal() }

    /// What arrived, once the pipe was read to its end or at `deadline`.
    func text(waitingForTheEnd deadline: DispatchTime) -> String {
        if ended.wait(timeout: deadline) == .success { ended.signal() }
        return lock.withLock { String(decoding: bytes, as: UTF8.self) }
    }
}

/// A child process's exit, awaited without blocking a thread: `signal()` (from the process's
/// termination handler) resumes every waiter, and later waits return at once.
final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private var exited = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    var hasExited: Bool { lock.withLock { exited } }

    func signal() {
        let resumed = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            exited = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in resumed { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = lock.withLock { () -> Bool in
                if exited { return true }
                waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Building request bodies from files.
enum Bodies {
    static func file(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static var seed: Data { get throws { try file(ServerHarness.repositoryFile("instances/seed.json")) } }

    /// `{"name": <raw JSON>, …}`.
    static func envelope(_ members: [(String, Data)]) -> Data {
        var out = Data("{".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { out += Data(",".utf8) }
            out += Data("\"\(member.0)\":".utf8) + member.1
        }
        return out + Data("}".utf8)
    }
}
