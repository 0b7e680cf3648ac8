import Testing

import RotaCore
import RotaEvaluation
import RotaSolvers

/// The flow's bound and plan against an exhaustive search on tiny instances without rolling
/// or review caps: the fewest lines left out, then the smallest makespan.
@Suite struct FlowExhaustiveTests {
    typealias T = FlowTestInstances

    /// The best (unscheduled, makespan) over every plan. Reviews go on the first available day
    /// at least the lag later: without review caps that is never worse.
    private func exhaustiveOptimum(_ problem: PlanningProblem) -> (unscheduled: Int, makespan: Int) {
        let best = exhaustiveLexicographic(problem)
        return (best.unscheduled, best.makespan)
    }

    /// The best (unscheduled, makespan, weighted lateness) over every plan.
    private func exhaustiveLexicographic(_ problem: PlanningProblem) -> (
        unscheduled: Int, makespan: Int, lateness: Double
    ) {
        let horizon = problem.horizon
        var purchases = [[Int]](repeating: [Int](repeating: 0, count: horizon), count: problem.accountCount)
        var itemDay: [[Int]: Int] = [:]
        var itemTotal: [[Int]: Int] = [:]
        for p in problem.completedPurchases {
            itemTotal[[p.item, p.account], default: 0] += 1
            guard p.day >= 0 && p.day < horizon else { continue }
            purchases[p.account][p.day] += 1
            itemDay[[p.item, p.account, p.day], default: 0] += 1
        }
        func review(_ a: Int, from day: Int) -> Int? {
            var d = max(0, day)
            while d < horizon {
                if problem.available[a][d] { return d }
                d += 1
            }
            return nil
        }
        var baseMakespan = problem.completedReviews.map { max(0, $0.day + 1) }.max() ?? 0
        var baseUnscheduled = 0
        var open: [Int] = []
        for (l, need) in problem.need.enumerated() {
            switch need {
            case .purchaseAndReview: open.append(l)
            case .review(let account, let purchaseDay):
                if let r = review(account, from: purchaseDay + problem.lag[l]) {
                    baseMakespan = max(baseMakespan, r + 1)
                } else {
                    baseUnscheduled += 1
                }
            case .done: break
            }
        }
        var best = (unscheduled: Int.max, makespan: Int.max, lateness: Double.infinity)
        func late(_ l: Int, _ review: Int) -> Double {
            guard let due = problem.due[l], review > due else { return 0 }
            return problem.weight[l] * Double(review - due)
        }
        var baseLateness = 0.0
        for (l, need) in problem.need.enumerated() {
            if case .review(let account, let purchaseDay) = need,
                let r = review(account, from: purchaseDay + problem.lag[l])
            {
                baseLateness += late(l, r)
            }
        }
        func search(_ index: Int, _ unscheduled: Int, _ makespan: Int, _ lateness: Double) {
            if (unscheduled, makespan) > (best.unscheduled, best.makespan) { return }
            if (unscheduled, makespan) == (best.unscheduled, best.makespan), lateness >= best.lateness { return }
            guard index < open.count else {
                best = (unscheduled, makespan, lateness)
                return
            }
            let l = open[index]
            let item = problem.lineItem[l]
            for d in problem.firstPurchaseDay[l]..<max(problem.firstPurchaseDay[l], horizon) {
                for a in 0..<problem.accountCount where problem.available[a][d] {
                    guard purchases[a][d] < problem.dailyLimit[a],
                        itemDay[[item, a, d], default: 0] < problem.sameItemPerDay,
                        itemTotal[[item, a], default: 0] < problem.sameItemTotal,
                        let r = review(a, from: d + problem.lag[l])
                    else { continue }
                    purchases[a][d] += 1
                    itemDay[[item, a, d], default: 0] += 1
                    itemTotal[[item, a], default: 0] += 1
                    search(index + 1, unscheduled, max(makespan, r + 1), lateness + late(l, r))
                    purchases[a][d] -= 1
                    itemDay[[item, a, d], default: 0] -= 1
                    itemTotal[[item, a], default: 0] -= 1
                }
            }
            search(index + 1, unscheduled + 1, makespan, lateness)
        }
        search(0, baseUnscheduled, baseMakespan, baseLateness)
        return best
    }

    /// A tiny random instance: up to 5 lines, 2 accounts, 7 days.
    private func tiny(seed: UInt64) -> Instance {
        var rng = FlowRandom(seed: seed)
        let horizon = rng.int(3...7)
        let accounts = (0..<rng.int(1...2)).map { a in
            T.account(a, limit: rng.int(1...2), off: (0..<horizon).filter { _ in rng.chance(0.2) })
        }
        let lineCount = rng.int(1...5)
        let items = (0..<lineCount).map { _ in "item-\(rng.int(0...2))" }
        var earliest: [Int: Int] = [:]
        var lineLag: [Int: Int] = [:]
        for l in 0..<lineCount {
            if rng.chance(0.3) { earliest[l] = rng.int(0...3) }
            if rng.chance(0.3) { lineLag[l] = rng.int(0...3) }
        }
        var existing: [PlanTask] = []
        if rng.chance(0.3) {
            existing.append(
                T.task(.purchase, line: 0, item: items[0], account: 0, day: rng.int(-2...0), status: .completed))
        }
        return T.instance(
            accounts: accounts, items: items, lag: rng.int(0...3), horizon: horizon, earliest: earliest,
            lineLag: lineLag,
            sameItemPerDay: rng.int(1...2), sameItemTotal: rng.chance(0.3) ? rng.int(1...2) : nil, existing: existing)
    }

