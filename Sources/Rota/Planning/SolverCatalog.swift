import RotaCore
import RotaSolvers

/// The solvers a user can pick by name (`rota solve --solver NAME`).
public enum SolverCatalog {
    /// One entry: the name, a one-line description, and how to make the solver.
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
        public let make: @Sendable () -> any Solver
        /// Whether the solver is an open-ended search that only ends, beyond small instances,
        /// within a work or time limit (the MIP). Benchmarks give such solvers the search budget
        /// and a size cap, the regression gate a node limit; the others finish on their own, with
        /// the same plan on every machine, and run with their defaults.
        public var needsSearchLimit: Bool = false
    }

    /// Every solver, default first.
    public static let entries: [Entry] = [
        Entry(
            name: "auto",
            summary: "greedy, then flow, then (if the bound is not met) the MIP warm-started from them; proves the makespan",
            make: { AutoSolver() }),
        Entry(
            name: "greedy",
            summary: "constructive heuristic: least slack first, scarce items first, least-loaded account",
            make: { GreedySolver() }),
        Entry(
            name: "seed-greedy",
            summary: "naive baseline: days in order, lines and accounts in input order, first fit",
            make: { SeedGreedySolver() }),
        Entry(
            name: "mip",
            summary: "exact: GLPK mixed-integer program, level by level, warm-started from greedy",
            make: { MIPSolver(startFromGreedy: true) }, needsSearchLimit: true),
        Entry(
            name: "flow",
            summary: "GLPK network flows: optimal makespan where only daily and same-item caps bind",
            make: { FlowSolver() }),
    ]

    /// The solver used when none is named.
    public static let defaultName = "auto"

    public static var names: [String] { entries.map(\.name) }

    /// The solver with this name, or `nil`.
    public static func solver(named name: String) -> (any Solver)? {
        entries.first { $0.name == name }?.make()
    }
}
