import _GLPK

extension LinearProgram {
    /// A GLPK model holding these columns and rows (no objective yet), on the calling thread;
    /// with `relaxed`, every column is continuous (the LP relaxation).
    package func glpkModel(named name: String? = nil, relaxed: Bool = false) throws -> LinearModel {
        let model = LinearModel()
        if let name, !name.isEmpty { try model.setName(String(name.prefix(200))) }
        for column in columns {
            let kind = relaxed ? .continuous : column.kind.glpk
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

extension LinearProgram.Kind {
    /// The wrapper's kind.
    var glpk: LinearModel.ColumnKind {
        switch self {
        case .continuous: return .continuous
        case .integer: return .integer
        case .binary: return .binary
        }
    }
}
