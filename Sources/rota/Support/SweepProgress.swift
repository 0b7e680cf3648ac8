import Foundation

/// The sweep's progress bar on standard error, redrawn in place (terminals only): runs done
/// of the total, elapsed time, and the time left estimated from this session's pace.
final class SweepProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let alreadyDone: Int
    private let enabled: Bool
    private let started = Date()
    private var drawn = false
    private var lastDraw = -1.0

    init(total: Int, done: Int, enabled: Bool) {
        self.total = total
        self.alreadyDone = done
        self.enabled = enabled
        if enabled { update(0) }
    }

    /// `written` runs done in this session.
    func update(_ written: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let done = alreadyDone + written
        let elapsed = Date().timeIntervalSince(started)
        // At most ten redraws a second, and always the last.
        guard elapsed - lastDraw >= 0.1 || done == total else { return }
        lastDraw = elapsed
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var text = "\r\u{1B}[Ksweep [\(bar)] \(done)/\(total) runs, \(Self.duration(elapsed))"
        if written > 0 && done < total {
            text += ", about \(Self.duration(elapsed / Double(written) * Double(total - done))) left"
        }
        Terminal.standardError(text)
        drawn = true
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Terminal.standardError("\r\u{1B}[K") }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return whole < 3600 ? "\(whole / 60) min \(whole % 60) s" : "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
