import Foundation
import Testing
@testable import RotaCore
@testable import RotaFormat
@testable import RotaSolvers
@testable import Rota
@testable import RotaBench

/// The regression gate: a fresh baseline passes, a worse or invalid plan fails, changed
/// instances and unknown solvers fail, new solvers are only reported; the baseline file
/// reads back what was written.
@Suite struct RegressTests {
    /// A folder with generated instances, removed when the value goes away.
    final class Folder {
        let path: String

        init(_ instances: [(InstanceFamily, UInt64)]) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("rota-regress-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            // `tight` is the compact shape these tests were written for (its MIP fits a unit test).
            for (family, seed) in instances {
                let instance = family == .tight ? CompactTight.generate(seed: seed) : family.generate(seed: seed)
                try write("\(family.rawValue)-\(seed).json", instance)
            }
        }

        func write(_ name: String, _ instance: Instance) throws {
            try Data(RotaJSON.encode(instance)).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func entry(_ name: String, _ make: @escaping @Sendable () -> any Solver) -> SolverCatalog.Entry {
        SolverCatalog.Entry(name: name, summary: "test", make: make)
    }

    /// Leaves every line out without a reason: rule 1 breaks for each.
    struct BrokenSolver: Solver {
        let name = "broken"
        func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
            SolveResult(plan: Plan(tasks: []), run: SolverRun(name: name, status: .heuristic, seconds: 0))
        }
    }

    /// Throws, as a solver whose library failed would.
    struct ThrowingSolver: Solver {
        struct Failure: Error {}
        let name = "throwing"
        func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult { throw Failure() }
    }

    /// Records the options it was given, then plans with greedy.
    final class OptionsProbe: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [SolveOptions] = []
        func record(_ options: SolveOptions) {
            lock.lock()
            seen.append(options)
            lock.unlock()
        }
        var options: [SolveOptions] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }

    struct ProbingSolver: Solver {
        let name = "greedy"
        let probe: OptionsProbe
        func solve(_ problem: PlanningProblem, options: SolveOptions) throws -> SolveResult {
            probe.record(options)
            return try GreedySolver().solve(problem, options: options)
        }
    }

    @Test func freshBaselinePassesWithEveryPlanEqual() throws {
        let folder = try Folder([(.tiny, 1), (.seed, 1), (.tight, 1)])
        let baseline = try RegressionGate().makeBaseline(instancesDirectory: folder.path, nodeLimit: 50, searchMaxLines: 300)
        #expect(baseline.entries.count == 3 * SolverCatalog.entries.count)
        #expect(baseline.entries.map(\.instance).first == "seed-1.json", "files in name order")
        #expect(baseline.instances == folder.path)
        let report = RegressionGate().check(baseline)
        #expect(report.passes)
        #expect(report.findings.allSatisfy { $0.verdict == .equal && $0.now == $0.baseline })
        #expect(report.newSolvers.isEmpty)
        #expect(report.summary == "\(baseline.entries.count) plans: \(baseline.entries.count) equal")
    }

    /// Search solvers get the node limit; the others run with their defaults (no
    /// limit at all: `auto` would otherwise run every MIP stage); never a time limit.
    @Test func solvesWithTheNodeLimitAndNeverATimeLimit() throws {
        let folder = try Folder([(.tiny, 1)])
        let probe = OptionsProbe()
        var search = Self.entry("search") { ProbingSolver(probe: probe) }
        search.needsSearchLimit = true
        let gate = RegressionGate(solvers: [search])
        let baseline = try gate.makeBaseline(instancesDirectory: folder.path, nodeLimit: 77, searchMaxLines: 100)
        _ = gate.check(baseline)
        #expect(probe.options.count == 2)
        #expect(probe.options.allSatisfy { $0.nodeLimit == 77 && $0.timeLimit == nil })

        let heuristicProbe = OptionsProbe()
        let heuristics = RegressionGate(solvers: [Self.entry("greedy") { ProbingSolver(probe: heuristicProbe) }])
        _ = heuristics.check(try heuristics.makeBaseline(instancesDirectory: folder.path, nodeLimit: 77, searchMaxLines: 0))
        #expect(heuristicProbe.options.count == 2)
        #expect(heuristicProbe.options.allSatisfy { $0.nodeLimit == nil && $0.timeLimit == nil })
    }

    /// The baseline comes from greedy; then "greedy" is seed-greedy, which is worse on tight-1.
    @Test func aWorsePlanFailsTheGate() throws {
        let folder = try Folder([(.tight, 1), (.tiny, 1)])
        let good = RegressionGate(solvers: [Self.entry("greedy") { GreedySolver() }])
        let baseline = try good.makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        let worse = RegressionGate(solvers: [Self.entry("greedy") { SeedGreedySolver() }])
        let report = worse.check(baseline)
        #expect(!report.passes)
        let tight = try #require(report.findings.first { $0.instance == "tight-1.json" })
        #expect(tight.verdict == .worse)
        #expect(tight.decidingTerm == .makespan)
        #expect(tight.summary.hasPrefix("worse: makespan "))
        #expect(tight.table.rows.first { $0[0] == "makespan" }?[3].hasPrefix("+") == true)
        #expect(report.failures.map(\.instance) == ["tight-1.json"])
        // The other way round the new plans are better, and the gate passes.
        let fromNaive = try worse.makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        let better = good.check(fromNaive)
        #expect(better.passes)
        #expect(better.findings.contains { $0.verdict == .better })
    }

