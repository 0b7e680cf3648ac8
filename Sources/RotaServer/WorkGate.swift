import Dispatch
import Hummingbird

/// Admission for one kind of heavy work (solves; report pages): at most `slots` run at once,
/// at most `queueLimit` wait; one more is refused at once (429 with `Retry-After`). Work runs
/// on a dispatch queue, never on the event loop or the cooperative pool, so health and
/// metrics answer while it runs.
package actor WorkGate {
    private let slots: Int
    private let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let metrics: GateMetrics

    package init(slots: Int, queueLimit: Int, metrics: GateMetrics) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
        self.metrics = metrics
    }

    /// Runs `work` off the event loop once a slot is free; throws 429 when the queue is full.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        let started = ContinuousClock.now
        defer { metrics.seconds.record(ContinuousClock.now - started) }
        return try await Offload.run(work)
    }

    private func acquire() async throws {
        if running < slots {
            running += 1
            metrics.running.set(Double(running))
            return
        }
        guard waiting.count < queueLimit else {
            metrics.rejected.increment()
            throw APIError(
                .tooManyRequests,
                "too many \(metrics.work): \(slots) running and \(waiting.count) waiting; retry in a few seconds",
                headers: [.retryAfter: "2"])
        }
        await withCheckedContinuation { continuation in
            waiting.append(continuation)
            metrics.queueDepth.set(Double(waiting.count))
        }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
            metrics.running.set(Double(running))
        } else {
            waiting.removeFirst().resume()  // the slot passes on: `running` stays
            metrics.queueDepth.set(Double(waiting.count))
        }
    }
}

/// CPU work (decoding, validating, scoring, solving) on a dispatch queue, awaited.
package enum Offload {
    private static let queue = DispatchQueue(label: "rota.serve.work", qos: .userInitiated, attributes: .concurrent)

    package static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
