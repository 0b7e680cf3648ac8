/// How `rota serve` runs: where it listens, where it stores schedules, and its limits.
package struct ServerOptions: Sendable {
    /// The address to bind (`127.0.0.1` by default: loopback only).
    package var host: String = "127.0.0.1"
    /// The port; 0 asks the system for a free one, which the server prints on start.
    package var port: Int = 8080
    /// The SQLite file holding schedules, plan versions and audit records (created when absent).
    package var database: String = "rota.sqlite"
    /// The bearer key every route but health and metrics asks for, when set.
    package var apiKey: String?
    /// Solves that may run at once (solve, schedule creation, event batches).
    package var maxSolves: Int = 2
    /// Solves that may wait for a slot; one more is answered 429 with `Retry-After`.
    package var queue: Int = 4
    /// Report pages that may be built at once.
    package var maxReports: Int = 2
    /// Report pages that may wait for a slot; one more is answered 429 with `Retry-After`.
    package var reportQueue: Int = 8
    /// Each solve's time limit in seconds, from when it takes its slot: the search stops then
    /// and returns its best plan (as Ctrl-C stops `rota solve`).
    package var solveSeconds: Double = 30
    /// The largest request body in bytes (413 above it).
    package var maxBody: Int = 16 << 20

    package init() {}
}
