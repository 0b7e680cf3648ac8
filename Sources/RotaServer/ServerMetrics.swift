import Prometheus

/// The Prometheus metrics of `GET /metrics`: requests by route and status, and for solves and
/// report pages each: the seconds they held a slot, how many run, how many wait, and how many
/// were refused for a full queue.
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    /// Solves (solve, schedule creation, event batches): `rota_solve_seconds`,
    /// `rota_solves_running`, `rota_solve_queue_depth`, `rota_solves_rejected_total`.
    package let solves: GateMetrics
    /// Report pages: `rota_report_seconds`, `rota_reports_running`, `rota_report_queue_depth`,
    /// `rota_reports_rejected_total`.
    package let reports: GateMetrics

    package init() {
        solves = GateMetrics(
            registry, work: "solves", seconds: "rota_solve_seconds", running: "rota_solves_running",
            queueDepth: "rota_solve_queue_depth", rejected: "rota_solves_rejected_total",
            what: "a solve (solve, schedule creation, event batch)")
        reports = GateMetrics(
            registry, work: "reports", seconds: "rota_report_seconds", running: "rota_reports_running",
            queueDepth: "rota_report_queue_depth", rejected: "rota_reports_rejected_total", what: "a report page")
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

/// One `WorkGate`'s metrics.
package struct GateMetrics: Sendable {
    /// The work's name in the plural, for messages ("solves").
    package let work: String
    package let seconds: DurationHistogram
    package let queueDepth: Gauge
    package let running: Gauge
    package let rejected: Counter

    init(
        _ registry: PrometheusCollectorRegistry, work: String, seconds: String, running: String, queueDepth: String,
        rejected: String, what: String
    ) {
        self.work = work
        self.seconds = registry.makeDurationHistogram(
            name: seconds,
            buckets: [.milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
                .seconds(15), .seconds(30), .seconds(60)],
            help: "Seconds \(what) held a slot")
        self.queueDepth = registry.makeGauge(name: queueDepth, help: "\(work.capitalized) waiting for a slot")
        self.running = registry.makeGauge(name: running, help: "\(work.capitalized) holding a slot")
        self.rejected = registry.makeCounter(name: rejected, help: "\(work.capitalized) refused with 429 (queue full)")
    }
}

