/// Lateness as integer arc costs for GLPK's min-cost flow, at a fixed makespan.
///
/// A line reviewed on day r costs `round(weight × scale) × max(0, r − due)`. The scale is
/// 1000 (weights are kept to three decimals), lowered when the largest possible arc cost
/// would pass `maximumArcCost`, so GLPK's integer arithmetic stays far from overflow. A line
/// that cannot be late at this makespan (no due date, zero weight, due on or after the last
/// day) has no profile: all its placements cost the same.
struct FlowCosts: Sendable {
    /// The preferred weight scale: three decimals.
    static let preferredScale = 1000.0
    /// The largest cost on any arc.
    static let maximumArcCost = 1_000_000

    let scale: Double
    private let profiles: [Int: FlowCostProfile]

    init(_ demand: FlowDemand, makespan: Int) {
        let problem = demand.problem
        let lastDay = makespan - 1
        var late: [Int] = []
        var largest = 0.0
        for l in demand.purchaseLines {
            let weight = problem.weight[l]
            guard let due = problem.due[l], due < lastDay, weight.isFinite, weight != 0 else { continue }
            late.append(l)
            largest = max(largest, abs(weight) * Double(lastDay - due))
        }
        var scale = Self.preferredScale
        if largest * scale > Double(Self.maximumArcCost) { scale = Double(Self.maximumArcCost) / largest }
        var profiles: [Int: FlowCostProfile] = [:]
        for l in late {
            guard let due = problem.due[l] else { continue }
            let weight = Int((problem.weight[l] * scale).rounded())
            if weight != 0 { profiles[l] = FlowCostProfile(due: due, weight: weight) }
        }
        self.scale = scale
        self.profiles = profiles
    }

    /// The line's lateness pricing, nil when it cannot be late (or weighs nothing).
    func profile(of line: Int) -> FlowCostProfile? { profiles[line] }
}

/// A due day and a scaled integer weight.
struct FlowCostProfile: Hashable, Sendable {
    var due: Int
    var weight: Int
}
