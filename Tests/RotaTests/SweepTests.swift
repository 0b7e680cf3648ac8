import Foundation
import Testing
@testable import Rota
@testable import RotaSweep
import RotaYAML

/// The sweep library: grid expansion (lists, ranges, normalising, YAML = JSON), grid errors
/// with their paths, shards, resume after a torn line, merge refusals, summary statistics and
/// the Pareto front.
@Suite struct SweepGridTests {
    static func grid(_ json: String) throws -> SweepGrid {
        try GridDecoder.decode(try RotaJSON.parse(Array(json.utf8), file: "g.json"), file: "g.json")
    }

    static func errors(_ json: String) -> [String] {
        do {
            _ = try grid(json)
            return []
        } catch let error as InputErrors {
            return error.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func explicitListKeepsOrder() throws {
        let grid = try Self.grid(#"[{"sla": 0.35, "value": 0.2}, {"value": 0.5, "sla": 0.1}]"#)
        #expect(grid.vectors.count == 2)
        #expect(grid.vectors[0].names == ["sla", "value"] && grid.vectors[0].values == [0.35, 0.2])
        #expect(grid.vectors[1].names == ["value", "sla"] && grid.vectors[1].values == [0.5, 0.1])
    }

    @Test func rangesListsAndFixedAxesGiveTheProductLastAxisFastest() throws {
        let grid = try Self.grid(#"{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": 0.1}, "value": [0.1, 0.2], "risk": 0.1}}"#)
        #expect(grid.vectors.count == 8)
        #expect(grid.vectors.map { $0.values } == [
            [0.2, 0.1, 0.1], [0.2, 0.2, 0.1], [0.3, 0.1, 0.1], [0.3, 0.2, 0.1],
            [0.4, 0.1, 0.1], [0.4, 0.2, 0.1], [0.5, 0.1, 0.1], [0.5, 0.2, 0.1],
        ])
        #expect(grid.vectors.allSatisfy { $0.names == ["sla", "value", "risk"] })
    }

    @Test func rangeEndsInclusiveDespiteRounding() throws {
        let grid = try Self.grid(#"{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": 0.05}}}"#)
        #expect(grid.vectors.map { $0.values[0] } == [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5])
    }

    @Test func normalisingScalesToOneAndDropsCoincidingVectors() throws {
        let grid = try Self.grid(#"{"axes": {"a": [0.2, 0.4], "b": [0.2, 0.4]}, "normalize": true}"#)
        // (0.2,0.2) and (0.4,0.4) both become (0.5,0.5): kept once, where the first was.
        #expect(grid.vectors.map(\.values) == [[0.5, 0.5], [0.333333333, 0.666666667], [0.666666667, 0.333333333]])
    }

    @Test func yamlEqualsJSON() throws {
        let yaml = """
            axes:
              sla: {from: 0.2, to: 0.5, step: 0.1}
              value: [0.1, 0.2]
              risk: 0.1
            normalize: true
            """
        let json = #"{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": 0.1}, "value": [0.1, 0.2], "risk": 0.1}, "normalize": true}"#
        let fromYAML = try GridDecoder.decode(try YAMLDocument.parse(yaml, file: "g.yaml").value, file: "g.yaml")
        let fromJSON = try Self.grid(json)
        #expect(fromYAML == fromJSON)
        #expect(fromYAML.digest == fromJSON.digest)
        let list = try GridDecoder.decode(
            try YAMLDocument.parse("- {sla: 0.35, value: 0.2}\n- sla: 1\n  value: 0\n", file: "l.yaml").value, file: "l.yaml")
        #expect(list == (try Self.grid(#"[{"sla": 0.35, "value": 0.2}, {"sla": 1, "value": 0}]"#)))
    }

    @Test func badGridsNameThePath() {
        #expect(Self.errors(#"{"axes": {"sla": {"from": 0.2, "to": 0.5, "step": 0}}}"#)
            == ["g.json: axes.sla.step: must be more than 0"])
        #expect(Self.errors(#"{"axes": {"sla": {"from": 0.5, "to": 0.2, "step": 0.1}}}"#)
            == ["g.json: axes.sla.to: 0.200 is below from (0.500); swap them"])
        #expect(Self.errors(#"{"axes": {"sla": {"from": 0.2, "step": 0.1}}}"#) == ["g.json: axes.sla.to: missing"])
        #expect(Self.errors(#"{"axes": {"sla": [0.1, "x"]}}"#) == ["g.json: axes.sla[1]: expected a number, got a string"])
        #expect(Self.errors(#"[{"sla": 0.3}, {"sla": -1}]"#)
            == ["g.json: [1].sla: -1 is outside 0…1,000,000 (weights are like a policy's)"])
        #expect(Self.errors(#"[{"sla": 0.3}, {"sla": 0.3}]"#) == ["g.json: [1]: the same weights as [0]; list each vector once"])
        #expect(Self.errors(#"{"axes": {"sla": 0.3}, "normalise": true}"#).first?.hasPrefix("g.json: normalise: unknown key") == true)
        #expect(Self.errors(#"{"sla": [0.3]}"#).contains { $0.hasPrefix("g.json: axes: missing") })
        #expect(Self.errors("[]") == ["g.json: the grid has no weight vectors"])
        #expect(Self.errors("3") == [#"g.json: expected a list of weight objects or an object with "axes", got a number"#])
        #expect(Self.errors(#"{"axes": {"a": {"from": 0, "to": 1, "step": 0.00001}}}"#)
            == ["g.json: axes.a.step: the range gives 100001 values, more than 10000; use a larger step"])
        #expect(Self.errors(#"{"axes": {"a": 0, "b": [0]}, "normalize": true}"#).first?.contains("sums to 0") == true)
    }

