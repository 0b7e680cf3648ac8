import Foundation
import Testing
@testable import RotaCore
@testable import RotaFormat
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import Rota
@testable import RotaBench

/// The benchmark library: suites, budgets and size caps, runs in this process, records and
/// their JSON lines, the Markdown report with its growth table, the machine description.
@Suite struct BenchTests {
    static func suite(
        _ instances: [BenchInstance], heuristics: SolverBudget = SolverBudget(), others: SolverBudget = SolverBudget()
    ) -> BenchSuite {
        BenchSuite(name: "test", instances: instances, heuristicBudget: heuristics, searchBudget: others)
    }

    @Test func everySolverOnEveryInstanceInOrder() {
        let suite = Self.suite([.family(.tiny, seed: 1), .family(.seed, seed: 1), .family(.resched, seed: 1)])
        let benchmark = Benchmark(suite: suite)
        var seen: [String] = []
        let records = benchmark.run(execute: { $0.runInProcess() }, progress: { seen.append("\($0.instance)/\($0.solver)") })
        let expected = ["tiny-1", "seed-1", "resched-1"].flatMap { i in SolverCatalog.names.map { "\(i)/\($0)" } }
        #expect(records.map { "\($0.instance)/\($0.solver)" } == expected)
        #expect(seen == expected, "progress sees every record in order")
        for r in records {
            #expect(r.outcome == .solved, "\(r.instance)/\(r.solver): \(r.note ?? "")")
            #expect(r.feasible == true, "\(r.instance)/\(r.solver)")
            #expect(r.violations == 0)
            #expect(r.status != nil && r.seconds != nil && r.boundSeconds != nil && r.checkSeconds != nil)
            #expect((r.peakBytes ?? 0) > 0)
            #expect(r.isolated == false)
            if let makespan = r.makespan, let bound = r.lowerBound, r.unscheduled == r.boundUnscheduled {
                #expect(bound <= makespan)
                #expect(r.gap == gap(makespan: makespan, bound: bound))
            }
        }
        let tiny = records.first { $0.instance == "tiny-1" }
        #expect(tiny?.origin == "family tiny seed 1")
        #expect(tiny?.lines == InstanceFamily.tiny.generate(seed: 1).resolvedLines.count)
    }

    @Test func sizeCapsSkipAndGrowthPointsRunOneSolver() {
        let suite = Self.suite(
            [.family(.small, seed: 1), .family(.tiny, seed: 2, solvers: ["greedy"])],
            heuristics: SolverBudget(maxLines: 50), others: SolverBudget(maxLines: 50))
        var executed: [String] = []
        let records = Benchmark(suite: suite).run(execute: { task in
            executed.append("\(task.instance.label)/\(task.solver.name)")
            return task.runInProcess()
        })
        let small = records.filter { $0.instance == "small-1" }
        #expect(small.count == SolverCatalog.entries.count)
        #expect(small.allSatisfy { $0.outcome == .skipped && $0.note == "over 50 lines" && $0.feasible == nil })
        #expect(executed == ["tiny-2/greedy"], "skipped runs are never executed; growth points run only their solver")
    }

    @Test func budgetsFollowTheCatalogFlag() throws {
        var suite = Self.suite([], heuristics: SolverBudget(timeLimit: 9), others: SolverBudget(timeLimit: 3, maxLines: 10))
        let heuristic = try #require(SolverCatalog.entries.first { !$0.needsSearchLimit })
        let other = SolverCatalog.Entry(name: "slow", summary: "", make: { GreedySolver() }, needsSearchLimit: true)
        #expect(suite.budget(for: heuristic).timeLimit == 9)
        #expect(suite.budget(for: other) == SolverBudget(timeLimit: 3, maxLines: 10))
        suite.overrides["slow"] = SolverBudget(timeLimit: 1)
        #expect(suite.budget(for: other) == SolverBudget(timeLimit: 1))
        #expect(SolverBudget(timeLimit: 5).deadline(fallback: 100) == 40)
        #expect(SolverBudget().deadline(fallback: 100) == 100)
        #expect(SolverBudget(maxLines: 10).admits(lines: 10) && !SolverBudget(maxLines: 10).admits(lines: 11))
    }

