import CGLPK

extension LinearModel {
    /// Adds one column; `kind: .binary` intersects the bounds with [0, 1].
    @discardableResult
    package func addColumn(
        name: String? = nil, lower: Double = 0, upper: Double = .infinity,
        kind: ColumnKind = .continuous, cost: Double = 0
    ) throws -> Column {
        try addColumns(count: 1, names: name.map { [$0] }, lower: lower, upper: upper, kind: kind, cost: cost)[0]
    }

    /// Adds `count` columns with the same bounds, kind and cost, in one GLPK call.
    @discardableResult
    package func addColumns(
        count: Int, lower: Double = 0, upper: Double = .infinity,
        kind: ColumnKind = .continuous, cost: Double = 0
    ) throws -> [Column] {
        try addColumns(count: count, names: nil, lower: lower, upper: upper, kind: kind, cost: cost)
    }

    private func addColumns(
        count: Int, names: [String]?, lower: Double, upper: Double, kind: ColumnKind, cost: Double
    ) throws -> [Column] {
        try checkUsable()
        let existing = Int(columnCount)
        guard count >= 1, count <= GLPKIndex.maximumCount - existing else {
            throw GLPKError.invalidArgument(
                "cannot add \(count) columns to \(existing) (1 to \(GLPKIndex.maximumCount) in all)")
        }
        try names?.forEach(Validation.checkName)
        try Validation.checkFinite(cost, "cost of new column")
        let bounds = try Self.columnBounds(lower: lower, upper: upper, kind: kind, what: "new column")

        let first = glp_add_cols(problem, Int32(count))
        let last = first + Int32(count) - 1
        let glpkKind = kind == .continuous ? GLP_CV : GLP_IV
        for j in first...last {
            if let names { glp_set_col_name(problem, j, names[Int(j - first)]) }
            glp_set_col_kind(problem, j, glpkKind)
            glp_set_col_bnds(problem, j, bounds.type, bounds.lower, bounds.upper)
            if cost != 0 { glp_set_obj_coef(problem, j, cost) }
        }
        return (GLPKIndex.position(first)...GLPKIndex.position(last)).map(Column.init)
    }

    /// Changes a column's bounds (e.g. to fix a level before the next lexicographic stage).
    package func setBounds(lower: Double, upper: Double, for column: Column) throws {
        try checkUsable()
        try check(column)
        let j = GLPKIndex.glpk(column.index)
        let kind: ColumnKind = glp_get_col_kind(problem, j) == GLP_CV ? .continuous : .integer
        let bounds = try Self.columnBounds(lower: lower, upper: upper, kind: kind, what: "\(column)")
        glp_set_col_bnds(problem, j, bounds.type, bounds.lower, bounds.upper)
    }

    /// Changes a column's kind; `.binary` also intersects its bounds with [0, 1].
    package func setKind(_ kind: ColumnKind, for column: Column) throws {
        try checkUsable()
        try check(column)
        let current = try bounds(of: column)
        let bounds = try Self.columnBounds(
            lower: current.lower, upper: current.upper, kind: kind, what: "\(column)")
        let j = GLPKIndex.glpk(column.index)
        glp_set_col_kind(problem, j, kind == .continuous ? GLP_CV : GLP_IV)
        glp_set_col_bnds(problem, j, bounds.type, bounds.lower, bounds.upper)
    }

    /// Names a column (names show in LP/MPS files and MathProg results).
    package func setName(_ name: String, for column: Column) throws {
        try checkUsable()
        try check(column)
        try Validation.checkName(name)
        glp_set_col_name(problem, GLPKIndex.glpk(column.index), name)
    }

    /// A column's bounds, infinities for missing sides.
    package func bounds(of column: Column) throws -> (lower: Double, upper: Double) {
        try check(column)
        let j = GLPKIndex.glpk(column.index)
        return GLPKBounds.decode(
            type: glp_get_col_type(problem, j), lower: glp_get_col_lb(problem, j),
            upper: glp_get_col_ub(problem, j))
    }

    /// A column's kind; an integer column with bounds exactly [0, 1] reads as `.binary`.
    package func kind(of column: Column) throws -> ColumnKind {
        try check(column)
        switch glp_get_col_kind(problem, GLPKIndex.glpk(column.index)) {
        case GLP_CV: return .continuous
        case GLP_BV: return .binary
        default: return .integer
        }
    }

    /// A column's name, if it has one.
    package func name(of column: Column) throws -> String? {
        try check(column)
        return glp_get_col_name(problem, GLPKIndex.glpk(column.index)).map { String(cString: $0) }
    }

    /// Checks and encodes column bounds for a kind: integer bounds must be whole numbers,
    /// binary bounds are intersected with [0, 1].
    static func columnBounds(
        lower: Double, upper: Double, kind: ColumnKind, what: @autoclosure () -> String
    ) throws -> GLPKBounds {
        var lower = lower
        var upper = upper
        if kind == .binary, !lower.isNaN, !upper.isNaN {
            lower = max(lower, 0)
            upper = min(upper, 1)
        }
        let bounds = try GLPKBounds(lower: lower, upper: upper, what: what())
        if kind != .continuous {
            for bound in [lower, upper] where bound.isFinite && bound.rounded() != bound {
                throw GLPKError.invalidBounds("\(what()): integer column with fractional bound \(bound)")
            }
        }
        return bounds
    }
}
