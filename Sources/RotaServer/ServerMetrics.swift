import Prometheus

/// The Prometheus metrics of `GET /metrics`: requests by route and status, solve seconds,
/// the solves running, the solve queue's depth and the requests refused for a full queue.
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    package let solveSeconds: DurationHistogram
    package let queueDepth: Gauge
    package let running: Gauge
    package let rejected: Counter

    package init() {
        solveSeconds = registry.makeDurationHistogram(
            name: "rota_solve_seconds",
            buckets: [.milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
                .seconds(15), .seconds(30), .seconds(60)],
            help: "Seconds a solve (solve, schedule creation, event batch) held a slot")
        queueDepth = registry.makeGauge(name: "rota_solve_queue_depth", help: "Solves waiting for a slot")
        running = registry.makeGauge(name: "rota_solves_running", help: "Solves holding a slot")
        rejected = registry.makeCounter(name: "rota_solves_rejected_total", help: "Solves refused with 429 (queue full)")
    }

    /// Counts one answered request.
    package func count(method: String, route: String, status: Int) {
        registry.makeCounter(
            name: "rota_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))],
            help: "HTTP requests answered, by method, route and status"
        ).increment()
    }

    /// The text exposition format.
    package func text() -> [UInt8] { registry.emitToBuffer() }
}
