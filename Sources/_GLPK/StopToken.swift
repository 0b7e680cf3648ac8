import Synchronization

/// A flag any thread (a signal-handling one too) raises to stop a running solve early.
///
/// The solver checks it between slices of every simplex run it starts (`LinearModel.simplexSlice`
/// iterations each, so a long LP relaxation stops too) and at each branch-and-bound callback,
/// and ends with status `.interrupted`, keeping the best solution found so far. The LP solves
/// GLPK runs inside its branch and bound (each node's, and the root's when the MIP presolver
/// is on) run to their end first.
package final class StopToken: Sendable {
    private let flag = Atomic<Bool>(false)
    private let condition: (@Sendable () -> Bool)?

    package init() { condition = nil }

    /// A token that also counts as raised whenever `condition` returns true, such as a
    /// caller's own "should stop" flag. It is polled at every check: keep it cheap.
    package init(polling condition: @escaping @Sendable () -> Bool) {
        self.condition = condition
    }

    /// Asks the search to stop; lock-free, safe to call from anywhere, any number of times.
    package func stop() { flag.store(true, ordering: .relaxed) }

    /// Whether `stop()` has been called or the polled condition holds.
    package var isStopped: Bool { flag.load(ordering: .relaxed) || condition?() == true }
}
