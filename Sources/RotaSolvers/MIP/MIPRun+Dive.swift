import _GLPK

extension MIPRun {
    /// The LP relaxation's answer and, when the dive reached one, an integer point.
    struct Relaxation {
        /// The relaxation's optimum: a bound on the stage's objective.
        var bound: Double?
        /// Values of an integer-feasible point found by diving.
        var values: [Double]?
        /// The relaxation itself is infeasible, so no integer point exists.
        var infeasible: Bool
    }

    /// Solves the LP relaxation, then dives: every integer column at a positive integral value
    /// keeps at least that value, the most decided quarter of the fractional ones is rounded
    /// up (down, if that leaves the LP infeasible), and the LP is solved again from its last
    /// basis, until the point is integral or the dive fails. Bounds are restored.
    func dive(maxRounds: Int = 60) throws -> Relaxation {
        let integers = integerColumns
        var dive = DiveBounds(model: model)
        defer { dive.restore() }
        var bound: Double?
        var roundedUp: [(column: Int, value: Double, previous: Double)] = []
        var roundedDown = false
        for round in 0..<maxRounds {
            if exhausted() { break }
            let lp = try model.solve(
                MIPOptions(
                    timeLimit: options.timeLimit.map { max(0.001, $0 - elapsed) }, presolve: false, stop: stopToken))
            guard lp.status == .optimal, lp.values.count == formulation.program.columns.count else {
                if round == 0 { return Relaxation(bound: nil, values: nil, infeasible: lp.status == .infeasible) }
                // The last rounding up broke the LP: round those columns down instead, once.
                guard lp.status == .infeasible, !roundedDown, !roundedUp.isEmpty else { break }
                for entry in roundedUp {
                    try dive.set(entry.column, lower: entry.previous, upper: max(entry.previous, entry.value.rounded(.down)))
                }
                roundedUp = []
                roundedDown = true
                continue
            }
            if round == 0 { bound = lp.objective }
            roundedDown = false
            let values = lp.values
            var fractional: [(column: Int, part: Double)] = []
            for j in integers {
                let v = values[j]
                let part = v - v.rounded(.down)
                if part > 1e-6 && part < 1 - 1e-6 {
                    fractional.append((j, part))
                } else if v.rounded() >= 1, v.rounded() > dive.lower(j) {
                    try dive.set(j, lower: v.rounded(), upper: try dive.upper(j))
                }
            }
            if fractional.isEmpty {
                var point = values
                for j in integers { point[j] = point[j].rounded() }
                return Relaxation(bound: bound, values: point, infeasible: false)
            }
            fractional.sort { $0.part != $1.part ? $0.part > $1.part : $0.column < $1.column }
            roundedUp = []
            for entry in fractional.prefix(max(1, fractional.count / 4)) {
                let up = values[entry.column].rounded(.up)
                roundedUp.append((entry.column, values[entry.column], dive.lower(entry.column)))
                try dive.set(entry.column, lower: up, upper: max(up, try dive.upper(entry.column)))
            }
        }
        return Relaxation(bound: bound, values: nil, infeasible: false)
    }

    /// The columns that must be integral in the current stage (overrun indicators only in the last).
    var integerColumns: [Int] {
        let overrunsIntegral = overrunsBinary
        let overruns = Set(formulation.softOverruns)
        return formulation.program.columns.indices.filter { j in
            formulation.program.columns[j].kind != .continuous && (overrunsIntegral || !overruns.contains(j))
        }
    }
}

/// The column bounds a dive changes, remembered so they can be put back.
private struct DiveBounds {
    let model: LinearModel
    private var saved: [Int: (lower: Double, upper: Double)] = [:]
    private var lowers: [Int: Double] = [:]

    init(model: LinearModel) { self.model = model }

    /// The column's lower bound in the dive so far.
    func lower(_ j: Int) -> Double { lowers[j] ?? saved[j]?.lower ?? 0 }

    /// The column's upper bound before the dive.
    mutating func upper(_ j: Int) throws -> Double {
        try remember(j)
        return saved[j]?.upper ?? .infinity
    }

    mutating func set(_ j: Int, lower: Double, upper: Double) throws {
        try remember(j)
        lowers[j] = lower
        try model.setBounds(lower: lower, upper: upper, for: LinearModel.Column(j))
    }

    private mutating func remember(_ j: Int) throws {
        if saved[j] == nil { saved[j] = try model.bounds(of: LinearModel.Column(j)) }
    }

    func restore() {
        for (j, bounds) in saved { try? model.setBounds(lower: bounds.lower, upper: bounds.upper, for: LinearModel.Column(j)) }
    }
}