    @Test func aWorsenedBaselineEntryFails() throws {
        let folder = try Folder([(.small, 1)])
        var baseline = try RegressionGate().makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        baseline.entries[0].metrics.weightedLateness -= 1
        let report = RegressionGate().check(baseline)
        #expect(report.findings[0].verdict == .worse)
        #expect(report.findings[0].decidingTerm == .weightedLateness)
        #expect(report.findings.dropFirst().allSatisfy { $0.verdict == .equal })
        // Under an objective that ignores lateness, the same plan is equal.
        let makespanOnly = RegressionGate().check(baseline, objective: .lexicographic([.unscheduled, .makespan]))
        #expect(makespanOnly.passes)
    }

    @Test func anInfeasiblePlanFailsAndIsNeverABaseline() throws {
        let folder = try Folder([(.tiny, 2)])
        let good = try RegressionGate(solvers: [Self.entry("broken") { GreedySolver() }])
            .makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        let report = RegressionGate(solvers: [Self.entry("broken") { BrokenSolver() }]).check(good)
        #expect(report.findings.map(\.verdict) == [.infeasible])
        #expect(report.findings[0].summary.hasPrefix("infeasible ("))
        #expect(!report.passes)
        #expect(throws: RegressionGateError.self) {
            try RegressionGate(solvers: [Self.entry("broken") { BrokenSolver() }])
                .makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        }
        let failing = RegressionGate(solvers: [Self.entry("broken") { ThrowingSolver() }]).check(good)
        #expect(failing.findings.map(\.verdict) == [.failed])
    }

    @Test func changedMissingInstancesAndUnknownSolversFail() throws {
        let folder = try Folder([(.tiny, 1), (.tiny, 2)])
        let baseline = try RegressionGate().makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 300)
        var edited = InstanceFamily.tiny.generate(seed: 1)
        edited.horizonDays += 1
        try folder.write("tiny-1.json", edited)
        try FileManager.default.removeItem(atPath: "\(folder.path)/tiny-2.json")
        let report = RegressionGate().check(baseline)
        #expect(report.findings.filter { $0.instance == "tiny-1.json" }.allSatisfy { $0.verdict == .changedInstance })
        #expect(report.findings.filter { $0.instance == "tiny-2.json" }.allSatisfy { $0.verdict == .unreadableInstance })
        #expect(!report.passes)

        let onlyGreedy = RegressionGate(solvers: [Self.entry("greedy") { GreedySolver() }])
        let fresh = try Folder([(.tiny, 3)])
        let unknown = onlyGreedy.check(try RegressionGate().makeBaseline(instancesDirectory: fresh.path, nodeLimit: 10, searchMaxLines: 300))
        #expect(unknown.findings.contains { $0.verdict == .unknownSolver && $0.summary.contains("no solver called seed-greedy") })
        let extra = RegressionGate().check(try onlyGreedy.makeBaseline(instancesDirectory: fresh.path, nodeLimit: 10, searchMaxLines: 300))
        #expect(extra.passes, "a solver without a baseline entry is reported, not failed")
        #expect(extra.newSolvers == SolverCatalog.names.filter { $0 != "greedy" })
    }

    @Test func searchSolversAreCappedByLines() throws {
        let folder = try Folder([(.tiny, 1), (.small, 1)])
        let slow = SolverCatalog.Entry(name: "slow", summary: "", make: { GreedySolver() }, needsSearchLimit: true)
        let gate = RegressionGate(solvers: [Self.entry("greedy") { GreedySolver() }, slow])
        let baseline = try gate.makeBaseline(instancesDirectory: folder.path, nodeLimit: 10, searchMaxLines: 100)
        #expect(baseline.entries.map { "\($0.instance)/\($0.solver)" } == ["small-1.json/greedy", "tiny-1.json/greedy", "tiny-1.json/slow"])
    }

    @Test func baselineFileRoundTrip() throws {
        let folder = try Folder([(.seed, 1), (.resched, 1)])
        let baseline = try RegressionGate().makeBaseline(
            instancesDirectory: folder.path, nodeLimit: 123, searchMaxLines: 45, objective: .lexicographic([.makespan, .spread]),
            madeBy: "test")
        let back = try Baseline.decode(baseline.encoded, file: "b.json")
        #expect(back == baseline)
        #expect(String(decoding: baseline.encoded, as: UTF8.self).contains("\"format\": \"rota-baseline/1\""))
        #expect(baseline.entries[0].instance == "resched-1.json")
        #expect(InstanceDigest.of(InstanceFamily.resched.generate(seed: 1)) == baseline.entries[0].digest)
        #expect(InstanceDigest.of(InstanceFamily.seed.generate(seed: 1)).count == 16)
    }

    @Test func badBaselinesAreReportedWithTheirPaths() {
        func problems(_ text: String) -> [String] {
            do {
                _ = try Baseline.decode(Array(text.utf8), file: "b.json")
                return []
            } catch {
                return error.located
            }
        }
        #expect(problems("{").count == 1)
        let wrong = problems(#"{"format": "x", "objective": "speed", "nodeLimit": 0, "entries": [{"instance": "a"}]}"#)
        #expect(wrong.contains { $0.hasPrefix("format: ") })
        #expect(wrong.contains { $0.hasPrefix("objective: ") && $0.contains("speed") })
        #expect(wrong.contains { $0.hasPrefix("nodeLimit: ") })
        #expect(wrong.contains { $0.hasPrefix("instances: ") })
        #expect(wrong.contains { $0.hasPrefix("entries[0]: ") })
    }
}
