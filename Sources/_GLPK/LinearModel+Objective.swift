import CGLPK

extension LinearModel {
    /// Whether the objective is minimised (the default) or maximised.
    package var objectiveDirection: Direction {
        glp_get_obj_dir(problem) == GLP_MAX ? .maximize : .minimize
    }

    /// Sets whether the objective is minimised or maximised.
    package func setObjectiveDirection(_ direction: Direction) throws {
        try checkUsable()
        glp_set_obj_dir(problem, direction == .maximize ? GLP_MAX : GLP_MIN)
    }

    /// Sets a column's objective coefficient.
    package func setCost(_ cost: Double, for column: Column) throws {
        try checkUsable()
        try check(column)
        try Validation.checkFinite(cost, "cost of \(column)")
        glp_set_obj_coef(problem, GLPKIndex.glpk(column.index), cost)
    }

    /// A column's objective coefficient.
    package func cost(of column: Column) throws -> Double {
        try check(column)
        return glp_get_obj_coef(problem, GLPKIndex.glpk(column.index))
    }

    /// The objective's constant term.
    package var objectiveConstant: Double { glp_get_obj_coef(problem, 0) }

    /// Sets the objective's constant term.
    package func setObjectiveConstant(_ constant: Double) throws {
        try checkUsable()
        try Validation.checkFinite(constant, "objective constant")
        glp_set_obj_coef(problem, 0, constant)
    }

    /// The objective's value at `values` (one per column, 0-based).
    package func objectiveValue(at values: [Double]) throws -> Double {
        let n = columnCount
        guard values.count == Int(n) else {
            throw GLPKError.invalidArgument("expected \(n) column values, got \(values.count)")
        }
        var total = objectiveConstant
        for (position, value) in values.enumerated() {
            total += glp_get_obj_coef(problem, GLPKIndex.glpk(position)) * value
        }
        return total
    }
}