    /// The MIP size table: cuts hold what they say, and the model never shrinks as a dimension grows.
    @Test func modelSizeSeriesGrowsWithEachDimension() throws {
        let instance = InstanceFamily.small.generate(seed: 4)
        let cut = ModelSizeSeries.cut(instance, lines: 30, accounts: 3, days: 10)
        #expect(cut.orders.reduce(0) { $0 + $1.lines.count } == 30)
        #expect(cut.accounts.map(\.id) == instance.accounts.prefix(3).map(\.id))
        #expect(cut.horizonDays == 10)
        let points = ModelSizeSeries.measure(instance, lines: [20, 40, 80], accounts: [2, 4], days: [10, 20])
        #expect(points.map(\.dimension) == ["lines", "lines", "lines", "accounts", "accounts", "days", "days"])
        for dimension in ["lines", "accounts", "days"] {
            let series = points.filter { $0.dimension == dimension }
            #expect(zip(series, series.dropFirst()).allSatisfy { $0.columns <= $1.columns && $0.rows <= $1.rows }, "\(dimension)")
        }
        var report = BenchReport(
            suite: BenchSuite(name: "full", instances: [], heuristicBudget: SolverBudget(), searchBudget: SolverBudget()),
            machine: MachineInfo(cores: 2, memoryBytes: 1 << 30, cpuModel: "c", os: "o", commit: nil), records: [],
            started: "2026-01-01T00:00:00Z", seconds: 1)
        report.modelSizes = points
        #expect(report.markdown.contains("## The exact model against lines, accounts and days"))
        #expect(report.markdown.contains("| lines | 80 |"))
    }

    @Test func aMIPTooLargeIsSkippedNotFailed() {
        var mip = MIPSolver()
        mip.maximumPurchaseColumns = 1
        let run = BenchRun(
            suite: "t", instance: .family(.tiny, seed: 3), solverName: "mip", solver: mip, options: SolveOptions(),
            isolated: false)
        let record = run.run()
        #expect(record.outcome == .skipped)
        #expect(record.note?.hasSuffix("purchase columns, over its limit of 1") == true)
    }

    @Test func failedLoadIsARecordNotACrash() {
        let suite = Self.suite([.file("/nonexistent/instance.json")])
        let records = Benchmark(suite: suite).run(execute: { $0.runInProcess() })
        #expect(records.count == SolverCatalog.entries.count)
        #expect(records.allSatisfy { $0.outcome == .failed && ($0.note ?? "").contains("/nonexistent/instance.json") })
    }

