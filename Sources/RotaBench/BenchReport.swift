import RotaFormat
import Rota

/// A finished benchmark: the suite, the machine and commit, every run's record, and how long
/// it all took; written as JSON lines and as Markdown (`results/bench-<suite>.jsonl`, `.md`).
public struct BenchReport: Sendable {
    public var suite: BenchSuite
    public var machine: MachineInfo
    public var records: [BenchRecord]
    /// When the benchmark started (ISO 8601).
    public var started: String
    /// Wall-clock seconds of the whole benchmark.
    public var seconds: Double
    /// The MIP size table, when the suite has one.
    public var modelSizes: [ModelSizeSeries.Point] = []

    public init(suite: BenchSuite, machine: MachineInfo, records: [BenchRecord], started: String, seconds: Double) {
        self.suite = suite
        self.machine = machine
        self.records = records
        self.started = started
        self.seconds = seconds
    }

    /// Runs that returned a plan the validator rejected.
    public var infeasible: [BenchRecord] { records.filter { $0.feasible == false } }
    /// Runs that failed, timed out or went over the memory cap.
    public var failed: [BenchRecord] { records.filter { [.failed, .timedOut, .overMemory].contains($0.outcome) } }

    /// The growth table's rows: the growth solver's solved runs on `huge` at every size, by lines.
    public var growth: [BenchRecord] {
        records.filter {
            $0.solver == suite.growthSolver && $0.outcome == .solved && $0.instance.hasPrefix("\(InstanceFamily.huge.rawValue)-")
        }.sorted { $0.lines < $1.lines }
    }

    /// The first line of the `.jsonl` file: suite, machine, commit, start, duration, budgets.
    public var headerJSON: JSONValue {
        var budgets: [(key: String, value: JSONValue)] = [
            (key: "heuristics", value: Self.json(suite.heuristicBudget)),
            (key: "others", value: Self.json(suite.searchBudget)),
        ]
        for name in suite.overrides.keys.sorted() {
            if let budget = suite.overrides[name] { budgets.append((key: name, value: Self.json(budget))) }
        }
        return .object([
            (key: "kind", value: "machine"),
            (key: "suite", value: .string(suite.name)),
            (key: "started", value: .string(started)),
            (key: "seconds", value: .number((seconds * 1000).rounded() / 1000)),
            (key: "cores", value: .integer(machine.cores)),
            (key: "memoryBytes", value: .integer(Int(clamping: machine.memoryBytes))),
            (key: "cpu", value: .string(machine.cpuModel)),
            (key: "os", value: .string(machine.os)),
            (key: "rota", value: .string(machine.rotaVersion)),
            (key: "commit", value: machine.commit.map { .string($0) } ?? .null),
            (key: "budgets", value: .object(budgets)),
        ])
    }

    /// The JSON lines: the header, then one record per run, each on one line.
    public var jsonLines: String {
        ([headerJSON] + records.map(\.jsonValue)).map(CompactJSON.string).joined(separator: "\n") + "\n"
    }

    private static func json(_ budget: SolverBudget) -> JSONValue {
        .object([
            (key: "timeLimit", value: budget.timeLimit.map { .number($0) } ?? .null),
            (key: "maxLines", value: budget.maxLines.map { .integer($0) } ?? .null),
        ])
    }
}
