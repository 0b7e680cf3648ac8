import Foundation
import Rota
import RotaSweep

/// The `rota sweep worker` children of `rota sweep --jobs N`: up to N processes, each started
/// on first use and kept for the whole sweep; a run takes a free worker, sends it one request
/// line and reads one result line. A worker that dies is reported as that run's failure and
/// started afresh for the next run.
final class SweepWorkerPool: @unchecked Sendable {
    private let lock = NSLock()
    private let arguments: [String]
    private var free: [SweepWorker] = []
    private var started = 0
    private let size: Int

    init(arguments: [String], size: Int) {
        self.arguments = arguments
        self.size = size
    }

    func run(_ task: SweepRunner.Task) -> [(key: String, value: JSONValue)] {
        let worker: SweepWorker
        do {
            worker = try take()
        } catch {
            return SweepRunner.failure("cannot start a worker: \(error)", seconds: 0)
        }
        let request = CompactJSON.string(.object([
            (key: "instance", value: .string(task.instance.path)), (key: "weights", value: task.weights.json),
        ]))
        guard let line = worker.ask(request), case .object(let members)? = try? JSONParser.parse(line) else {
            let status = worker.stop()
            lock.lock()
            started -= 1
            lock.unlock()
            return SweepRunner.failure("the worker process ended (status \(status)) during this run", seconds: 0)
        }
        lock.lock()
        free.append(worker)
        lock.unlock()
        return members
    }

    private func take() throws -> SweepWorker {
        lock.lock()
        defer { lock.unlock() }
        if let worker = free.popLast() { return worker }
        precondition(started < size, "more runs at once than workers")
        started += 1
        do {
            return try SweepWorker(arguments: arguments)
        } catch {
            started -= 1
            throw error
        }
    }

    deinit {
        for worker in free { _ = worker.stop() }
    }
}

/// One worker process: requests on its standard input, result lines on its standard output;
/// its standard error is the sweep's.
final class SweepWorker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    init(arguments: [String]) throws {
        process.executableURL = ChildProcess.executable
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Sends one line and returns the answer line; nil when the worker has gone.
    func ask(_ line: String) -> String? {
        do {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        } catch {
            return nil
        }
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let answer = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return answer
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
    }

    /// Closes its input (the worker ends at end of input) and waits; the exit status.
    func stop() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
