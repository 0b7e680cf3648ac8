import Foundation
import Testing

@testable import Rota

/// Folding events into the instance (`EventApplier`): what each event does, the problems it
/// reports with the event's line, and that the folded instance can always be planned validly.
@Suite struct EventApplierTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func seed() throws -> (Instance, Plan) {
        let instance = try RotaJSON.loadInstance(from: root.appendingPathComponent("instances/seed.json").path)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        return (instance, plan)
    }

    static func event(_ change: PlanEvent.Change, line: Int = 1) -> PlanEvent {
        PlanEvent(at: "2026-12-05T09:00:00Z", actor: "test", change: change, sourceLine: line)
    }

    static func problems(_ instance: Instance, _ plan: Plan, today: Day, _ events: [PlanEvent]) -> [String] {
        do {
            _ = try EventApplier(instance: instance, plan: plan, today: today).apply(events)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func noEventsOnTheStartChangeNothing() throws {
        let (instance, plan) = try Self.seed()
        let situation = try EventApplier(instance: instance, plan: plan, today: instance.start).apply([])
        #expect(situation.instance == instance)
        #expect(situation.applied.isEmpty)
        #expect(situation.reference == plan)
    }

    @Test func completedAndMissedBecomeHistory() throws {
        let (instance, plan) = try Self.seed()
        let purchases = plan.tasks.filter { $0.kind == .purchase && $0.date == instance.start }
        try #require(purchases.count >= 2)
        let done = purchases[0]
        let lost = purchases[1]
        let situation = try EventApplier(instance: instance, plan: plan, today: instance.start + 1).apply([
            Self.event(.completed(task: done.id, date: instance.start)),
            Self.event(.missed(task: lost.id), line: 2),
        ])
        let history = Dictionary(uniqueKeysWithValues: situation.instance.existing.map { ($0.id, $0) })
        #expect(history[done.id]?.status == .completed)
        #expect(history[lost.id]?.status == .missed)
        #expect(situation.instance.start == instance.start + 1)
        #expect(situation.instance.end == instance.end)
        // Every other purchase of the first day passed without a report: missed.
        for task in purchases.dropFirst(2) { #expect(history[task.id]?.status == .missed) }
        // No pending task is history, and the lost line's review is gone with its purchase.
        #expect(situation.instance.existing.allSatisfy { $0.status != .pending })
        #expect(!situation.instance.existing.contains { $0.line == lost.line && $0.kind == .review })
    }

    @Test func problemsNameTheEventsLine() throws {
        let (instance, plan) = try Self.seed()
        let task = try #require(plan.tasks.first { $0.kind == .purchase })
        let review = try #require(plan.tasks.first { $0.kind == .review && $0.line == task.line })
        let found = Self.problems(instance, plan, today: instance.start + 3, [
            Self.event(.completed(task: "nope", date: instance.start), line: 1),
            Self.event(.completed(task: task.id, date: instance.start - 1), line: 2),
            Self.event(.completed(task: task.id, date: task.date), line: 3),
            Self.event(.completed(task: task.id, date: task.date), line: 4),
            Self.event(.accountUnavailable(account: "ghost", from: instance.start, to: instance.start), line: 5),
            Self.event(.lineCancelled(line: task.line), line: 6),
            Self.event(.override(Override(line: "nope", reasonCode: "expedite", action: .raisePriority(weight: 2))), line: 7),
            Self.event(.completed(task: task.id, date: instance.start + 9), line: 8),
            Self.event(.missed(task: review.id), line: 9),
        ])
        #expect(found.contains("line 1: task: unknown task \"nope\" (not in the plan)"), "\(found)")
        #expect(found.contains { $0.hasPrefix("line 2: date: ") && $0.hasSuffix("before the plan's start \(instance.start)") }, "\(found)")
        #expect(found.contains("line 4: task: task \(InputExcerpt.quoted(task.id.rawValue)) is completed already"), "\(found)")
        #expect(found.contains("line 5: account: unknown account \"ghost\""), "\(found)")
        #expect(found.contains { $0.hasPrefix("line 6: line: ") && $0.hasSuffix("it cannot be cancelled") }, "\(found)")
        #expect(found.contains("line 7: line: unknown line \"nope\""), "\(found)")
        #expect(found.contains { $0.hasPrefix("line 8: task: ") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("line 9:") }, "a review of a completed purchase can be missed: \(found)")
        #expect(!found.contains { $0.hasPrefix("line 3:") }, "\(found)")
    }

    @Test func todayOutsideTheInstanceIsAnError() throws {
        let (instance, plan) = try Self.seed()
        #expect(Self.problems(instance, plan, today: instance.end, []).first?.hasPrefix("--today ") == true)
        #expect(Self.problems(instance, plan, today: instance.start - 1, []).count == 1)
    }

    @Test func delaysMoveTheLinesDays() throws {
        let (instance, plan) = try Self.seed()
        let purchase = try #require(plan.tasks.first { $0.kind == .purchase })
        let later = purchase.date + 5
        let situation = try EventApplier(instance: instance, plan: plan, today: instance.start)
            .apply([Self.event(.delayed(task: purchase.id, notBefore: later))])
        let line = situation.instance.orders.flatMap(\.lines).first { $0.id == purchase.line }
        #expect(line?.earliest.map { $0 >= later } == true)
        let replanned = try Planner().plan(situation.instance, with: GreedySolver()).plan
        let moved = replanned.tasks.first { $0.line == purchase.line && $0.kind == .purchase }
        #expect(moved.map { $0.date >= later } ?? true)
    }

    /// Random event sequences on generated instances: the folded instance always decodes back
    /// (it is a valid instance), and greedy's plan of it passes the validator.
    @Test(arguments: 1...12) func foldedInstancesPlanValidly(seed: UInt64) throws {
        let instance = (seed % 2 == 0 ? InstanceFamily.small : .resched).generate(seed: seed)
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        var rng = SplitMix64(seed: seed)
        let today = instance.start + rng.int(in: 0...6)
        let pending = plan.tasks.filter { $0.status == .pending }
        var events: [PlanEvent] = []
        var used: Set<LineID> = []
        let done = Set(plan.tasks.filter { $0.status == .completed }.map(\.line))
        for (n, task) in pending.shuffled(using: &rng).prefix(12).enumerated() where !used.contains(task.line) {
            used.insert(task.line)
            let change: PlanEvent.Change
            switch rng.int(in: 0...4) {
            case 0 where task.kind == .purchase && task.date <= today: change = .completed(task: task.id, date: task.date)
            case 1 where task.kind == .purchase: change = .missed(task: task.id)
            case 2: change = .delayed(task: task.id, notBefore: today + rng.int(in: 0...5))
            case 3 where !done.contains(task.line): change = .lineCancelled(line: task.line)
            default:
                let account = instance.accounts[rng.int(in: 0...(instance.accounts.count - 1))].id
                change = .accountUnavailable(account: account, from: today, to: today + rng.int(in: 0...3))
            }
            events.append(Self.event(change, line: n + 1))
        }
        let situation = try EventApplier(instance: instance, plan: plan, today: today).apply(events)
        let encoded = RotaJSON.encode(situation.instance)
        let decoded = try RotaJSON.decodeInstance(encoded, file: "folded.json")
        #expect(decoded == situation.instance)
        let replanned = try Planner().plan(decoded, with: GreedySolver())
        #expect(replanned.validation.isFeasible, "\(replanned.validation.violations.prefix(3))")
        // History never moves: every completed task is in the new plan as it was.
        let tasks = Set(replanned.plan.tasks)
        for task in situation.instance.existing where task.status == .completed { #expect(tasks.contains(task)) }
    }
}
