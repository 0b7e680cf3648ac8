import Foundation
import RotaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A command run as a child process and measured from outside, as a user would time it:
/// wall-clock seconds from spawning to exit, and the child's peak resident set (`ru_maxrss`
/// from `wait4`). Standard input and output are /dev/null; standard error goes to a file whose
/// last line explains a failure. A child past its deadline gets SIGTERM, then SIGKILL 5 s later.
///
/// On Linux `ru_maxrss` counts the peak of the spawning process too (`execve` carries the old
/// address space's high-water mark over), so the figure is at least the parent's own peak
/// (`BenchRecord.endToEndFloorBytes` keeps it beside each figure).
package enum MeasuredProcess {
    /// How the child ended and what it cost.
    package struct Result: Hashable, Sendable {
        /// The exit status, or the signal's number when `signalled`.
        package var status: Int32
        package var signalled: Bool
        /// Stopped at the deadline.
        package var timedOut: Bool
        /// Spawn to exit.
        package var seconds: Double
        /// `ru_maxrss` in bytes.
        package var peakBytes: Int
        /// The last non-empty line the child wrote on standard error.
        package var lastError: String?

        /// Exited with status 0.
        package var succeeded: Bool { !signalled && !timedOut && status == 0 }

        /// "exited with status 2: <last error line>", "killed by signal 9", "stopped after 30 s".
        package var failureText: String {
            if timedOut { return "stopped at its deadline" }
            if signalled { return "killed by signal \(status)" }
            return "exited with status \(status)" + (lastError.map { ": \($0)" } ?? "")
        }
    }

    /// A failure to start the child.
    package struct SpawnError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Runs `executable` with `arguments` (not including the program name) and waits for it;
    /// `errorFile` receives its standard error.
    package static func run(_ executable: String, _ arguments: [String], deadline: Double, errorFile: String) throws(SpawnError)
        -> Result
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        // The child starts with no signal blocked and SIGTERM and SIGINT at their defaults,
        // whatever this process (a test runner, an interrupt handler) set up.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }

        let watch = ProcessWatchdog()
        let child = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + max(1, deadline)) {
            guard watch.fire() else { return }
            kill(child, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                if watch.isRunning { kill(child, SIGKILL) }
            }
        }
        // Wait without reaping, mark the child done (so no signal can reach a reused pid), then
        // reap it with its resource usage.
        var info = siginfo_t()
        while waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
        let elapsed = clock.now - started
        let timedOut = watch.finish().timedOut
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0, errno == EINTR {}

        // The <sys/wait.h> macros: low 7 bits the signal (0: exited), bits 8–15 the exit status.
        let signal = status & 0x7F
        #if canImport(Darwin)
            let peak = Int(usage.ru_maxrss)  // bytes on macOS
        #else
            let peak = Int(usage.ru_maxrss) * 1024  // kibibytes on Linux
        #endif
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : signal, signalled: signal != 0, timedOut: timedOut,
            seconds: (elapsed.seconds * 1e6).rounded() / 1e6, peakBytes: peak, lastError: lastLine(of: errorFile))
    }

    /// The last non-empty line of the file (at most its last 4 KiB), or `nil`.
    static func lastLine(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
    }
}
