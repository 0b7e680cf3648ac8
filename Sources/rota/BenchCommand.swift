import ArgumentParser
import Foundation
import Rota
import RotaBench

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run every solver on every instance of a benchmark suite; write figures to results/.",
        discussion: """
            Suites: quick (the committed instances of --instances plus medium-1, and a growth \
            table of huge rescaled to 1,000 and 10,000 lines; about a minute) and full (more \
            seeds, tight and crunch, the MIP shapes mip-medium and mip-large, large, huge, and \
            huge rescaled to 1,000, 10,000 and 100,000 lines for a growth table from 1,000 to \
            500,000 lines; tens of minutes on two cores). Growth points run the default \
            solver (auto) alone. Generated instances come from family and seed at run time \
            (see rota generate --list). Every solver of `rota solvers` runs, so new solvers are \
            benchmarked without changing the suite; each has a time limit and a size cap \
            (solvers that finish on their own: no cap), and a run over the cap is listed as skipped.

            Every run has a process of its own (rota bench-run), so its peak memory (VmHWM, \
            the peak resident set) is its own; --in-process runs everything here instead \
            (faster to start; memory figures then are the high-water mark so far, and nothing \
            is timed end to end). Each run that returns a plan is then timed end to end, as \
            users run it: `rota solve INSTANCE -o PLAN` with the same solver and time limit, as \
            a child process (reading, solving, validating, writing), its wall-clock seconds and \
            peak resident set (ru_maxrss from wait4); generated instances are written to a \
            scratch file first by `rota generate` (not timed); an end-to-end run has the run's \
            deadline, not the memory cap, and a failure of it is noted with the run. A run is \
            stopped at twice its time limit plus 30 s (timed out) or when its resident memory \
            passes --memory-cap (over-memory); both are reported and the suite goes on. Each \
            plan is validated: the command exits 1 when a plan breaks a rule or a solver fails. \
            Before anything runs, the --instances folder must exist and the --results folder \
            is created and checked for writing (else exit status 2).

            Writes <results>/bench-<suite>.jsonl (a header line with the machine, commit and \
            budgets, then one JSON object per run) and <results>/bench-<suite>.md (the same as \
            tables: instance, lines, accounts, days, solver, status, makespan, lower bound, \
            gap, weighted lateness, seconds, peak memory, end-to-end seconds and peak memory, \
            model size; then the growth table).

            Examples:
              rota bench                        the quick suite (make bench-quick)
              rota bench --suite full           everything (make bench)
              rota bench --solver greedy --solver mip --results /tmp/figures
            """
    )

    @Option(help: "The suite: \(BenchSuite.names.joined(separator: ", ")).")
    var suite: String = "quick"

    @Option(help: "The folder of committed instances (every *.json in it is part of each suite).")
    var instances: String = "instances/bench"

    @Option(help: "The folder the figures are written to.")
    var results: String = "results"

    @Option(name: .customLong("solver"), help: "Run only this solver (repeatable; default: every solver).")
    var solvers: [String] = []

    @Option(parsing: .unconditional, help: "Replace every solver's time limit (seconds).")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Kill a run whose resident memory passes this many GiB (recorded as over-memory).")
    var memoryCap: Double = 6

    @Flag(help: "Run every solver in this process instead of one process per run.")
    var inProcess = false

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        guard BenchSuite.names.contains(suite) else {
            throw ValidationError("unknown suite '\(suite)'; choose one of: \(BenchSuite.names.joined(separator: ", "))")
        }
        for name in solvers where SolverCatalog.solver(named: name) == nil {
            throw ValidationError("unknown solver '\(name)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard memoryCap > 0, memoryCap < 1_000_000 else { throw ValidationError("--memory-cap must be a positive number of GiB") }
    }

    func run() throws {
        try checkFolders()
        guard var chosen = BenchSuite.named(suite, directory: instances) else { throw ExitCode(2) }
        if let timeLimit {
            chosen.heuristicBudget.timeLimit = timeLimit
            chosen.searchBudget.timeLimit = timeLimit
        }
        if BenchSuite.files(in: instances).isEmpty {
            Terminal.note("rota bench: no *.json in \(instances); only generated instances run")
        }
        let entries = solvers.isEmpty ? SolverCatalog.entries : SolverCatalog.entries.filter { solvers.contains($0.name) }
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = ISO8601DateFormatter().string(from: Date())
        let machine = MachineInfo.current(ignoring: [results])
        if !quiet {
            Terminal.note("rota bench: \(suite) suite, \(chosen.instances.count) instances × \(entries.count) solvers on \(machine.summary)")
        }
        let endToEnd = inProcess ? nil : try Self.endToEndRunner()
        let records = Benchmark(suite: chosen, solvers: entries).run(
            execute: { [memoryCap] task in
                guard let endToEnd else { return task.runInProcess() }
                var record = Self.runInChild(task, memoryCap: Int(memoryCap * 1_073_741_824))
                if record.outcome == .solved { endToEnd.measure(task, into: &record) }
                return record
            },
            progress: { if !quiet { Terminal.note(Self.progressLine($0)) } })
        let elapsed = clock.now - started
        var report = BenchReport(
            suite: chosen, machine: machine, records: records, started: startedAt,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        if let plan = chosen.modelSizes {
            if !quiet { Terminal.note("rota bench: MIP size table on \(plan.instance.label)") }
            report.modelSizes = plan.measure()
        }

        let base = "\(results)/bench-\(suite)"
        try Terminal.emit(Array(report.jsonLines.utf8), to: "\(base).jsonl")
        try Terminal.emit(Array(report.markdown.utf8), to: "\(base).md")
        if !quiet {
            Terminal.note(
                "rota bench: \(records.count) runs in \(String(format: "%.1f", report.seconds)) s; \(report.infeasible.count) infeasible, \(report.failed.count) failed or stopped → \(base).md, \(base).jsonl")
        }
        if !report.infeasible.isEmpty || report.failed.contains(where: { $0.outcome == .failed }) {
            for r in report.infeasible { Terminal.error("\(r.instance) / \(r.solver): the plan breaks \(r.violations ?? 0) rules") }
            for r in report.failed where r.outcome == .failed { Terminal.error("\(r.instance) / \(r.solver): \(r.note ?? "failed")") }
            throw ExitCode(1)
        }
    }

    /// Before any run: --instances is a folder, and --results is one (created if needed) that
    /// files can be written to; else bad input (exit status 2).
    private func checkFolders() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: instances, isDirectory: &isFolder), isFolder.boolValue else {
            let what = FileManager.default.fileExists(atPath: instances) ? "not a folder" : "no such folder"
            Terminal.error("\(instances): cannot read the instances (--instances): \(what)")
            throw ExitCode(2)
        }
        do {
            try OutputFolder.prepare(results)
        } catch {
            Terminal.error("\(error.description) (the folder for --results)")
            throw ExitCode(2)
        }
    }

    /// Times `rota solve` runs with this executable, in a scratch folder of the system's
    /// temporary one (removed when the benchmark ends); exit status 2 when it cannot be made.
    private static func endToEndRunner() throws -> EndToEndRunner {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rota-bench-\(ProcessInfo.processInfo.processIdentifier)"
        ).path
        do {
            return try EndToEndRunner(executable: ChildProcess.executable.path, scratch: scratch)
        } catch {
            Terminal.error("\(scratch): cannot make the scratch folder for end-to-end runs: \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }

    /// Runs `task` in a `rota bench-run` process; a crash or a stop at the deadline is a record too.
    static func runInChild(_ task: Benchmark.Task, memoryCap: Int) -> BenchRecord {
        var arguments = ["bench-run", "--suite", task.suite, "--solver", task.solver.name] + task.instance.arguments
        if let limit = task.budget.timeLimit { arguments += ["--time-limit", String(limit)] }
        var failed = BenchRecord(
            suite: task.suite, instance: task.instance.label, origin: task.instance.origin, size: task.size,
            solver: task.solver.name, outcome: .failed, isolated: true, limits: task.options.settings)
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(arguments, deadline: task.budget.deadline(fallback: 600), memoryCap: memoryCap)
        } catch {
            failed.note = "could not start rota bench-run: \(error.localizedDescription)"
            return failed
        }
        let line = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        if result.overMemory {
            failed.outcome = .overMemory
            failed.note = "killed: resident memory over \(String(format: "%g", Double(memoryCap) / 1_073_741_824)) GiB"
            failed.peakBytes = memoryCap
            return failed
        }
        if result.timedOut {
            failed.outcome = .timedOut
            failed.note = "stopped after \(Int(task.budget.deadline(fallback: 600))) s"
            return failed
        }
        guard result.status == 0, !result.signalled, let record = BenchRecord(jsonLine: line) else {
            failed.note = result.signalled ? "killed by signal \(result.status)" : "rota bench-run exited with status \(result.status)"
            return failed
        }
        return record
    }

    /// "small-1  greedy  heuristic  makespan 16 (bound 16)  0.026 s  18.2 MiB  end to end 0.041 s 24.0 MiB".
    static func progressLine(_ r: BenchRecord) -> String {
        var parts = [r.instance, r.solver]
        switch r.outcome {
        case .solved:
            parts.append((r.status ?? "?") + (r.feasible == false ? " INFEASIBLE" : ""))
            if let makespan = r.makespan {
                parts.append("makespan \(makespan)" + (r.lowerBound.map { " (bound \($0))" } ?? "")
                    + ((r.unscheduled ?? 0) > 0 ? ", \(r.unscheduled ?? 0) left out" : ""))
            }
            if let seconds = r.seconds { parts.append(String(format: "%.3f s", seconds)) }
            if let peak = r.peakBytes { parts.append("\(PeakMemory.mebibytes(peak)) MiB") }
            if let seconds = r.endToEndSeconds, let peak = r.endToEndPeakBytes {
                parts.append(String(format: "end to end %.3f s", seconds) + " \(PeakMemory.mebibytes(peak)) MiB")
            }
        case .skipped: parts.append("skipped (\(r.note ?? "over the size cap"))")
        case .failed: parts.append("FAILED: \(r.note ?? "")")
        case .timedOut: parts.append("TIMED OUT: \(r.note ?? "")")
        case .overMemory: parts.append("OVER MEMORY: \(r.note ?? "")")
        }
        return "  " + parts.joined(separator: "  ")
    }
}
