import Dispatch
import Testing

@testable import RotaServer

/// The admission of solves and report pages: `slots` at once, `queueLimit` waiting, 429 with
/// `Retry-After` beyond, each kind with its own metrics.
@Suite struct WorkGateTests {
    /// Waits (up to 30 s) until the metrics text has a line starting with `line`.
    private func waitForMetric(_ metrics: ServerMetrics, _ line: String) async throws -> Bool {
        for _ in 0..<600 {
            let text = String(decoding: metrics.text(), as: UTF8.self)
            if text.split(separator: "\n").contains(where: { $0.hasPrefix(line) }) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func beyondTheSlotsAndTheQueueIs429() async throws {
        let metrics = ServerMetrics()
        let gate = WorkGate(slots: 1, queueLimit: 1, metrics: metrics.reports)
        let release = DispatchSemaphore(value: 0)
        let first = Task { try await gate.run { () -> Int in release.wait(); return 1 } }
        #expect(try await waitForMetric(metrics, "rota_reports_running 1"), "the first page never started")
        let second = Task { try await gate.run { () -> Int in 2 } }
        #expect(try await waitForMetric(metrics, "rota_report_queue_depth 1"), "the second page never queued")
        do {
            _ = try await gate.run { () -> Int in 3 }
            Issue.record("a third page while one runs and one waits was not refused")
        } catch let error as APIError {
            #expect(error.status == .tooManyRequests)
            #expect(error.headers[.retryAfter] == "2")
            #expect(error.message.hasPrefix("too many reports: 1 running and 1 waiting"))
        }
        release.signal()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        let text = String(decoding: metrics.text(), as: UTF8.self)
        #expect(text.contains("rota_reports_rejected_total 1"))
        #expect(text.contains("rota_reports_running 0"))
        // Solves have their own gauges, untouched.
        #expect(text.contains("rota_solves_rejected_total 0"))
    }
}
