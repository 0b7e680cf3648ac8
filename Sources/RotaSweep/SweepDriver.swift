import Foundation
import Rota

/// Runs a sweep into its output file: works out which runs of the shard the file lacks
/// (`prepare`), then runs them on `jobs` workers and appends each line in run order
/// (`execute`): a run that finishes early waits in memory for the ones before it, so the
/// file is the same whatever `--jobs` is, and a crash leaves a prefix of it (minus the runs
/// in flight), which the next run of the same command completes.
package enum SweepDriver {
    /// What a sweep command has to do.
    package struct Prepared: Sendable {
        package var header: SweepHeader
        /// The runs the output still lacks, in run order.
        package var pending: [SweepRunner.Task]
        /// Runs of this shard already in the output (skipped).
        package var done: Int
        /// Where to cut the output before appending (a torn last line), if anywhere.
        var truncateTo: Int?
        /// Whether a torn last line was found (and will be redone).
        package var droppedTornLine: Bool
    }

    package static func prepare(
        grid: SweepGrid, instances: SweepInstances, output: String, solver: String, nodeLimit: Int?, shard: SweepShard
    ) throws -> Prepared {
        let header = SweepHeader(
            grid: grid.digest, vectors: grid.vectors.count, instances: instances.digest,
            instanceCount: instances.entries.count, solver: solver, nodeLimit: nodeLimit, shard: shard)
        var doneRuns: Set<Int> = []
        var truncateTo: Int?
        var torn = false
        if let existing = try SweepFile.read(output) {
            if let found = existing.header, found != header {
                throw SweepError(
                    "\(output) holds another sweep (\(header.differences(from: found).joined(separator: ", ")) differ); "
                        + "resume it with the same arguments, or write to another file (-o)")
            }
            for record in existing.records {
                guard shard.contains(record.run) else {
                    throw SweepError("\(output): run \(record.run) is not of shard \(shard); the file is damaged, write to another file (-o)")
                }
                doneRuns.insert(record.run)
            }
            if existing.torn {
                truncateTo = existing.completeLength
                torn = true
            }
        }
        let layout = header.layout
        let runs = shard.runs(of: layout.runs)
        let pending = runs.filter { !doneRuns.contains($0) }.map { run in
            let vector = layout.vector(of: run)
            return SweepRunner.Task(
                run: run, vector: vector, weights: grid.vectors[vector],
                instance: instances.entries[layout.instance(of: run)])
        }
        return Prepared(header: header, pending: pending, done: doneRuns.count, truncateTo: truncateTo, droppedTornLine: torn)
    }

    /// Runs the pending runs with `jobs` workers (each call of `worker` is one run's result
    /// members) and appends their lines in run order; `progress` gets the runs written so far.
    package static func execute(
        _ prepared: Prepared, output: String, jobs: Int,
        worker: @escaping @Sendable (SweepRunner.Task) -> [(key: String, value: JSONValue)],
        progress: @escaping @Sendable (Int) -> Void
    ) throws {
        let appender = try SweepAppender(path: output, truncatingTo: prepared.truncateTo, header: prepared.header.line)
        let state = OrderedWriter(appender: appender, count: prepared.pending.count, progress: progress)
        let tasks = prepared.pending
        let solver = prepared.header.solver
        let workers = max(1, min(jobs, tasks.count))
        // One thread per worker (not `concurrentPerform`, which runs no more at once than
        // there are cores): with --jobs N, N runs are in flight whatever the machine.
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let index = state.next() {
                    let task = tasks[index]
                    let record = SweepRunner.record(task, solver: solver, result: worker(task))
                    state.finish(index, record)
                }
                group.leave()
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
        if let failure = state.failure { throw failure }
    }
}

/// Hands out run positions to workers and writes finished runs in position order.
private final class OrderedWriter: @unchecked Sendable {
    private let lock = NSLock()
    private let appender: SweepAppender
    private let count: Int
    private let progress: @Sendable (Int) -> Void
    private var handedOut = 0
    private var written = 0
    private var waiting: [Int: SweepRecord] = [:]
    private(set) var failure: SweepError?

    init(appender: SweepAppender, count: Int, progress: @escaping @Sendable (Int) -> Void) {
        self.appender = appender
        self.count = count
        self.progress = progress
    }

    /// The next position to run, or nil when all are handed out or a write failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, handedOut < count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func finish(_ index: Int, _ record: SweepRecord) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        waiting[index] = record
        while let ready = waiting.removeValue(forKey: written) {
            do {
                try appender.append(ready.line)
            } catch {
                failure = error
                return
            }
            written += 1
            progress(written)
        }
    }
}
