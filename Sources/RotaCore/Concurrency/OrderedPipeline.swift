import Dispatch

/// Produces items `0..<count` on two cores and consumes them in order on the calling thread:
/// a helper thread produces ahead while this thread consumes, and this thread produces too
/// whenever the next item is not ready yet, so neither core waits while there is work.
///
/// At most `ahead` items are produced and not yet consumed: item `i` may use slot
/// `i % ahead` of the caller's buffers, which is free again once item `i - ahead` was
/// consumed. Used to write large plans: pieces are encoded ahead on both cores while the
/// pieces before them are written to the file in order. The consumed sequence is the same as
/// producing and consuming one item after the other; with one core that is what happens.
package enum OrderedPipeline {
    /// Runs `produce(i)` for every item and `consume(i)` in order of `i`, each `consume(i)` after
    /// its `produce(i)`. An error thrown by `consume` stops the pipeline: no item after it is
    /// consumed, and the error is rethrown once the helper has stopped too.
    package static func run<E: Error>(
        count: Int, ahead: Int, produce: (Int) -> Void, consume: (Int) throws(E) -> Void
    ) throws(E) {
        guard Concurrently.isParallel, count > 1, ahead > 1 else {
            for item in 0..<count {
                produce(item)
                try consume(item)
            }
            return
        }
        try withoutActuallyEscaping(produce) { (produce) throws(E) in
            let state = PipelineState(count: count, ahead: ahead, produce: produce)
            let helperDone = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                state.produceAhead()
                helperDone.signal()
            }
            var failure: E?
            for item in 0..<count {
                state.waitFor(item)
                do throws(E) {
                    try consume(item)
                } catch {
                    failure = error
                    break
                }
                state.consumed()
            }
            if failure != nil { state.stop() }
            helperDone.wait()
            // The helper's block may be released after it signals: the state must not keep
            // `produce` past this call (`withoutActuallyEscaping` checks that it does not).
            state.forgetProduce()
            if let failure { throw failure }
        }
    }
}

/// The pipeline's shared state: which items are claimed by a producer, and which are ready.
private final class PipelineState: @unchecked Sendable {
    let count: Int
    private var produce: ((Int) -> Void)?
    /// One per slot not holding an item produced and not yet consumed.
    private let freeSlots: DispatchSemaphore
    /// Signalled once item `i` is produced.
    private let ready: [DispatchSemaphore]
    /// Guards `nextClaim` and `stopped`.
    private let lock = DispatchSemaphore(value: 1)
    private var nextClaim = 0
    private var stopped = false

    init(count: Int, ahead: Int, produce: @escaping (Int) -> Void) {
        self.count = count
        self.produce = produce
        // Made at 0 and raised: libdispatch traps when a semaphore is freed below the value it
        // was made with, as this one is when a consumer's error leaves slots taken.
        freeSlots = DispatchSemaphore(value: 0)
        for _ in 0..<ahead { freeSlots.signal() }
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// The next item to produce, in order; nil when all are claimed or the pipeline stopped.
    private func claim() -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard !stopped, nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// The helper: produces items in order while slots are free.
    func produceAhead() {
        while true {
            freeSlots.wait()
            guard let item = claim() else {
                freeSlots.signal()
                return
            }
            produce?(item)
            ready[item].signal()
        }
    }

    /// Returns once `item` is produced, producing later items here meanwhile when a slot is
    /// free. `item` is claimed already whenever this waits: claims go in order, and with no
    /// free slot `ahead` items after the last consumed one are claimed.
    func waitFor(_ item: Int) {
        while ready[item].wait(timeout: .now()) == .timedOut {
            guard freeSlots.wait(timeout: .now()) == .success else {
                ready[item].wait()
                return
            }
            guard let other = claim() else {
                freeSlots.signal()
                ready[item].wait()
                return
            }
            produce?(other)
            ready[other].signal()
        }
    }

    /// Drops `produce`, once no thread runs it any more.
    func forgetProduce() { produce = nil }

    /// The item just consumed frees its slot.
    func consumed() { freeSlots.signal() }

    /// No more items are claimed; a helper waiting for a slot is woken to see that.
    func stop() {
        lock.wait()
        stopped = true
        lock.signal()
        freeSlots.signal()
    }
}
