import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent pieces of work at once, one per core, and waits for them all.
///
/// Used where work items do not depend on each other (two greedy passes, two line orders, an
/// instance and a plan read from two files): each job writes only its own result, and the
/// caller combines the results in a fixed order afterwards, so the outcome is the same whether
/// the jobs ran side by side or one after the other. With one core they run one after the
/// other, in order.
package enum Concurrently {
    /// The cores this process may use (at least 1).
    package static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Whether running jobs side by side can save time here.
    package static var isParallel: Bool { cores > 1 }

    /// Runs every job and returns when all have finished. Jobs must not touch each other's state.
    package static func run(_ jobs: [() -> Void]) {
        guard jobs.count > 1, isParallel else {
            for job in jobs { job() }
            return
        }
        let box = JobList(jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in box.jobs[index]() }
    }

    /// Work this small (items: lines, tasks) runs one job after the other: a thread costs more
    /// than it saves.
    package static let smallWork = 20_000

    /// The results of `first` and `second`, computed side by side when `size` (the lines or
    /// tasks the work is about) is at least `smallWork`, else one after the other.
    package static func both<A, B>(size: Int = .max, _ first: () -> A, _ second: () -> B) -> (A, B) {
        guard size >= smallWork, isParallel else { return (first(), second()) }
        return withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let a = JobResult<A>()
                let b = JobResult<B>()
                run([{ a.value = first() }, { b.value = second() }])
                // Both jobs ran to the end: `run` returns only then.
                return (a.value!, b.value!)
            }
        }
    }
}

extension Concurrently {
    /// Drops `value` on another thread: when this held its last reference, its memory is freed
    /// there, beside the caller's next work, instead of in the caller's time. Freeing a
    /// 500,000-line plan, its tables or the greedy search's buffers takes tens of milliseconds
    /// on one core. Dropped in place when there is one core or `size` (the lines or tasks the
    /// value holds) is under `smallWork`. A process may exit before the other thread is done:
    /// the memory goes back to the system with the process then.
    package static func release<Value>(_ value: consuming Value, size: Int) {
        guard size >= smallWork, isParallel else { return }
        let held = Held(consume value)
        DispatchQueue.global(qos: .utility).async { held.drop() }
    }
}

/// A value on its way to another thread, to be dropped there (`Concurrently.release`).
private final class Held<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: consuming Value) { self.value = value }
    func drop() { value = nil }
}

/// One job's result, written by the job's thread and read after `run` returns.
package final class JobResult<Value>: @unchecked Sendable {
    package var value: Value?
    package init() {}
}

/// The jobs, handed to the worker threads: each thread runs a different one.
private final class JobList: @unchecked Sendable {
    let jobs: [() -> Void]
    init(_ jobs: [() -> Void]) { self.jobs = jobs }
}

/// A value computed on another core from the moment it is made, and waited for where it is
/// first read (`value`): work that a caller needs only later (a lower bound a solver reads
/// after its first plan) runs beside the work before it. Computed in place when there is one
/// core or the work is small.
package final class Eventually<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let ready = DispatchSemaphore(value: 0)

    /// Starts `compute` on another thread when `size` is at least `Concurrently.smallWork` and
    /// there are two cores or more; otherwise computes it now.
    package init(size: Int, _ compute: @escaping @Sendable () -> Value) {
        guard size >= Concurrently.smallWork, Concurrently.isParallel else {
            result = compute()
            ready.signal()
            return
        }
        DispatchQueue.global().async { [self] in
            result = compute()
            ready.signal()
        }
    }

    /// A value known already.
    package init(_ value: Value) {
        result = value
        ready.signal()
    }

    /// The value, once computed (the first reader waits for it).
    package var value: Value {
        ready.wait()
        defer { ready.signal() }
        // Set before the signal that let this reader through.
        return result!
    }
}
