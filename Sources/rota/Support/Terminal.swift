import ArgumentParser
import Foundation
import Rota

/// Standard error for messages and progress; standard output or a file for results. Every
/// write is a POSIX write that reports errors: a result that cannot be written (a full
/// disk, a closed pipe or descriptor) is an error message and exit status 2; a message
/// that cannot be written to standard error is dropped, never retried.
enum Terminal {
    /// The exit status of a command whose result could not be written (as for bad input).
    static let writeFailure = ExitCode(2)

    /// Whether standard error is a terminal (progress lines are drawn only then).
    static var stderrIsInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Sets the process up before anything is written or opened: SIGPIPE is ignored (a
    /// closed pipe is an error, EPIPE, not the end), and a closed standard descriptor is
    /// held by /dev/null opened the wrong way round, so writes to it fail with EBADF as
    /// before and no file the command opens can take its number.
    static func prepare() {
        DescriptorOutput.ignoreBrokenPipes()
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if held >= 0 && held != fd {
                dup2(held, fd)
                close(held)
            }
        }
    }

    static func error(_ message: String) {
        standardError("rota: error: \(message)\n")
    }

    static func note(_ message: String) {
        standardError(message + "\n")
    }

    /// Writes `text` as it is to standard error; a failure is ignored.
    static func standardError(_ text: String) {
        try? DescriptorOutput.write(Array(text.utf8), to: STDERR_FILENO, label: "<stderr>")
    }

    /// Writes `bytes` to `path` (atomically for a regular file, see `AtomicFile`), or to
    /// standard output when `path` is nil or "-"; a failure is reported and ends the command.
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        do {
            try AtomicFile.write(bytes, to: path ?? "-")
        } catch {
            Terminal.error(error.description)
            throw writeFailure
        }
    }

    /// Writes a plan to `path` (or standard output) as `emit` does, streamed a chunk at a
    /// time: pretty when `pretty` asks or the plan is small (`RotaJSON.writesPretty`).
    static func emit(_ plan: Plan, pretty: Bool, to path: String?) throws {
        do {
            try RotaJSON.write(plan, pretty: RotaJSON.writesPretty(plan, asked: pretty), to: path ?? "-")
        } catch {
            Terminal.error(error.description)
            throw writeFailure
        }
    }

    /// Writes text (plus a final newline) to standard output.
    static func print(_ text: String) throws {
        try emit(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: nil)
    }
}
