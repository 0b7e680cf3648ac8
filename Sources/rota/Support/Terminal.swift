import ArgumentParser
import Foundation
import Rota

/// Standard error for messages and progress; standard output or a file for results.
enum Terminal {
    /// Whether standard error is a terminal (progress lines are drawn only then).
    static var stderrIsInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("rota: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil or "-".
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Writes text (plus a final newline) to standard output.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
