/// The Pareto front of points: those no other point dominates (at least as good in every
/// objective and better in one). Equal points do not dominate each other, so both stay.
enum ParetoFront {
    /// Whether larger is better for an objective.
    enum Sense: Sendable {
        case maximize
        case minimize
    }

    /// The indices of the non-dominated points, in increasing order.
    static func indices(_ points: [[Double]], senses: [Sense]) -> [Int] {
        points.indices.filter { candidate in
            !points.indices.contains { other in
                other != candidate && dominates(points[other], points[candidate], senses)
            }
        }
    }

    static func dominates(_ a: [Double], _ b: [Double], _ senses: [Sense]) -> Bool {
        var better = false
        for (index, sense) in senses.enumerated() {
            let (x, y) = sense == .maximize ? (a[index], b[index]) : (-a[index], -b[index])
            if x < y { return false }
            if x > y { better = true }
        }
        return better
    }
}
