import Foundation
import Testing
import RotaCore
import RotaFormat
import RotaSolvers
import Rota

/// The replay file (docs/EVENTS.md, "Replaying a chain") and `Replayer` in the library; the
/// chain of real `rota reschedule` runs is `CLIReplayTests`.
@Suite struct ReplayChainTests {
    static func decode(_ text: String) throws(InputErrors) -> ReplayChain {
        try ReplayChain.decode(Array(text.utf8), file: "chain.jsonl", solvers: SolverCatalog.names)
    }

    /// The example of docs/EVENTS.md's replay section: two batches, the first naming its solver.
    @Test func theDocumentedExampleDecodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/EVENTS.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## Replaying a chain").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```jsonl\n").dropFirst().first?.components(separatedBy: "```").first)
        let chain = try Self.decode(block)
        #expect(chain.batches.map(\.today) == [Day(iso: "2026-12-07")!, Day(iso: "2026-12-08")!])
        #expect(chain.batches.map(\.solver) == ["greedy", nil])
        #expect(chain.batches.map(\.events.count) == [2, 1])
        #expect(chain.batches.map(\.markerLine) == [3, 5])
        #expect(chain.batches[1].events.first?.sourceLine == 4)
    }

    @Test func emptyBatchesAndMarkersWrittenByTheEncoder() throws {
        let today = Day(iso: "2026-12-03")!
        let text = [EventEncoder.marker(today: today), "", EventEncoder.marker(today: today + 1, solver: "flow")].joined(separator: "\n")
        let chain = try Self.decode(text)
        #expect(chain.batches == [
            .init(today: today, events: [], markerLine: 1), .init(today: today + 1, solver: "flow", events: [], markerLine: 3),
        ])
        #expect(try Self.decode("").batches.isEmpty)
    }

    @Test func problemsNameTheirLines() {
        let text = """
            {"event":"reschedule"}
            {"event":"missed","at":"2026-12-03T09:00:00Z","actor":"ana"}
            {"event":"reschedule","today":"2026-12-03","solver":7}
            {"event":"missed","at":"2026-12-03T09:00:00Z","actor":"ana","task":"P:a/1"}
            """
        var found: [String] = []
        do { _ = try Self.decode(text) } catch { found = error.errors.map(\.description) }
        #expect(found.contains("chain.jsonl:1: today: missing: the reschedule's --today (YYYY-MM-DD)"), "\(found)")
        #expect(found.contains("chain.jsonl:2: task: missing"), "\(found)")
        #expect(found.contains("chain.jsonl:3: solver: expected a string, got a number"), "\(found)")
        #expect(found.contains { $0.hasPrefix("chain.jsonl:4: events after the last reschedule marker") }, "\(found)")
    }

    /// Replaying no batch gives the first plan back; replaying one batch gives what one
    /// `Rescheduler` run of the same events gives.
    @Test func oneBatchIsOneReschedule() throws {
        let instance = InstanceFamily.resched.generate(seed: 7)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        let replayer = Replayer(defaultSolver: "greedy", makeSolver: { SolverCatalog.solver(named: $0) })
        #expect(try replayer.replay(ReplayChain(batches: []), instance: instance, plan: plan).plan == plan)
        var rng = SplitMix64(seed: 7)
        let today = instance.start + 2
        let events = EventSampler(instance: instance, plan: plan, today: today).events(count: 5, rng: &rng)
        var steps: [ReplayStep] = []
        let replayed = try replayer.replay(
            ReplayChain(batches: [.init(today: today, events: events)]), instance: instance, plan: plan) { steps.append($0) }
        let situation = try EventApplier(instance: instance, plan: plan, today: today).apply(events)
        let direct = try Rescheduler(solver: GreedySolver()).replan(situation).outcome.plan
        #expect(replayed.plan.tasks == direct.tasks)
        #expect(replayed.instance == situation.instance)
        #expect(steps.map(\.batch) == [1])
    }
}
