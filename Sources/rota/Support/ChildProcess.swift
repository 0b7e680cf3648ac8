import Foundation
import RotaBench

/// Runs this executable again with other arguments (one benchmark run per process) and
/// captures its standard output; standard error passes through. A run past its deadline is
/// stopped: SIGTERM, then SIGKILL five seconds later; a run whose resident memory grows past
/// the cap (read from /proc/<pid>/status four times a second) is killed at once.
enum ChildProcess {
    struct Result {
        var status: Int32
        /// Ended by a signal rather than exiting.
        var signalled: Bool
        var timedOut: Bool
        /// Killed for going over the memory cap.
        var overMemory: Bool
        var stdout: Data
    }

    /// This executable (`/proc/self/exe` on Linux, else the bundle's).
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    static func run(_ arguments: [String], deadline seconds: Double, memoryCap: Int? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watch = ProcessWatchdog()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + max(1, seconds)) {
            guard watch.fire() else { return }
            kill(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                if watch.isRunning { kill(pid, SIGKILL) }
            }
        }
        if let memoryCap {
            DispatchQueue.global().async {
                while watch.isRunning {
                    if let rss = residentBytes(of: pid), rss > memoryCap {
                        if watch.overMemory() { kill(pid, SIGKILL) }
                        return
                    }
                    usleep(250_000)
                }
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let (timedOut, overMemory) = watch.finish()
        return Result(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut && !overMemory, overMemory: overMemory, stdout: data)
    }

    /// `VmRSS` of a running process, in bytes; `nil` when /proc does not say.
    static func residentBytes(of pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst(6).filter(\.isNumber)).map { $0 * 1024 }
        }
        return nil
    }
}
