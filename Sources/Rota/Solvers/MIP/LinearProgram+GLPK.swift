import _GLPK

extension LinearProgram {
    /// A GLPK model holding these columns and rows (no objective yet), on the calling thread.
    func glpkModel(named name: String? = nil) throws -> LinearModel {
        let model = LinearModel()
        if let name, !name.isEmpty { try model.setName(String(name.prefix(200))) }
        for column in columns {
            let kind: LinearModel.ColumnKind
            switch column.kind {
            case .continuous: kind = .continuous
            case .integer: kind = .integer
            case .binary: kind = .binary
            }
            try model.addColumn(name: column.name, lower: column.lower, upper: column.upper, kind: kind)
        }
        for row in rows {
            let bounds: LinearModel.RowBounds
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false): bounds = .free
            case (true, false): bounds = .atLeast(row.lower)
            case (false, true): bounds = .atMost(row.upper)
            case (true, true): bounds = row.lower == row.upper ? .fixed(row.lower) : .range(row.lower, row.upper)
            }
            try model.addRow(
                name: row.name, terms: row.terms.map { (LinearModel.Column($0.column), $0.coefficient) }, bounds: bounds)
        }
        return model
    }
}
