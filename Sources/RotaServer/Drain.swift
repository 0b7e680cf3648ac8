import Hummingbird
import ServiceLifecycle

/// The requests in flight, counted from the request's arrival until its answer's last byte was
/// handed to the connection, and the shutdown's first phase, which waits for them.
///
/// Hummingbird's own graceful shutdown closes a connection right after its answer's last part
/// is queued, which cut a large answer (a plan of megabytes) short. So on SIGTERM `Drain`
/// answers new requests 503 at once, waits until every answer in flight was written (at most
/// the solve limit and a margin), and only then lets the server close its connections.
package actor InFlight {
    private var count = 0
    private(set) var isDraining = false
    private var idle: [CheckedContinuation<Void, Never>] = []

    package init() {}

    /// A request arrived; false when the server is shutting down (answer 503).
    func enter() -> Bool {
        guard !isDraining else { return false }
        count += 1
        return true
    }

    /// Its answer was written (or failed).
    func leave() {
        count -= 1
        if count == 0 {
            for waiter in idle { waiter.resume() }
            idle = []
        }
    }

    /// Stops taking requests and returns once none is in flight.
    func drain() async {
        isDraining = true
        guard count > 0 else { return }
        await withCheckedContinuation { idle.append($0) }
    }
}

/// The service that runs after the server in the service group, so that on SIGTERM or SIGINT
/// it is shut down first: it drains the requests in flight, then the server shuts down.
struct Drain: Service {
    let inFlight: InFlight
    /// The longest wait for answers in flight.
    let limit: Duration

    func run() async throws {
        try? await gracefulShutdown()
        let inFlight = inFlight
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await inFlight.drain() }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
        // The last answer's final bytes are with the connection; give the peer a moment to read them.
        try? await Task.sleep(for: .milliseconds(300))
    }
}