    @Test func yamlSyntaxErrorsAreReported() {
        #expect(throws: InputErrors.self) { try YAMLDocument.parse("axes: [1, 2\n", file: "bad.yaml") }
    }
}

@Suite struct SweepShardTests {
    @Test func shardsAreDisjointAndComplete() {
        for total in [0, 1, 7, 12, 13] {
            for count in 1...5 {
                let shards = (0..<count).map { SweepShard(index: $0, count: count).runs(of: total) }
                let all = shards.flatMap { $0 }
                #expect(all.sorted() == Array(0..<total), "total \(total), \(count) shards")
                #expect(Set(all).count == all.count)
                for (index, runs) in shards.enumerated() {
                    #expect(runs.allSatisfy { SweepShard(index: index, count: count).contains($0) })
                }
            }
        }
    }

    @Test func parsesKOverN() {
        #expect(SweepShard("0/1") == .whole)
        #expect(SweepShard("3/4") == SweepShard(index: 3, count: 4))
        for bad in ["4/4", "-1/2", "1/0", "1", "a/b", "1/2/3", ""] { #expect(SweepShard(bad) == nil, "\(bad)") }
    }
}

@Suite struct SweepFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A folder with the two tiny bench instances.
    static func instanceFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rota-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["tiny-1.json", "tiny-2.json"] {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent("instances/bench/\(name)"), to: folder.appendingPathComponent(name))
        }
        return folder.path
    }

    static let grid = SweepGrid(vectors: [
        WeightVector([("sla", 0.35), ("value", 0.2)]), WeightVector([("sla", 0.9), ("value", 0.1)]),
    ])

    static func sweep(_ folder: String, output: String, shard: SweepShard = .whole, jobs: Int = 1) throws {
        let instances = try SweepInstances.load(directory: folder)
        let prepared = try SweepDriver.prepare(
            grid: grid, instances: instances, output: output, solver: "auto", nodeLimit: nil, shard: shard)
        try SweepDriver.execute(prepared, output: output, jobs: jobs, worker: { task in
            SweepRunner.result(of: task.instance.instance, weights: task.weights, solver: "auto", nodeLimit: nil)
        }, progress: { _ in })
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A line without its `seconds`, for comparisons.
    static func untimed(_ line: String) throws -> String {
        let value = try JSONParser.parse(line)
        guard case .object(let members) = value else { return line }
        return CompactJSON.string(.object(members.filter { $0.key != "seconds" }))
    }

    @Test func resumeDropsATornLineAndRedoesOnlyTheMissingRuns() throws {
        let folder = try Self.instanceFolder()
        let full = folder + "/full.jsonl", resumed = folder + "/resumed.jsonl"
        try Self.sweep(folder + "/", output: full)
        let lines = try Self.lines(full)
        #expect(lines.count == 1 + 4)
        // Two complete runs and half of the third, as a crash leaves it.
        let torn = lines[0...2].joined(separator: "\n") + "\n" + lines[3].prefix(25)
        try Data(torn.utf8).write(to: URL(fileURLWithPath: resumed))
        let instances = try SweepInstances.load(directory: folder)
        let prepared = try SweepDriver.prepare(
            grid: Self.grid, instances: instances, output: resumed, solver: "auto", nodeLimit: nil, shard: .whole)
        #expect(prepared.done == 2)
        #expect(prepared.droppedTornLine)
        #expect(prepared.pending.map(\.run) == [2, 3])
        let calls = Counter()
        try SweepDriver.execute(prepared, output: resumed, jobs: 1, worker: { task in
            calls.add()
            return SweepRunner.result(of: task.instance.instance, weights: task.weights, solver: "auto", nodeLimit: nil)
        }, progress: { _ in })
        #expect(calls.value == 2)
        #expect(try Self.lines(resumed).map(Self.untimed) == (try lines.map(Self.untimed)))
        // Nothing left to do: a rerun runs nothing.
        let again = try SweepDriver.prepare(
            grid: Self.grid, instances: instances, output: resumed, solver: "auto", nodeLimit: nil, shard: .whole)
        #expect(again.pending.isEmpty && again.done == 4 && !again.droppedTornLine)
    }

    @Test func resumeRefusesAnotherGridSolverOrShard() throws {
        let folder = try Self.instanceFolder()
        let output = folder + "/sweep.jsonl"
        try Self.sweep(folder, output: output, shard: SweepShard(index: 0, count: 2))
        let instances = try SweepInstances.load(directory: folder)
        let other = SweepGrid(vectors: [WeightVector([("sla", 1)])])
        #expect(throws: SweepError.self) {
            try SweepDriver.prepare(grid: other, instances: instances, output: output, solver: "auto", nodeLimit: nil,
                shard: SweepShard(index: 0, count: 2))
        }
        #expect(throws: SweepError.self) {
            try SweepDriver.prepare(grid: Self.grid, instances: instances, output: output, solver: "greedy", nodeLimit: nil,
                shard: SweepShard(index: 0, count: 2))
        }
        do {
            _ = try SweepDriver.prepare(grid: Self.grid, instances: instances, output: output, solver: "auto", nodeLimit: nil,
                shard: .whole)
            Issue.record("a whole sweep resumed a shard's file")
        } catch let error as SweepError {
            #expect(error.message.contains("the shard (0/2 there, 0/1 here)"))
        }
    }

    @Test func mergeOfShardsEqualsTheWholeSweepAndRefusesMixtures() throws {
        let folder = try Self.instanceFolder()
        try Self.sweep(folder, output: folder + "/whole.jsonl")
        try Self.sweep(folder, output: folder + "/a.jsonl", shard: SweepShard(index: 0, count: 3), jobs: 2)
        try Self.sweep(folder, output: folder + "/b.jsonl", shard: SweepShard(index: 1, count: 3))
        try Self.sweep(folder, output: folder + "/c.jsonl", shard: SweepShard(index: 2, count: 3))
        func contents(_ name: String) throws -> (path: String, contents: SweepFile.Contents) {
            (name, try #require(try SweepFile.read(folder + "/" + name)))
        }
        let merged = try SweepMerge.merge([contents("c.jsonl"), contents("a.jsonl"), contents("b.jsonl")])
        #expect(try merged.map(Self.untimed) == (try Self.lines(folder + "/whole.jsonl").map(Self.untimed)))
        // Duplicates, missing shards, another grid.
        #expect(throws: SweepError.self) { try SweepMerge.merge([contents("a.jsonl"), contents("a.jsonl"), contents("b.jsonl"), contents("c.jsonl")]) }
        do {
            _ = try SweepMerge.merge([contents("a.jsonl"), contents("b.jsonl")])
            Issue.record("merged an incomplete set")
        } catch let error as SweepError {
            #expect(error.message.contains("runs are in none of the files"))
        }
        let otherFolder = try Self.instanceFolder()
        try FileManager.default.removeItem(atPath: otherFolder + "/tiny-2.json")
        let instances = try SweepInstances.load(directory: otherFolder)
        let prepared = try SweepDriver.prepare(
            grid: Self.grid, instances: instances, output: folder + "/d.jsonl", solver: "auto", nodeLimit: nil,
            shard: SweepShard(index: 2, count: 3))
        try SweepDriver.execute(prepared, output: folder + "/d.jsonl", jobs: 1, worker: { _ in
            SweepRunner.failure("not run", seconds: 0)
        }, progress: { _ in })
        do {
            _ = try SweepMerge.merge([contents("a.jsonl"), contents("b.jsonl"), contents("d.jsonl")])
            Issue.record("merged files of two instance sets")
        } catch let error as SweepError {
            #expect(error.message.contains("the instance set"))
        }
        // A torn shard is refused.
        let text = try String(contentsOfFile: folder + "/c.jsonl", encoding: .utf8)
        try Data((text + "{\"run\":").utf8).write(to: URL(fileURLWithPath: folder + "/c.jsonl"))
        #expect(throws: SweepError.self) { try SweepMerge.merge([contents("a.jsonl"), contents("b.jsonl"), contents("c.jsonl")]) }
    }

    @Test func damagedLinesAreErrorsWithTheirLine() throws {
        let header = SweepHeader(grid: "g", vectors: 1, instances: "i", instanceCount: 2, solver: "auto", nodeLimit: nil, shard: .whole)
        let bytes = Array((header.line + "\n{\"run\":0,\"vector\":0}\n{\"run\":0,\"vector\":0}\n").utf8)
        do {
            _ = try SweepFile.parse(bytes, file: "s.jsonl")
            Issue.record("a duplicate run was read")
        } catch {
            #expect(error.errors.map(\.description) == ["s.jsonl:3: run 0 again (first on line 2); a run appears once in a sweep file"])
        }
        #expect(throws: InputErrors.self) { try SweepFile.parse(Array("{\"x\":1}\n".utf8), file: "s.jsonl") }
        // A file without a complete line: a torn header is redone, anything else is not a sweep file.
        let tornHeader = try SweepFile.parse(Array(header.line.prefix(30).utf8), file: "s.jsonl")
        #expect(tornHeader.header == nil && tornHeader.torn && tornHeader.completeLength == 0)
        #expect(throws: InputErrors.self) { try SweepFile.parse(Array(#"{"format":"fulfillment-plan/1"}"#.utf8), file: "plan.json") }
        #expect(throws: InputErrors.self) { try SweepFile.parse(Array((header.line + "\n{\"run\":5,\"vector\":2}\n").utf8), file: "s.jsonl") }
    }
}

