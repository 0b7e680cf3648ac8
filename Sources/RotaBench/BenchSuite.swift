import Foundation
import Rota

/// A set of benchmark instances and the budgets that let every catalog solver finish on them:
/// `quick` (the committed instances, about a minute) and `full` (up to `huge`, within 20 minutes
/// on two cores). Solvers come from `SolverCatalog` when the suite runs, so solvers added
/// later are benchmarked without changing the suite.
package struct BenchSuite: Sendable {
    package var name: String
    package var instances: [BenchInstance]
    /// Budget of the catalog's solvers that finish on their own (the heuristics, flow and auto).
    package var heuristicBudget: SolverBudget
    /// Budget of every other solver (exact and search-based ones).
    package var searchBudget: SolverBudget
    /// Budgets by solver name, replacing the two above.
    package var overrides: [String: SolverBudget]
    /// The solver of the growth table (time and memory against lines).
    package var growthSolver: String
    /// The instance and cuts of the MIP size table (`ModelSizeSeries`), if the suite has one.
    package var modelSizes: ModelSizePlan?
    /// The growth table's solver unless told otherwise: the heuristic every other path starts from.
    package static let defaultGrowthSolver = "greedy"

    package init(
        name: String, instances: [BenchInstance], heuristicBudget: SolverBudget, searchBudget: SolverBudget,
        overrides: [String: SolverBudget] = [:], growthSolver: String = BenchSuite.defaultGrowthSolver
    ) {
        self.name = name
        self.instances = instances
        self.heuristicBudget = heuristicBudget
        self.searchBudget = searchBudget
        self.overrides = overrides
        self.growthSolver = growthSolver
    }

    /// The budget of `entry` in this suite.
    package func budget(for entry: SolverCatalog.Entry) -> SolverBudget {
        overrides[entry.name] ?? (entry.needsSearchLimit ? searchBudget : heuristicBudget)
    }

    /// `auto` runs as `rota solve` runs it by default: no limit (a limit would also send it
    /// through the MIP's lateness and balance stages on every instance).
    static let asUsersRunIt: [String: SolverBudget] = ["auto": SolverBudget()]

    /// The growth solver of `quick` and `full`: the one `rota solve` runs by default, so that
    /// the growth table says what users feel (end to end beside the solver alone).
    static let growthAsUsersRunIt = SolverCatalog.defaultName

    /// `huge` rescaled to each of `lines`, run by the growth solver alone.
    static func growthPoints(_ lines: [Int]) -> [BenchInstance] {
        lines.map { .family(.huge, seed: 1, lines: $0, solvers: [growthAsUsersRunIt]) }
    }

    /// The committed instances of `directory` (every `*.json`, by name), plus `medium-1` and a
    /// small growth table (`huge` at 1,000 and 10,000 lines, the growth solver alone)
    /// generated; heuristics get 10 s, other solvers 4 s and at most 5,000 lines.
    package static func quick(directory: String) -> BenchSuite {
        BenchSuite(
            name: "quick",
            instances: files(in: directory).map(BenchInstance.file) + [.family(.medium, seed: 1)]
                + growthPoints([1_000, 10_000]),
            heuristicBudget: SolverBudget(timeLimit: 10), searchBudget: SolverBudget(timeLimit: 4, maxLines: 5_000),
            overrides: asUsersRunIt, growthSolver: growthAsUsersRunIt)
    }

    /// The quick instances, more seeds of the middle families, issue 10's tight and crunch
    /// shapes, the issue-3 MIP shapes, `large`, `huge`, and `huge` rescaled to 1,000, 10,000 and
    /// 100,000 lines for the growth table (those three run the growth solver only; `huge` itself,
    /// 500,000 lines, runs every solver within its cap). Heuristics get 60 s; other solvers 20 s and at most
    /// 25,000 lines (so they meet `large` and `mip-large`, not `huge`).
    package static func full(directory: String) -> BenchSuite {
        let generated: [BenchInstance] = [
            .family(.medium, seed: 1), .family(.medium, seed: 2), .family(.small, seed: 2), .family(.tight, seed: 2),
            .family(.tight, seed: 3), .family(.crunch, seed: 5), .family(.crunch, seed: 6), .family(.resched, seed: 2),
            .family(.mipMedium, seed: 1), .family(.large, seed: 1), .family(.mipLarge, seed: 1),
        ]
        var suite = BenchSuite(
            name: "full",
            instances: files(in: directory).map(BenchInstance.file) + generated + growthPoints([1_000, 10_000, 100_000])
                + [.family(.huge, seed: 1)],
            heuristicBudget: SolverBudget(timeLimit: 60), searchBudget: SolverBudget(timeLimit: 20, maxLines: 25_000),
            overrides: asUsersRunIt, growthSolver: growthAsUsersRunIt)
        suite.modelSizes = ModelSizePlan(
            instance: .family(.mipMedium, seed: 1), lines: [250, 500, 1_000, 2_000], accounts: [10, 25, 50],
            days: [10, 20, 30])
        return suite
    }

    /// The suite called `name` (`quick` or `full`), or `nil`.
    package static func named(_ name: String, directory: String) -> BenchSuite? {
        switch name {
        case "quick": quick(directory: directory)
        case "full": full(directory: directory)
        default: nil
        }
    }

    /// The names `named` knows.
    package static let names = ["quick", "full"]

    /// Every `*.json` file directly in `directory`, sorted by name; empty when it cannot be read.
    package static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "\(base)/\($0)" }
    }
}

/// Which instance the MIP size table cuts, and where (see `ModelSizeSeries.measure`).
package struct ModelSizePlan: Sendable {
    package var instance: BenchInstance
    package var lines: [Int]
    package var accounts: [Int]
    package var days: [Int]

    package init(instance: BenchInstance, lines: [Int], accounts: [Int], days: [Int]) {
        self.instance = instance
        self.lines = lines
        self.accounts = accounts
        self.days = days
    }

    /// The table's points; empty when the instance cannot be loaded.
    package func measure() -> [ModelSizeSeries.Point] {
        guard let loaded = try? instance.load() else { return [] }
        return ModelSizeSeries.measure(loaded, lines: lines, accounts: accounts, days: days)
    }
}
