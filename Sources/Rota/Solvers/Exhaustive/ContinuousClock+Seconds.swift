extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    var secondsElapsed: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