    /// A tiny random instance with due dates and whole-number weights, no whole-plan item cap.
    private func tinyWithDueDates(seed: UInt64) -> Instance {
        var rng = FlowRandom(seed: seed)
        let horizon = rng.int(4...7)
        let accounts = (0..<rng.int(1...2)).map { a in
            T.account(a, limit: rng.int(1...2), off: (0..<horizon).filter { _ in rng.chance(0.2) })
        }
        let lineCount = rng.int(2...5)
        let items = (0..<lineCount).map { _ in "item-\(rng.int(0...2))" }
        var earliest: [Int: Int] = [:]
        var lineLag: [Int: Int] = [:]
        var due: [Int: Int] = [:]
        var weight: [Int: Double] = [:]
        for l in 0..<lineCount {
            if rng.chance(0.3) { earliest[l] = rng.int(0...2) }
            if rng.chance(0.3) { lineLag[l] = rng.int(0...2) }
            if rng.chance(0.8) { due[l] = rng.int(0...4) }
            weight[l] = Double(rng.int(1...5))
        }
        return T.instance(
            accounts: accounts, items: items, lag: rng.int(0...2), horizon: horizon, earliest: earliest,
            lineLag: lineLag,
            due: due, weight: weight, sameItemPerDay: rng.int(1...2))
    }

    /// Weighted lateness of a plan's reviews.
    private func lateness(_ plan: Plan, _ problem: PlanningProblem) -> Double {
        plan.tasks.filter { $0.kind == .review && $0.status == .pending }.reduce(0.0) { total, task in
            guard let l = problem.lineIndex[task.line], let due = problem.due[l] else { return total }
            return total + problem.weight[l] * Double(max(0, task.date - problem.instance.start - due))
        }
    }

    @Test func minimumCostFlowMatchesExhaustiveLateness() throws {
        var late = 0
        for seed in UInt64(500)..<620 {
            let instance = tinyWithDueDates(seed: seed)
            let problem = PlanningProblem(instance)
            let optimum = exhaustiveLexicographic(problem)
            let result = try T.solveValid(instance, "seed \(seed)")
            #expect(result.plan.solver?.settings["lateness"] == "min-cost flow")
            #expect(result.plan.unscheduled.count == optimum.unscheduled, "seed \(seed)")
            #expect(T.makespan(result.plan, instance) == optimum.makespan, "seed \(seed)")
            #expect(abs(lateness(result.plan, problem) - optimum.lateness) < 1e-9, "seed \(seed)")
            if optimum.lateness > 0 { late += 1 }
            // Urgency alone (no min-cost pass) keeps the makespan, not always the lateness.
            let urgent = try FlowSolver(minCostArcLimit: 0).solve(problem, options: SolveOptions())
            #expect(Validator().validate(urgent.plan, against: instance).isFeasible, "seed \(seed)")
            #expect(T.makespan(urgent.plan, instance) == optimum.makespan, "seed \(seed)")
            #expect(lateness(urgent.plan, problem) >= optimum.lateness - 1e-9, "seed \(seed)")
            if urgent.plan.tasks.contains(where: { $0.kind == .purchase && $0.status == .pending }) {
                #expect(urgent.plan.solver?.settings["lateness"]?.hasPrefix("earliest due first") == true)
            }
        }
        #expect(late >= 30)
    }

    @Test func flowMatchesExhaustiveSearchOnTinyInstances() throws {
        var exact = 0
        for seed in UInt64(0)..<150 {
            let instance = tiny(seed: seed)
            let problem = PlanningProblem(instance)
            let optimum = exhaustiveOptimum(problem)
            let bound = try FlowBound.makespanBound(problem)
            let result = try T.solveValid(instance, "seed \(seed)")
            let plan = (result.plan.unscheduled.count, T.makespan(result.plan, instance))
            // The bound never passes the optimum; an exact flow meets it.
            #expect(bound.unscheduled <= optimum.unscheduled, "seed \(seed)")
            if bound.unscheduled == optimum.unscheduled {
                #expect(bound.makespan <= optimum.makespan, "seed \(seed)")
            }
            #expect(plan >= (optimum.unscheduled, optimum.makespan), "seed \(seed)")
            guard FlowSolver().isExact(for: problem) else { continue }
            exact += 1
            #expect(bound == optimum, "seed \(seed)")
            #expect(plan == (optimum.unscheduled, optimum.makespan), "seed \(seed)")
        }
        #expect(exact >= 100)
    }
}
