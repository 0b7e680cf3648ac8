import CGLPK

extension LinearModel {
    /// Adds a row `bounds(Σ coefficient × column)`; zero coefficients are dropped.
    ///
    /// Throws on a column out of range, a column listed twice, a non-finite coefficient or
    /// bound, or a bad name, leaving the model unchanged. GLPK grows its row array
    /// geometrically, so adding rows one by one stays linear in the total size.
    @discardableResult
    package func addRow(name: String? = nil, terms: [(Column, Double)], bounds: RowBounds) throws -> Row {
        try checkUsable()
        let existing = Int(rowCount)
        guard existing < GLPKIndex.maximumCount else {
            throw GLPKError.invalidArgument("GLPK allows at most \(GLPKIndex.maximumCount) rows")
        }
        if let name { try Validation.checkName(name) }
        let what = name.map { "row '\($0)'" } ?? "new row \(existing)"
        let encoded = try Self.rowBounds(bounds, what: what)
        try loadScratch(terms, what: what)

        let i = glp_add_rows(problem, 1)
        if let name { glp_set_row_name(problem, i, name) }
        glp_set_row_bnds(problem, i, encoded.type, encoded.lower, encoded.upper)
        setScratchRow(i, count: terms.count)
        return Row(GLPKIndex.position(i))
    }

    /// Replaces a row's terms.
    package func setTerms(_ terms: [(Column, Double)], for row: Row) throws {
        try checkUsable()
        try check(row)
        try loadScratch(terms, what: "\(row)")
        setScratchRow(GLPKIndex.glpk(row.index), count: terms.count)
    }

    /// Changes a row's bounds (e.g. to cap a level reached in an earlier stage).
    package func setBounds(_ bounds: RowBounds, for row: Row) throws {
        try checkUsable()
        try check(row)
        let encoded = try Self.rowBounds(bounds, what: "\(row)")
        glp_set_row_bnds(problem, GLPKIndex.glpk(row.index), encoded.type, encoded.lower, encoded.upper)
    }

    /// Names a row.
    package func setName(_ name: String, for row: Row) throws {
        try checkUsable()
        try check(row)
        try Validation.checkName(name)
        glp_set_row_name(problem, GLPKIndex.glpk(row.index), name)
    }

    /// A row's bounds.
    package func bounds(of row: Row) throws -> RowBounds {
        try check(row)
        let i = GLPKIndex.glpk(row.index)
        let lower = glp_get_row_lb(problem, i)
        let upper = glp_get_row_ub(problem, i)
        switch glp_get_row_type(problem, i) {
        case GLP_FR: return .free
        case GLP_LO: return .atLeast(lower)
        case GLP_UP: return .atMost(upper)
        case GLP_FX: return .fixed(lower)
        default: return .range(lower, upper)
        }
    }

    /// A row's non-zero terms, by column order.
    package func terms(of row: Row) throws -> [(Column, Double)] {
        try check(row)
        var indices = [Int32]()
        var values = [Double]()
        let count = readRow(GLPKIndex.glpk(row.index), indices: &indices, values: &values)
        return (1..<(count + 1))
            .map { (Column(GLPKIndex.position(indices[$0])), values[$0]) }
            .sorted { $0.0 < $1.0 }
    }

    /// A row's name, if it has one.
    package func name(of row: Row) throws -> String? {
        try check(row)
        return glp_get_row_name(problem, GLPKIndex.glpk(row.index)).map { String(cString: $0) }
    }

    /// Reads GLPK's raw (1-based) entries of row `i` into the buffers (grown to hold any row)
    /// and returns how many there are.
    func readRow(_ i: Int32, indices: inout [Int32], values: inout [Double]) -> Int {
        let capacity = Int(columnCount) + 1
        if indices.count < capacity {
            indices = [Int32](repeating: 0, count: capacity)
            values = [Double](repeating: 0, count: capacity)
        }
        return Int(glp_get_mat_row(problem, i, &indices, &values))
    }

    /// Checks `terms` and copies them into the 1-based scratch arrays.
    private func loadScratch(_ terms: [(Column, Double)], what: @autoclosure () -> String) throws {
        let columns = Int(columnCount)
        if columnStamps.count < columns {
            columnStamps.append(contentsOf: repeatElement(0, count: columns - columnStamps.count))
        }
        currentStamp += 1
        if scratchIndices.count < terms.count + 1 {
            scratchIndices = [Int32](repeating: 0, count: terms.count + 1)
            scratchValues = [Double](repeating: 0, count: terms.count + 1)
        }
        for (k, (column, coefficient)) in terms.enumerated() {
            try GLPKIndex.check(column.index, count: Int32(columns), kind: "column")
            try Validation.checkFinite(coefficient, "coefficient of \(column) in \(what())")
            guard columnStamps[column.index] != currentStamp else {
                throw GLPKError.duplicateColumn(column: column.index, row: what())
            }
            columnStamps[column.index] = currentStamp
            scratchIndices[k + 1] = GLPKIndex.glpk(column.index)
            scratchValues[k + 1] = coefficient
        }
    }

    /// Hands the first `count` scratch entries to GLPK as row `i`.
    private func setScratchRow(_ i: Int32, count: Int) {
        scratchIndices.withUnsafeBufferPointer { indices in
            scratchValues.withUnsafeBufferPointer { values in
                glp_set_mat_row(problem, i, Int32(count), indices.baseAddress, values.baseAddress)
            }
        }
    }

    /// Checks and encodes row bounds; infinite sides become missing sides.
    static func rowBounds(_ bounds: RowBounds, what: @autoclosure () -> String) throws -> GLPKBounds {
        if case let .fixed(value) = bounds {
            try Validation.checkFinite(value, "fixed value of \(what())")
        }
        let (lower, upper) = bounds.interval
        return try GLPKBounds(lower: lower, upper: upper, what: what())
    }
}
