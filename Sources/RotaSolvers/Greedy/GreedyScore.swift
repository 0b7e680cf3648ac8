/// The default lexicographic objective of a plan: unscheduled lines, makespan, weighted
/// lateness, largest account load, then the spread between the busiest and idlest account.
struct GreedyScore: Comparable, Sendable {
    var unscheduled: Int
    var makespan: Int
    var lateness: Double
    var largestLoad: Int
    var spread: Int

    static func < (a: GreedyScore, b: GreedyScore) -> Bool {
        if a.unscheduled != b.unscheduled { return a.unscheduled < b.unscheduled }
        if a.makespan != b.makespan { return a.makespan < b.makespan }
        if a.lateness != b.lateness { return a.lateness < b.lateness }
        if a.largestLoad != b.largestLoad { return a.largestLoad < b.largestLoad }
        return a.spread < b.spread
    }
}