@Suite struct SweepSummaryTests {
    static func record(_ run: Int, vector: Int, _ kpis: [(String, JSONValue)], status: String = "optimal") -> SweepRecord {
        var members: [(key: String, value: JSONValue)] = [
            (key: "run", value: .integer(run)), (key: "vector", value: .integer(vector)),
            (key: "weights", value: .object([(key: "sla", value: .number(Double(vector) / 10))])),
            (key: "instance", value: .string("i\(run % 2).json")), (key: "status", value: .string(status)),
            (key: "seconds", value: .number(0.5)),
        ]
        members += kpis.map { (key: $0.0, value: $0.1) }
        return SweepRecord(run: run, vector: vector, members: members)
    }

    @Test func meansAndWorstPerVector() throws {
        let summary = SweepSummary(records: [
            Self.record(0, vector: 0, [("makespan", 10), ("weightedLateness", 2.0), ("sla.critical", 1.0), ("sla.critical.lines", 4)]),
            Self.record(1, vector: 0, [("makespan", 14), ("weightedLateness", 5.0), ("sla.critical", 0.5), ("sla.critical.lines", 2)]),
            Self.record(3, vector: 1, [("makespan", 12)]),
            Self.record(2, vector: 1, [], status: "failed"),
        ])
        #expect(summary.vectors.count == 2)
        let first = summary.vectors[0]
        #expect(first.runs == 2 && first.failed == 0)
        let stats = Dictionary(uniqueKeysWithValues: first.statistics.map { ($0.name, $0) })
        #expect(stats["makespan"]?.mean == 12 && stats["makespan"]?.worst == 14)
        #expect(stats["weightedLateness"]?.mean == 3.5 && stats["weightedLateness"]?.worst == 5)
        #expect(stats["sla.critical"]?.mean == 0.75 && stats["sla.critical"]?.worst == 0.5)
        #expect(SweepSummary.higherIsBetter("purchases") && !SweepSummary.higherIsBetter("softOverruns"))
        #expect(stats["sla.critical.lines"] == nil && stats["seconds"] == nil && stats["run"] == nil)
        #expect(summary.vectors[1].failed == 1 && summary.vectors[1].runs == 2)
        // A vector with a failed run is not on the front.
        #expect(summary.front == [0])
        #expect(summary.text.contains("makespan ↓"))
    }

