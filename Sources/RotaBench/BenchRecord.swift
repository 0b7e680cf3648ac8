import RotaCore

/// One solver on one instance in a benchmark: the instance's size, how the run ended, the
/// plan's quality against the lower bound, time and peak memory, and the model's size when
/// the solver reports it. One line of `results/<suite>.jsonl`.
package struct BenchRecord: Hashable, Sendable {
    /// How a run ended, beyond the solver's own status.
    package enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// The solver returned a plan (see `status` and `feasible`).
        case solved
        /// Not run: the instance is over the solver's size cap.
        case skipped
        /// The solver threw an error, or the run's process failed or was killed.
        case failed
        /// The run's process outlived its deadline and was stopped.
        case timedOut = "timed-out"
        /// The run's process went over the memory cap and was killed.
        case overMemory = "over-memory"
    }

    package var suite: String
    package var instance: String
    /// The file, or `family NAME seed N`.
    package var origin: String
    package var lines: Int
    package var accounts: Int
    package var days: Int
    package var solver: String
    package var outcome: Outcome
    /// The solver's status (`heuristic`, `optimal`, `time-limit`…), when it returned a plan.
    package var status: String?
    /// Whether the validator accepted the plan.
    package var feasible: Bool?
    package var violations: Int?
    package var unscheduled: Int?
    package var makespan: Int?
    /// The proven makespan bound (the instance's combinatorial bound, or the solver's if higher).
    package var lowerBound: Int?
    /// The fewest lines any valid plan leaves out.
    package var boundUnscheduled: Int?
    /// `(makespan − bound) / makespan`, when the plan leaves out no more lines than the bound.
    package var gap: Double?
    package var weightedLateness: Double?
    package var largestLoad: Int?
    package var spread: Int?
    package var softOverruns: Int?
    /// Building the dense problem and solving it.
    package var seconds: Double?
    /// The combinatorial lower bound.
    package var boundSeconds: Double?
    /// Validating and scoring the plan.
    package var checkSeconds: Double?
    /// Peak resident memory of the process that made the run.
    package var peakBytes: Int?
    /// Peak resident memory once the instance was loaded, before solving.
    package var loadedBytes: Int?
    /// Whether the run had a process of its own (otherwise `peakBytes` is the whole benchmark's high-water mark).
    package var isolated: Bool
    /// Model rows, columns and non-zeros, when the solver reports them in its settings.
    package var model: ModelSize?
    /// Limits the run was given: `time-limit`, `node-limit`.
    package var limits: [String: String]
    /// Why the run was skipped or failed.
    package var note: String?

    package init(
        suite: String, instance: String, origin: String, size: BenchSize, solver: String, outcome: Outcome,
        isolated: Bool, limits: [String: String] = [:], note: String? = nil
    ) {
        self.suite = suite
        self.instance = instance
        self.origin = origin
        self.lines = size.lines
        self.accounts = size.accounts
        self.days = size.days
        self.solver = solver
        self.outcome = outcome
        self.isolated = isolated
        self.limits = limits
        self.note = note
    }

    // The command users run, timed from outside (`EndToEndRunner`); `nil` in process, or when
    // the run did not return a plan.

    /// Wall-clock seconds of `rota solve INSTANCE -o PLAN` with this solver and limit, as a
    /// child process: reading, solving, validating and writing, as users run it.
    package var endToEndSeconds: Double?
    /// That process's peak resident set (`ru_maxrss` from `wait4`).
    package var endToEndPeakBytes: Int?
    /// The benchmark process's own peak when it started that one: Linux counts it in the
    /// child's `ru_maxrss` (`execve` keeps the old address space's high-water mark), so an
    /// `endToEndPeakBytes` at or below it only says the run's own peak was at most that.
    package var endToEndFloorBytes: Int?

    /// The instance's size.
    package var size: BenchSize { BenchSize(lines: lines, accounts: accounts, days: days) }
}
