import Foundation
import Testing

@testable import Rota

/// Issue 12, "weights must matter": with makespan first, the priority weights decide among
/// the makespan-optimal plans. On a crafted instance (one account, one purchase a day, three
/// critical lines and three standard lines all due in two days, so three of them must be
/// late whatever the plan), raising the `sla` weight over `value` moves the critical lines
/// first in every solver's plan, at the same makespan.
@Suite struct WeightsMatterTests {
    static func instance(sla: Double, value: Double) throws -> Instance {
        func order(_ id: String, tier: String, indices: String) -> String {
            let lines = (1...3).map { #"{"id": "\#(id)/\#($0)", "item": "item-\#(id)-\#($0)"}"# }.joined(separator: ", ")
            return #"{"id": "\#(id)", "createdAt": "2026-12-01", "slaTier": "\#(tier)", "indices": \#(indices), "lines": [\#(lines)]}"#
        }
        let json = """
            {"format": "fulfillment-instance/1", "start": "2026-12-01", "horizonDays": 12,
             "rules": {"reviewLagDays": 1},
             "policy": {"weights": {"sla": \(sla), "value": \(value)}, "slaTierDays": {"critical": 2, "standard": 2}},
             "accounts": [{"id": "acct-1", "dailyLimit": 1}],
             "orders": [\(order("crit", tier: "critical", indices: #"{"sla": 1.0, "value": 0.0}"#)),
                        \(order("std", tier: "standard", indices: #"{"sla": 0.0, "value": 1.0}"#))]}
            """
        return try RotaJSON.decodeInstance(Array(json.utf8))
    }

    /// The mean day offset of the critical lines' reviews, and the plan's makespan.
    static func critical(_ plan: Plan, start: Day) -> (mean: Double, makespan: Int) {
        let reviews = plan.tasks.filter { $0.kind == .review }
        let critical = reviews.filter { $0.line.rawValue.hasPrefix("crit/") }.map { Double($0.date - start) }
        let makespan = (reviews.map { $0.date - start }.max() ?? -1) + 1
        return (critical.reduce(0, +) / Double(max(critical.count, 1)), makespan)
    }

    @Test(arguments: ["greedy", "flow", "mip", "auto"])
    func raisingTheSLAWeightFinishesCriticalLinesFirst(solver name: String) throws {
        let solver = try #require(SolverCatalog.solver(named: name))
        let valueFirst = try Self.instance(sla: 0.2, value: 0.8)
        let slaFirst = try Self.instance(sla: 0.8, value: 0.2)
        let a = try Planner().plan(valueFirst, with: solver)
        let b = try Planner().plan(slaFirst, with: solver)
        #expect(a.validation.isFeasible && b.validation.isFeasible)
        let before = Self.critical(a.plan, start: valueFirst.start)
        let after = Self.critical(b.plan, start: slaFirst.start)
        #expect(before.makespan == 7 && after.makespan == 7, "makespan \(before.makespan) and \(after.makespan)")
        // Critical lines purchased on days 0–2 (reviews 1–3) when they weigh more, on days
        // 3–5 (reviews 4–6) when the standard lines do.
        #expect(after.mean == 2, "\(name): critical reviews average day \(after.mean) with sla 0.8")
        #expect(before.mean == 5, "\(name): critical reviews average day \(before.mean) with sla 0.2")
    }
}
