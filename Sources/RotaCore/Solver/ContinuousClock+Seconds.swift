extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    package var secondsElapsed: Double {
        (ContinuousClock.now - self).seconds
    }
}

extension Duration {
    /// The duration in seconds.
    package var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
