import Dispatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `rota serve`: opens the store, serves until SIGTERM or SIGINT, then answers new
/// requests 503, lets the requests in flight finish (a solve included) and their answers be
/// written, stops listening, and closes the database.
package enum RotaServe {
    /// Serves from a synchronous caller (the command), blocking until the server stopped.
    /// `announce` gets the bound address (`http://127.0.0.1:8080`) once listening.
    package static func runBlocking(_ options: ServerOptions, announce: @escaping @Sendable (String) -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do {
                try await run(options, announce: announce)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// Serves until a shutdown signal.
    package static func run(_ options: ServerOptions, announce: @escaping @Sendable (String) -> Void) async throws {
        let store: ScheduleStore
        do {
            store = try ScheduleStore(path: options.database)
        } catch {
            throw ServeError("\(options.database): cannot open the database: \(error)")
        }
        var logger = Logger(label: "rota-serve")
        logger.logLevel = .info
        let api = RotaAPI(options: options, store: store)
        let host = options.host
        let app = Application(
            router: api.router(),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "rota"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                announce("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            },
            logger: logger)
        // Shut down in reverse order: first drain the answers in flight, then the server.
        let drain = Drain(inFlight: api.inFlight, limit: .seconds(options.solveSeconds + 30))
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app), .init(service: drain)], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            try? store.close()
            throw ServeError("cannot serve on \(host):\(options.port): \(error)")
        }
        try store.close()
        logger.info("stopped; database closed", metadata: ["database": "\(options.database)"])
    }

    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

/// A failure to start or run the server, in words.
package struct ServeError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
