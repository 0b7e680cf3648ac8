import ArgumentParser
import Foundation
import Rota
import RotaServer

/// `rota serve`: the HTTP API over a SQLite schedule store (docs/SERVER.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve rota over HTTP: the stateless commands and a durable schedule store (SQLite).",
        discussion: """
            Routes (docs/SERVER.md, OpenAPI 3.1 at /openapi.json): POST /v1/solve, /v1/validate, \
            /v1/score, /v1/compare, /v1/explain; POST /v1/schedules (an instance → its id and \
            first plan), GET /v1/schedules/{id}, POST /v1/schedules/{id}/events (events → a new \
            plan version; If-Match with the version, 409 when stale), GET .../plan?version=N, \
            .../audit?since=DAY&line=ID, .../kpis; GET /v1/health and /metrics (Prometheus).

            Prints the address it listens on (with --port 0, the free port it got) on standard \
            output, and one log line per request on standard error (method, route, status, \
            milliseconds, request id; never a body or the key). The database file is created \
            on first start; an acknowledged event batch is on disk. SIGTERM or Ctrl-C stops \
            accepting, lets requests in flight finish, and closes the database.

            At most --max-solves solves run at once and --queue wait; beyond that the answer \
            is 429 with Retry-After. Each solve stops after --solve-seconds with its best plan. \
            Report pages have limits of their own: --max-reports at once, --report-queue waiting.

            Examples:
              rota serve
              rota serve --port 0 --database /var/lib/rota/rota.sqlite --api-key-file key.txt
              curl -s --data-binary @instances/seed.json http://127.0.0.1:8080/v1/schedules
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port (0: a free one, printed on start).")
    var port: Int = 8080

    @Option(help: "The SQLite database file (created when absent).")
    var database: String = "rota.sqlite"

    @Option(help: "A file holding the API key: every route but health and metrics then needs Authorization: Bearer KEY.")
    var apiKeyFile: String?

    @Option(help: "Solves that may run at once.")
    var maxSolves: Int = 2

    @Option(help: "Solves that may wait for a slot (429 beyond).")
    var queue: Int = 4

    @Option(help: "Report pages that may be built at once.")
    var maxReports: Int = 2

    @Option(help: "Report pages that may wait for a slot (429 beyond).")
    var reportQueue: Int = 8

    @Option(help: "Each solve's time limit in seconds.")
    var solveSeconds: Double = 30

    @Option(help: "The largest request body in bytes (413 above).")
    var maxBody: Int = 16 << 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxSolves >= 1 else { throw ValidationError("--max-solves must be at least 1") }
        guard queue >= 0 else { throw ValidationError("--queue must be 0 or more") }
        guard maxReports >= 1 else { throw ValidationError("--max-reports must be at least 1") }
        guard reportQueue >= 0 else { throw ValidationError("--report-queue must be 0 or more") }
        guard solveSeconds > 0 else { throw ValidationError("--solve-seconds must be a positive number of seconds") }
        guard maxBody >= 1 else { throw ValidationError("--max-body must be at least 1 byte") }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.database = database
        options.maxSolves = maxSolves
        options.queue = queue
        options.maxReports = maxReports
        options.reportQueue = reportQueue
        options.solveSeconds = solveSeconds
        options.maxBody = maxBody
        if let apiKeyFile {
            guard let text = try? String(contentsOfFile: apiKeyFile, encoding: .utf8) else {
                Terminal.error("\(apiKeyFile): cannot read the API key file")
                throw ExitCode(2)
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty, !key.contains(where: \.isNewline) else {
                Terminal.error("\(apiKeyFile): the API key file must hold one key on one line")
                throw ExitCode(2)
            }
            options.apiKey = key
        }
        do {
            try RotaServe.runBlocking(options) { address in
                try? Terminal.print("rota serve: listening on \(address)")
            }
        } catch {
            Terminal.error("serve: \(error)")
            throw ExitCode(2)
        }
    }
}
