/// Which direction of a metric is better when two plans are compared.
public enum MetricPreference: String, Hashable, Sendable, CaseIterable {
    /// Smaller values are better (unscheduled, makespan, lateness, loads, overruns).
    case lower
    /// Larger values are better (SLA on-time shares).
    case higher
    /// Neither: a count shown for context (purchases and reviews grow with the lines scheduled).
    case neither
}
