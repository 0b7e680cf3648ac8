import RotaCore
import RotaSolvers

extension InstanceGenerator {
    /// Picks lines of an earlier plan, plans them with `seed-greedy` over the `days` before
    /// `start` (and on, for the lag), and turns its tasks into history: before `start` they are
    /// completed or missed, from `start` on some stay pending. Picked lines lose `earliest`, so
    /// no completed purchase precedes it.
    func makeHistory(_ history: HistoryShape, instance: inout Instance, rng: inout SplitMix64) -> [PlanTask] {
        let start = instance.start
        let end = instance.end
        var pastOrders: [Order] = []
        var longestLag = 0
        for o in instance.orders.indices {
            var picked: [Line] = []
            for j in instance.orders[o].lines.indices where rng.chance(history.lines) {
                instance.orders[o].lines[j].earliest = nil
                let line = instance.orders[o].lines[j]
                longestLag = max(longestLag, line.reviewLagDays ?? instance.rules.reviewLagDays)
                picked.append(line)
            }
            if !picked.isEmpty {
                var order = instance.orders[o]
                order.lines = picked
                pastOrders.append(order)
            }
        }
        guard !pastOrders.isEmpty else { return [] }
        let past = Instance(
            name: instance.name, start: start - history.days, horizonDays: history.days + max(0, longestLag) + 1,
            rules: instance.rules,
            accounts: instance.accounts.map { Account(id: $0.id, dailyLimit: $0.dailyLimit, rolling: $0.rolling) },
            orders: pastOrders)
        let problem = PlanningProblem(past)
        var ledger = CapacityLedger(problem: problem)
        let plan = SeedGreedySolver.decide(problem, ledger: &ledger).plan(
            problem: problem, run: SolverRun(name: "seed-greedy", status: .heuristic, seconds: 0))

        var existing: [PlanTask] = []
        var k = 0
        while k + 1 < plan.tasks.count {
            var purchase = plan.tasks[k]
            var review = plan.tasks[k + 1]
            k += 2
            guard purchase.kind == .purchase, review.kind == .review, purchase.line == review.line else { continue }
            if purchase.date < start {
                if rng.chance(history.missed) {
                    purchase.status = .missed
                    existing.append(purchase)
                    if review.date < start {
                        review.status = .missed
                        existing.append(review)
                    }
                    continue
                }
                purchase.status = .completed
                existing.append(purchase)
                if review.date < start {
                    review.status = rng.chance(history.missed) ? .missed : .completed
                    existing.append(review)
                } else if review.date < end, rng.chance(history.pending) {
                    existing.append(review)
                }
            } else if review.date < end, rng.chance(history.pending) {
                existing.append(purchase)
                existing.append(review)
            }
        }
        return existing
    }
}
