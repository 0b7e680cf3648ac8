import Synchronization

/// A flag any thread (a signal-handling one too) raises to stop a running search early.
///
/// The solver checks it at each branch-and-bound callback and ends with status
/// `.interrupted`, keeping the best solution found so far. It cannot interrupt a single
/// simplex run (GLPK offers no hook there), only the search around it.
public final class StopToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the search to stop; lock-free, safe to call from anywhere, any number of times.
    public func stop() { flag.store(true, ordering: .relaxed) }

    /// Whether `stop()` has been called.
    public var isStopped: Bool { flag.load(ordering: .relaxed) }
}