    @Test func suitesListTheCommittedInstances() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("instances/bench").path
        let files = BenchSuite.files(in: folder)
        #expect(!files.isEmpty)
        #expect(files == files.sorted())
        let quick = BenchSuite.quick(directory: folder)
        #expect(
            quick.instances.map(\.label)
                == files.map { BenchInstance.file($0).label } + ["medium-1", "huge-1@1000", "huge-1@10000"])
        #expect(quick.instances.filter { $0.solvers != nil }.allSatisfy { $0.solvers == ["auto"] }, "a small growth table")
        let auto = try #require(SolverCatalog.entries.first { $0.name == "auto" })
        #expect(quick.budget(for: auto) == SolverBudget(), "auto runs as users run it: no limit")
        let full = BenchSuite.full(directory: folder)
        #expect(full.budget(for: auto) == SolverBudget())
        #expect(full.modelSizes?.instance.label == "mip-medium-1")
        let growth = full.instances.filter { $0.solvers != nil }
        #expect(growth.map(\.label) == ["huge-1@1000", "huge-1@10000", "huge-1@100000"])
        #expect(growth.allSatisfy { $0.runs("auto") && !$0.runs("greedy") }, "growth is `rota solve` as users run it")
        #expect(full.growthSolver == SolverCatalog.defaultName)
        let labels = full.instances.map(\.label)
        #expect(["tight-2", "tight-3", "crunch-5", "crunch-6"].allSatisfy(labels.contains), "issue 10's shapes")
        #expect(full.instances.last?.label == "huge-1")
        #expect(full.searchBudget.maxLines.map { $0 >= 21_000 && $0 < 500_000 } == true, "exact solvers meet large, not huge")
        #expect(BenchSuite.named("nope", directory: folder) == nil)
        // Every committed instance decodes and is what its family and seed generate (so the
        // files can be rebuilt with `rota generate`).
        for file in files {
            let instance = try RotaJSON.loadInstance(from: file)
            let label = BenchInstance.file(file).label
            guard let dash = label.lastIndex(of: "-"), let family = InstanceFamily(named: String(label[..<dash])),
                let seed = UInt64(label[label.index(after: dash)...])
            else { continue }
            // tight-1 predates issue 10's tight shape: it is the compact one, kept for the baseline.
            let generated = family == .tight ? CompactTight.generate(seed: seed) : family.generate(seed: seed)
            #expect(instance == generated, "\(label) is `rota generate --family \(family.rawValue) --seed \(seed)`")
        }
    }

    @Test func recordJSONLineRoundTrip() throws {
        let run = BenchRun(
            suite: "t", instance: .family(.tiny, seed: 3), solverName: "greedy", solver: GreedySolver(),
            options: SolveOptions(timeLimit: 5), isolated: true)
        var record = run.run()
        record.model = ModelSize(rows: 10, columns: 20, nonZeros: 30)
        record.note = "a \"quoted\" note"
        record.endToEndSeconds = 0.25
        record.endToEndPeakBytes = 30 << 20
        let line = record.jsonLine
        #expect(line.contains("\"endToEndSeconds\":0.25,\"endToEndPeakBytes\":31457280"))
        #expect(!line.contains("\n"))
        let back = try #require(BenchRecord(jsonLine: line))
        #expect(back == record)
        #expect(record.limits == ["time-limit": "5.0"])
        #expect(BenchRecord(jsonLine: "{\"kind\": \"machine\"}") == nil)
        #expect(BenchRecord(jsonLine: "not json") == nil)
    }

    /// The record's model size is the solver's typed `SolveResult.model`: the MIP's, none for greedy.
    @Test func modelSizeIsTheSolversOwn() throws {
        let instance = BenchInstance.family(.tiny, seed: 3)
        let mip = BenchRun(
            suite: "t", instance: instance, solverName: "mip", solver: MIPSolver(startFromGreedy: true),
            options: SolveOptions(nodeLimit: 5), isolated: false
        ).run()
        let problem = PlanningProblem(try instance.load())
        let report = try MIPSolver(startFromGreedy: true).run(problem, options: SolveOptions(nodeLimit: 5))
        #expect(mip.model == report.size.model)
        let greedy = BenchRun(
            suite: "t", instance: instance, solverName: "greedy", solver: GreedySolver(), isolated: false
        ).run()
        #expect(greedy.model == nil)
        #expect(ModelSize(rows: 1, columns: 2, nonZeros: 3).text == "1 × 2, 3 nz")
    }

    @Test func markdownReportHasEveryColumnAndTheGrowthTable() {
        func record(_ instance: String, lines: Int, solver: String, seconds: Double) -> BenchRecord {
            var r = BenchRecord(
                suite: "full", instance: instance, origin: "family huge seed 1", size: BenchSize(lines: lines, accounts: lines / 500, days: 180),
                solver: solver, outcome: .solved, isolated: true)
            r.status = "heuristic"
            r.feasible = true
            r.violations = 0
            r.unscheduled = 0
            r.makespan = 100
            r.lowerBound = 100
            r.boundUnscheduled = 0
            r.gap = 0
            r.weightedLateness = 12.5
            r.seconds = seconds
            r.peakBytes = 512 * 1_048_576
            r.loadedBytes = 256 * 1_048_576
            r.endToEndSeconds = seconds * 2
            r.endToEndPeakBytes = 1_024 * 1_048_576
            return r
        }
        var skipped = BenchRecord(
            suite: "full", instance: "huge-1", origin: "family huge seed 1", size: BenchSize(lines: 500_000, accounts: 1_000, days: 180),
            solver: "mip", outcome: .skipped, isolated: false, note: "over 25,000 lines")
        skipped.limits = ["time-limit": "30.0"]
        var bad = record("tight-1", lines: 140, solver: "broken", seconds: 0.1)
        bad.feasible = false
        bad.violations = 3
        bad.endToEndPeakBytes = 30 * 1_048_576
        bad.endToEndFloorBytes = 30 * 1_048_576 - 4_096
        let records = [
            record("huge-1@1000", lines: 1_000, solver: "auto", seconds: 0.01), record("huge-1", lines: 500_000, solver: "auto", seconds: 6),
            record("huge-1", lines: 500_000, solver: "seed-greedy", seconds: 3), skipped, bad,
        ]
        let machine = MachineInfo(cores: 2, memoryBytes: 8 << 30, cpuModel: "Test CPU", os: "Test OS", commit: "abc123")
        let report = BenchReport(
            suite: BenchSuite(
                name: "full", instances: [], heuristicBudget: SolverBudget(timeLimit: 60),
                searchBudget: SolverBudget(timeLimit: 30, maxLines: 25_000), growthSolver: "auto"),
            machine: machine, records: records, started: "2026-01-01T00:00:00Z", seconds: 12)
        let md = report.markdown
        #expect(md.contains("| instance | lines | accounts | days | solver | status | makespan | lower bound | gap | weighted lateness | seconds | peak MiB | end-to-end s | end-to-end MiB | model (rows × columns, nz) |"))
        #expect(md.contains("| huge-1 | 500,000 | 1,000 | 180 | auto | heuristic | 100 | 100 | 0.0% | 12.500 | 6.000 | 512.0 | 12.000 | 1024.0 | — |"))
        #expect(md.contains("`rota solve INSTANCE -o PLAN` with the same solver and limit"))
        #expect(md.contains("2 cores, 8.0 GiB, Test CPU, Test OS"))
        #expect(md.contains("`abc123`"))
        #expect(md.contains("| huge-1 | 500,000 | 1,000 | 180 | mip | skipped: over 25,000 lines |"))
        #expect(md.contains("## Growth: `rota solve` (auto) against lines"))
        #expect(md.contains("| 1,000 | 2 | 0.020 | 20.0 | 1024.0 | 0.010 | 10.0 | 512.0 | 256.0 | 100 | 100 |"))
        #expect(md.contains("| 500,000 | 1,000 | 12.000 | 24.0 | 1024.0 | 6.000 | 12.0 | 512.0 | 256.0 | 100 | 100 |"))
        #expect(report.growth.map(\.solver) == ["auto", "auto"], "the growth table is the growth solver's alone")
        #expect(md.contains("**INFEASIBLE** (3)"))
        #expect(md.contains("| 0.200 | ≤ 30.0 | — |"), "a figure no higher than rota bench's own peak is only an upper bound")
        #expect(report.infeasible.count == 1)

        let lines = report.jsonLines.split(separator: "\n").map(String.init)
        #expect(lines.count == records.count + 1)
        #expect(lines[0].hasPrefix("{\"kind\":\"machine\",\"suite\":\"full\""))
        #expect(lines[0].contains("\"commit\":\"abc123\""))
        #expect(lines.dropFirst().compactMap(BenchRecord.init(jsonLine:)) == records)
    }

    @Test func machineAndMemory() {
        let machine = MachineInfo.current()
        #expect(machine.cores >= 1)
        #expect(machine.memoryBytes > 0)
        #expect(!machine.cpuModel.isEmpty && !machine.os.isEmpty)
        #expect(PeakMemory.bytes > 1_000_000)
        #expect(PeakMemory.mebibytes(1_572_864) == 1.5)
    }
}
