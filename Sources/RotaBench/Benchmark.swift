import RotaCore
import Rota

/// Runs a suite: every solver on every instance it admits, in suite order then catalog order.
/// How one run is made is up to the caller (`execute`): `rota bench` starts a process per run,
/// tests and `--in-process` call `BenchRun` directly.
package struct Benchmark: Sendable {
    /// One planned run: the instance, its size, the solver and its budget in the suite.
    package struct Task: Sendable {
        package var suite: String
        package var instance: BenchInstance
        package var size: BenchSize
        package var solver: SolverCatalog.Entry
        package var budget: SolverBudget

        /// The options the solver gets: the budget's time limit.
        package var options: SolveOptions { SolveOptions(timeLimit: budget.timeLimit) }

        /// The same run in this process.
        package func runInProcess() -> BenchRecord {
            BenchRun(
                suite: suite, instance: instance, solverName: solver.name, solver: solver.make(), options: options,
                isolated: false
            ).run()
        }
    }

    package var suite: BenchSuite
    /// The solvers to run (the whole catalog by default).
    package var solvers: [SolverCatalog.Entry]

    package init(suite: BenchSuite, solvers: [SolverCatalog.Entry] = SolverCatalog.entries) {
        self.suite = suite
        self.solvers = solvers
    }

    /// Every run, in order; `execute` makes the admitted ones, the others are recorded as
    /// skipped (over the size cap) or failed (the instance cannot be read). `progress` sees
    /// each record as it is made.
    package func run(execute: (Task) -> BenchRecord, progress: (BenchRecord) -> Void = { _ in }) -> [BenchRecord] {
        var records: [BenchRecord] = []
        for instance in suite.instances {
            let size: BenchSize
            do {
                size = try instance.size()
            } catch {
                for solver in solvers where instance.runs(solver.name) {
                    let record = BenchRecord(
                        suite: suite.name, instance: instance.label, origin: instance.origin,
                        size: BenchSize(lines: 0, accounts: 0, days: 0), solver: solver.name, outcome: .failed,
                        isolated: false, note: error.description)
                    records.append(record)
                    progress(record)
                }
                continue
            }
            for solver in solvers where instance.runs(solver.name) {
                let budget = suite.budget(for: solver)
                let record: BenchRecord
                if budget.admits(lines: size.lines) {
                    record = execute(Task(suite: suite.name, instance: instance, size: size, solver: solver, budget: budget))
                } else {
                    record = BenchRecord(
                        suite: suite.name, instance: instance.label, origin: instance.origin, size: size,
                        solver: solver.name, outcome: .skipped, isolated: false,
                        note: "over \(BenchReport.count(budget.maxLines ?? 0)) lines")
                }
                records.append(record)
                progress(record)
            }
        }
        return records
    }
}
