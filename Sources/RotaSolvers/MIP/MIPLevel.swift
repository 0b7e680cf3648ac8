/// One level of the lexicographic objective, in the order the MIP solves them.
public enum MIPLevel: String, CaseIterable, Sendable, Hashable {
    case unscheduled
    case makespan
    case lateness
    case largestLoad = "largest-load"
    case spread
    case softOverruns = "soft-overruns"
}
