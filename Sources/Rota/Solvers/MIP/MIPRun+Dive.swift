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
    /// basis, until the point is integral or the dive fails. Kinds and bounds are restored.
    func dive(maxRounds: Int = 60) throws -> Relaxation {
        let integers = integerColumns
        var saved: [(column: Int, lower: Double, upper: Double)] = []
        saved.reserveCapacity(integers.count)
        for j in integers {
            let bounds = try model.bounds(of: LinearModel.Column(j))
            saved.append((j, bounds.lower, bounds.upper))
            try model.setKind(.continuous, for: LinearModel.Column(j))
        }
        defer {
            for entry in saved {
                let column = LinearModel.Column(entry.column)
                try? model.setKind(formulation.program.columns[entry.column].kind == .binary ? .binary : .integer, for: column)
                try? model.setBounds(lower: entry.lower, upper: entry.upper, for: column)
            }
        }
        var lower = Dictionary(uniqueKeysWithValues: saved.map { ($0.column, $0.lower) })
        let upper = Dictionary(uniqueKeysWithValues: saved.map { ($0.column, $0.upper) })
        var bound: Double?
        var roundedUp: [(column: Int, value: Double, previous: Double)] = []
        var roundedDown = false
        for round in 0..<maxRounds {
            if exhausted() { break }
            let lp = try model.solve(
                MIPOptions(timeLimit: options.timeLimit.map { max(0.001, $0 - elapsed) }, presolve: false))
            guard lp.status == .optimal, lp.values.count == formulation.program.columns.count else {
                if round == 0 { return Relaxation(bound: nil, values: nil, infeasible: lp.status == .infeasible) }
                // The last rounding up broke the LP: round those columns down instead, once.
                guard lp.status == .infeasible, !roundedDown, !roundedUp.isEmpty else { break }
                for entry in roundedUp {
                    lower[entry.column] = entry.previous
                    try model.setBounds(
                        lower: entry.previous, upper: max(entry.previous, entry.value.rounded(.down)),
                        for: LinearModel.Column(entry.column))
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
                } else if v.rounded() >= 1, v.rounded() > (lower[j] ?? 0) {
                    lower[j] = v.rounded()
                    try model.setBounds(lower: v.rounded(), upper: upper[j] ?? .infinity, for: LinearModel.Column(j))
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
                roundedUp.append((entry.column, values[entry.column], lower[entry.column] ?? 0))
                lower[entry.column] = up
                try model.setBounds(lower: up, upper: max(up, upper[entry.column] ?? up), for: LinearModel.Column(entry.column))
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
