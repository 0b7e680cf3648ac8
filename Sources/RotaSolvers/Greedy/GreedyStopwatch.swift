/// Wall-clock time since a greedy run began.
struct GreedyStopwatch: Sendable {
    private let began = ContinuousClock.now

    var seconds: Double {
        began.secondsElapsed
    }
}
