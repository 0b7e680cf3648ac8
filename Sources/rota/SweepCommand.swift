import ArgumentParser
import Foundation
import Rota
import RotaSweep

/// `rota sweep`: every weight vector of a grid on every instance of a folder, one JSON line
/// per run; `merge` joins shards, `summary` reads the result.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Try priority-weight vectors on a set of instances: one JSON line per run, resumable, shardable.",
        discussion: """
            A grid (JSON, or YAML for a file ending in .yaml or .yml) is a list of weight \
            objects like a policy's "weights", or axes whose cartesian product is the grid, \
            each a weight, a list, or a range {from, to, step}; "normalize": true scales each \
            vector to sum 1. Every vector is tried on every instance (*.json in --instances), \
            the vector replacing the instance's policy weights; each run is one line of the \
            output: the vector, the instance and its SHA-256, the solver status, seconds, and \
            every KPI of `rota score --json`. See docs/SWEEPS.md.

            The output is appended and synced line by line, in run order whatever --jobs is. \
            Rerunning the same command skips the runs already in it (a torn last line is \
            redone); a file of another sweep (grid, instances, solver, shard) is refused.

            Examples:
              rota sweep --instances dir --grid grid.yaml -o sweep.jsonl --jobs 2
              rota sweep --instances dir --grid grid.json -o part-0.jsonl --shard 0/4
              rota sweep merge part-*.jsonl -o sweep.jsonl
              rota sweep summary sweep.jsonl
            """,
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self, SweepSummaryCommand.self, SweepWorkerCommand.self],
        defaultSubcommand: SweepRunCommand.self
    )
}

/// `rota sweep --instances DIR --grid GRID -o OUT`: runs the sweep (or its shard) into OUT.
struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep (or one shard of it) into a JSON Lines file; the default of `rota sweep`.",
        discussion: """
            Runs are numbered vector by vector (run = vector × instances + instance, \
            instances by file name); --shard K/N takes the runs whose number is K modulo N, \
            so N shards run anywhere (GNU parallel, a Slurm array) and `rota sweep merge` \
            joins them into the file one unsharded sweep writes (but for the seconds).

            Runs are deterministic (the solvers' work limits, never the clock): the same \
            command gives the same lines but for "seconds". --jobs N runs N `rota sweep \
            worker` processes, each taking runs as it finishes one; --jobs 1 runs in this process.

            Exit status: 0 done (failed runs are lines with status "failed"), 2 bad input, a \
            usage error, an output of another sweep, or a failed write.

            Examples:
              rota sweep --instances instances/bench --grid grid.yaml -o sweep.jsonl
              rota sweep --instances dir --grid grid.json -o part-1.jsonl --shard 1/2 --jobs 2
            """
    )

    @Option(help: "A folder of instance files: every *.json directly in it.")
    var instances: String

    @Option(help: "The grid of weight vectors (JSON, or YAML for .yaml/.yml).")
    var grid: String

    @Option(name: .shortAndLong, help: "The sweep file (JSON Lines) to write or resume.")
    var output: String

    @Option(help: "The solver: \(SolverCatalog.names.joined(separator: ", ")).")
    var solver: String = SolverCatalog.defaultName

    @Option(parsing: .unconditional, help: "Runs at once, each in its own process (1: in this process).")
    var jobs: Int = 1

    @Option(help: "Run only the K-th of N slices (K from 0): the runs whose number is K modulo N.")
    var shard: String = "0/1"

    @Option(parsing: .unconditional, help: "A machine-independent work limit (search nodes) for the solver.")
    var nodeLimit: Int?

    @Flag(help: "No progress bar on standard error.")
    var quiet = false

    func validate() throws {
        guard SolverCatalog.solver(named: solver) != nil else {
            throw ValidationError("unknown solver '\(solver)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard SweepShard(shard) != nil else {
            throw ValidationError("--shard expects K/N with 0 ≤ K < N (e.g. 0/4), got \(shard)")
        }
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1") }
        try FileArguments.check([.init("--grid", grid)], output: output)
        if output == "-" { throw ValidationError("-o names a file: a sweep is appended to and resumed, never written to standard output") }
    }

    func run() throws {
        let grid = try SweepLoading.reporting { () throws(InputErrors) in try GridDecoder.load(self.grid) }
        let instances = try SweepLoading.reporting { () throws(InputErrors) in try SweepInstances.load(directory: self.instances) }
        try FileArguments.check(instances.entries.map { .init("an instance", $0.path) }, output: output)
        let shard = SweepShard(self.shard)!
        let prepared = try SweepLoading.reporting {
            try SweepDriver.prepare(
                grid: grid, instances: instances, output: output, solver: solver, nodeLimit: nodeLimit, shard: shard)
        }
        let total = prepared.done + prepared.pending.count
        if !quiet && prepared.droppedTornLine {
            Terminal.note("\(output): a torn last line was dropped; that run is done again")
        }
        if !quiet && prepared.done > 0 {
            Terminal.note("\(output): \(prepared.done) of \(total) runs already done; running the other \(prepared.pending.count)")
        }
        let bar = SweepProgress(total: total, done: prepared.done, enabled: !quiet && Terminal.stderrIsInteractive)
        let worker = jobs == 1
            ? Self.inProcess(solver: solver, nodeLimit: nodeLimit)
            : Self.childProcess(solver: solver, nodeLimit: nodeLimit, jobs: min(jobs, max(1, prepared.pending.count)))
        try SweepLoading.reporting {
            try SweepDriver.execute(prepared, output: output, jobs: jobs, worker: worker) { written in bar.update(written) }
        }
        bar.finish()
        if !quiet {
            Terminal.note("\(output): \(total) runs (\(grid.vectors.count) vectors × \(instances.entries.count) instances, shard \(shard))")
        }
    }

    static func inProcess(solver: String, nodeLimit: Int?) -> @Sendable (SweepRunner.Task) -> [(key: String, value: JSONValue)] {
        { task in SweepRunner.result(of: task.instance.instance, weights: task.weights, solver: solver, nodeLimit: nodeLimit) }
    }

    /// Each run in one of `jobs` `rota sweep worker` children, which stay up for the whole
    /// sweep (one process start and one read of each instance per worker, not per run).
    static func childProcess(solver: String, nodeLimit: Int?, jobs: Int) -> @Sendable (SweepRunner.Task) -> [(key: String, value: JSONValue)] {
        var arguments = ["sweep", "worker", "--solver", solver]
        if let nodeLimit { arguments += ["--node-limit", String(nodeLimit)] }
        let pool = SweepWorkerPool(arguments: arguments, size: jobs)
        return { task in pool.run(task) }
    }
}

