import CGLPK

/// The state GLPK's branch-and-bound callback works on, handed through `cb_info`.
///
/// Lives for the duration of one `glp_intopt` call on the solving thread; the C callback
/// gets it back from an unretained `Unmanaged` pointer.
final class SearchContext {
    private let nodeLimit: Int?
    private let stop: StopToken?
    private let progress: (@Sendable (MIPProgress) -> Void)?
    private let progressInterval: Double
    private let clock: SolveClock
    /// The warm start in GLPK's 1-based layout, nil when there is none to offer.
    private let warmStart: [Double]?

    private(set) var nodes = 0
    private(set) var nodeLimitReached = false
    private var warmStartTried = false
    private(set) var warmStartAccepted = false
    /// The best bound seen; a stale one is still valid, only weaker.
    var bound: Double?
    private var lastReport: Double = 0
    private var lastIncumbent: Double?

    init(options: MIPOptions, warmStart: [Double]?, clock: SolveClock, bound: Double?) {
        nodeLimit = options.nodeLimit
        stop = options.stop
        progress = options.progress
        progressInterval = options.progressInterval
        self.clock = clock
        self.warmStart = warmStart
        self.bound = bound
    }

    /// The C callback GLPK calls at each step of the search.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }

    private func handle(_ tree: OpaquePointer) {
        if stopRequested(tree) { return }
        let reason = glp_ios_reason(tree)
        if reason == GLP_ISELECT || reason == GLP_IBINGO { updateBound(tree) }
        if reason == GLP_IHEUR { offerWarmStart(tree) }
        // Incumbents also come from GLPK's own heuristics, which raise no event: watch them.
        if progress != nil, let incumbent = Self.incumbent(tree), incumbent != lastIncumbent {
            lastIncumbent = incumbent
            report(tree, .newIncumbent)
        }
        if reason == GLP_ISELECT {
            if let nodeLimit, nodes >= nodeLimit {
                nodeLimitReached = true
                glp_ios_terminate(tree)
                return
            }
            nodes += 1
            if progress != nil, clock.seconds - lastReport >= progressInterval {
                report(tree, .periodic)
            }
        }
        _ = stopRequested(tree)
    }

    /// Hands the warm start to GLPK at its first request for a heuristic solution.
    private func offerWarmStart(_ tree: OpaquePointer) {
        guard let warmStart, !warmStartTried else { return }
        warmStartTried = true
        warmStartAccepted = warmStart.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
    }

    /// The objective of the search's best integer solution so far.
    private static func incumbent(_ tree: OpaquePointer) -> Double? {
        let problem = glp_ios_get_prob(tree)
        return glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil
    }

    private func stopRequested(_ tree: OpaquePointer) -> Bool {
        guard let stop, stop.isStopped else { return false }
        glp_ios_terminate(tree)
        return true
    }

    private func updateBound(_ tree: OpaquePointer) {
        let best = glp_ios_best_node(tree)
        if best != 0 { bound = glp_ios_node_bound(tree, best) }
    }

    private func report(_ tree: OpaquePointer, _ event: MIPProgress.Event) {
        guard let progress else { return }
        let incumbent = Self.incumbent(tree)
        let now = clock.seconds
        lastReport = now
        progress(MIPProgress(
            event: event, incumbent: incumbent, bound: bound,
            gap: MIPOutcome.relativeGap(objective: incumbent, bound: bound),
            nodes: nodes, seconds: now))
    }
}

/// Wall-clock time since a solve started, and what is left of its time limit.
struct SolveClock {
    private let start = ContinuousClock.now
    let limit: Double?

    init(limit: Double?) {
        self.limit = limit.flatMap { $0.isFinite ? $0 : nil }
    }

    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Whether the time limit has run out.
    var expired: Bool { limit.map { seconds >= $0 } ?? false }

    /// The remaining time as GLPK's `tm_lim` (milliseconds, ≥ 0; `Int32.max` means none).
    var glpkMilliseconds: Int32 {
        guard let limit else { return Int32.max }
        let remaining = ((limit - seconds) * 1000).rounded(.up)
        return Int32(clamping: Int(max(0, min(remaining, Double(Int32.max - 1)))))
    }
}
