import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent pieces of work at once, one per core, and waits for them all.
///
/// Used where a solver has work whose results do not depend on each other (two greedy passes,
/// two line orders): each job writes only its own result, and the caller combines the results
/// in a fixed order afterwards, so the outcome is the same whether the jobs ran side by side or
/// one after the other. With one core they run one after the other, in order.
enum Concurrently {
    /// The cores this process may use (at least 1).
    static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Whether running jobs side by side can save time here.
    static var isParallel: Bool { cores > 1 }

    /// Runs every job and returns when all have finished. Jobs must not touch each other's state.
    static func run(_ jobs: [() -> Void]) {
        guard jobs.count > 1, isParallel else {
            for job in jobs { job() }
            return
        }
        let box = JobList(jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in box.jobs[index]() }
    }
}

/// The jobs, handed to the worker threads: each thread runs a different one.
private final class JobList: @unchecked Sendable {
    let jobs: [() -> Void]
    init(_ jobs: [() -> Void]) { self.jobs = jobs }
}
