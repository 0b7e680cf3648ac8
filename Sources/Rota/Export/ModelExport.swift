import _GLPK
import RotaCore
import RotaSolvers

/// Writes rota's MIP for a problem (see models/README.md) as a CPLEX LP or free MPS file with
/// GLPK's writers, for any MIP solver. The file minimises the lines left out (the first
/// stage); the later levels are its free `level[...]` rows (GLPK's readers drop free rows), and
/// the makespan is found by fixing the columns whose review falls at or after a trial horizon,
/// as rota does.
package enum ModelExport {
    /// A file format GLPK writes.
    package enum Format: String, Sendable, CaseIterable {
        /// CPLEX LP.
        case lp
        /// Free MPS.
        case mps
    }

    /// Size of the written model.
    package struct Summary: Sendable, Hashable {
        package var rows: Int
        package var columns: Int
        package var nonZeros: Int
    }

    /// Writes the model of `problem` to `path`; throws when GLPK cannot write the file. With
    /// `makespan`, every column whose review (or earliest possible review) falls on day offset
    /// `makespan` or later is fixed to 0, as rota's makespan search does: the file's solutions
    /// are then the plans ending within `makespan` days (lines that cannot are left out).
    @discardableResult
    package static func write(_ problem: PlanningProblem, format: Format, to path: String, makespan: Int? = nil) throws
        -> Summary
    {
        var formulation = MIPFormulation(problem)
        if let makespan {
            for (j, day) in formulation.reviewDay.enumerated() {
                if let day, day >= makespan { formulation.program.setBounds(column: j, lower: 0, upper: 0) }
            }
        }
        let model = try formulation.program.glpkModel(named: problem.instance.name ?? "rota")
        for term in formulation.objective(.unscheduled) {
            try model.setCost(term.coefficient, for: LinearModel.Column(term.column))
        }
        switch format {
        case .lp: try model.writeLP(to: path)
        case .mps: try model.writeMPS(to: path)
        }
        let counts = model.counts
        return Summary(rows: counts.rows, columns: counts.columns, nonZeros: counts.nonZeros)
    }
}