/// `rota sweep worker` (hidden): the worker of --jobs. Reads requests from standard input, one
/// JSON line each (`{"instance": PATH, "weights": {…}}`), and answers each with one line: the
/// run's result members (status, seconds, KPIs, or `error`). Ends at the end of its input.
struct SweepWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run (vector, instance) requests from standard input, one result line each (the worker of --jobs).",
        shouldDisplay: false
    )

    @Option var solver: String = SolverCatalog.defaultName
    @Option var nodeLimit: Int?

    func run() throws {
        // Runs go round the instances, so every instance read stays for the next vector.
        var cache: [String: Instance] = [:]
        while let line = readLine(strippingNewline: true) {
            let request = try? JSONParser.parse(line)
            let members: [(key: String, value: JSONValue)]
            if let path = request?["instance"]?.stringValue, let vector = request?["weights"].flatMap(WeightVector.init(json:)) {
                if cache[path] == nil { cache[path] = try? RotaJSON.loadInstance(from: path) }
                if let instance = cache[path] {
                    members = SweepRunner.result(of: instance, weights: vector, solver: solver, nodeLimit: nodeLimit)
                } else {
                    members = SweepRunner.failure("cannot read the instance \(path)", seconds: 0)
                }
            } else {
                members = SweepRunner.failure("a worker request must be {\"instance\": PATH, \"weights\": {…}}", seconds: 0)
            }
            try Terminal.print(CompactJSON.string(.object(members)))
        }
    }
}

/// Bad input from the sweep library, reported like `InputLoader` does: one line per problem, exit status 2.
enum SweepLoading {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputErrors {
            for line in error.description.split(separator: "\n") { Terminal.error(String(line)) }
            throw ExitCode(2)
        } catch let error as SweepError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
