import CGLPK

/// The verdict on a warm start: usable (snapped onto bounds and integers) or why not.
enum WarmStartCheck {
    /// 0-based values, integer columns rounded and near-bound values moved onto the bound.
    case feasible([Double])
    case rejected(String)
}

extension LinearModel {
    /// How far (relative to 1 + |bound|) a warm start may stray from a bound or an integer.
    static let warmStartTolerance = 1e-6

    /// Throws unless `values` holds one finite value per column.
    func checkWarmStartShape(_ values: [Double]) throws {
        let n = Int(columnCount)
        guard values.count == n else {
            throw GLPKError.invalidArgument("warm start has \(values.count) values, the model has \(n) columns")
        }
        for (position, value) in values.enumerated() {
            try Validation.checkFinite(value, "warm start value of column \(position)")
        }
    }

    /// Checks a warm start against every column bound, integrality and row bound.
    ///
    /// GLPK's `glp_ios_heur_sol` checks only integrality, so an infeasible vector would
    /// become a bogus incumbent: it must be checked here.
    func checkWarmStart(_ values: [Double]) -> WarmStartCheck {
        let tolerance = Self.warmStartTolerance
        var snapped = values
        for position in snapped.indices {
            let j = GLPKIndex.glpk(position)
            var value = snapped[position]
            if glp_get_col_kind(problem, j) != GLP_CV {  // GLP_IV, or GLP_BV for 0-1 bounds
                let whole = value.rounded()
                guard abs(value - whole) <= tolerance else {
                    return .rejected("column \(position) is integer but has value \(value)")
                }
                value = whole
            }
            let (lower, upper) = GLPKBounds.decode(
                type: glp_get_col_type(problem, j), lower: glp_get_col_lb(problem, j),
                upper: glp_get_col_ub(problem, j))
            if value < lower {
                guard lower - value <= tolerance * (1 + abs(lower)) else {
                    return .rejected("column \(position) has value \(value) below its lower bound \(lower)")
                }
                value = lower
            }
            if value > upper {
                guard value - upper <= tolerance * (1 + abs(upper)) else {
                    return .rejected("column \(position) has value \(value) above its upper bound \(upper)")
                }
                value = upper
            }
            snapped[position] = value
        }

        var indices = [Int32]()
        var coefficients = [Double]()
        for position in GLPKIndex.positions(count: rowCount) {
            let i = GLPKIndex.glpk(position)
            let count = readRow(i, indices: &indices, values: &coefficients)
            var activity = 0.0
            for k in stride(from: 1, through: count, by: 1) {
                activity += coefficients[k] * snapped[GLPKIndex.position(indices[k])]
            }
            let (lower, upper) = GLPKBounds.decode(
                type: glp_get_row_type(problem, i), lower: glp_get_row_lb(problem, i),
                upper: glp_get_row_ub(problem, i))
            if activity < lower - tolerance * (1 + abs(lower))
                || activity > upper + tolerance * (1 + abs(upper)) {
                let name = glp_get_row_name(problem, i).map { " '\(String(cString: $0))'" } ?? ""
                return .rejected("row \(position)\(name) has activity \(activity) outside [\(lower), \(upper)]")
            }
        }
        return .feasible(snapped)
    }
}