    @Test func paretoFrontOnAHandMadeTable() {
        // (critical adherence ↑, weighted lateness ↓, makespan ↓)
        let points: [[Double]] = [
            [0.90, 10, 14],  // 0: dominated by 1
            [0.95, 8, 14],  // 1: front
            [1.00, 12, 14],  // 2: front (best adherence)
            [0.95, 8, 14],  // 3: equal to 1: both stay
            [0.80, 5, 15],  // 4: front (least lateness)
            [0.80, 6, 13],  // 5: front (shortest makespan)
            [0.80, 6, 15],  // 6: dominated by 4 and 5
        ]
        #expect(ParetoFront.indices(points, senses: [.maximize, .minimize, .minimize]) == [1, 2, 3, 4, 5])
        #expect(ParetoFront.indices([], senses: [.maximize]) == [])
        #expect(ParetoFront.indices([[1, 1]], senses: [.minimize, .minimize]) == [0])
    }

    @Test func frontOverVectorMeans() {
        let summary = SweepSummary(records: [
            Self.record(0, vector: 0, [("makespan", 14), ("weightedLateness", 9.0), ("sla.critical", 1.0)]),
            Self.record(1, vector: 1, [("makespan", 14), ("weightedLateness", 7.0), ("sla.critical", 1.0)]),
            Self.record(2, vector: 2, [("makespan", 14), ("weightedLateness", 3.0), ("sla.critical", 0.5)]),
        ])
        #expect(summary.front == [1, 2])
    }
}

/// Counts calls from worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
