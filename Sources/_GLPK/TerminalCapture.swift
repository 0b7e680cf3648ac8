import CGLPK

/// Collects GLPK's terminal output, split into lines.
final class LogSink {
    private(set) var lines: [String] = []
    private var pending = ""

    /// Takes one chunk of GLPK output (may hold several lines or part of one).
    func receive(_ text: String) {
        pending += text
        guard pending.contains("\n") else { return }
        var parts = pending.split(separator: "\n", omittingEmptySubsequences: false)
        pending = String(parts.removeLast())
        lines.append(contentsOf: parts.map(String.init))
    }

    /// Adds a line of the wrapper's own (after any unfinished GLPK line).
    func note(_ line: String) {
        flush()
        lines.append(line)
    }

    /// Ends an unfinished last line.
    func flush() {
        if !pending.isEmpty {
            lines.append(pending)
            pending = ""
        }
    }
}

/// Routes GLPK's terminal output into a `LogSink` for the duration of one call.
///
/// GLPK 5 keeps the hook per thread, so the hook is installed on the calling thread before
/// the work and removed right after: models solved one after another, or on several threads
/// at once, each get their own output and nothing is printed raw.
enum TerminalCapture {
    static func run<T>(into sink: LogSink, _ body: () throws -> T) rethrows -> T {
        let previous = glp_term_out(GLP_ON)
        glp_term_hook(
            { info, text in
                guard let info, let text else { return 1 }
                Unmanaged<LogSink>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
                return 1  // non-zero: GLPK prints nothing itself
            },
            Unmanaged.passUnretained(sink).toOpaque())
        defer {
            glp_term_hook(nil, nil)
            glp_term_out(previous)
            sink.flush()
        }
        return try withExtendedLifetime(sink) { try body() }
    }
}
