/// Wall-clock time since a greedy run began.
struct GreedyStopwatch: Sendable {
    private let began = ContinuousClock.now

    var seconds: Double {
        let parts = (ContinuousClock.now - began).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
