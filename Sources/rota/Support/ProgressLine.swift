import Foundation
import Rota

/// A progress line on standard error, redrawn in place (never scrolled), for terminals only.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = 0.0

    func update(_ progress: SolveProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard progress.seconds - lastDraw >= 0.1 || lastDraw == 0 else { return }
        lastDraw = progress.seconds
        func show(_ v: Double?) -> String { v.map { Format.number($0) } ?? "-" }
        let gap = progress.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
        let text = "\r\u{1B}[K\(progress.stage): incumbent \(show(progress.incumbent)), bound \(show(progress.bound)), gap \(gap), nodes \(progress.nodes), \(String(format: "%.1f", progress.seconds)) s"
        Terminal.standardError(text)
    }

    deinit {
        if lastDraw > 0 { Terminal.standardError("\r\u{1B}[K") }
    }
}
