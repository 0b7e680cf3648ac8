import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaOracle

/// `LatenessBounds`: valid against the exhaustive oracle and against every valid plan we can
/// draw or solve, and tight where the argument is exact.
@Suite struct LatenessBoundTests {
    /// Whether `bound` is at most `lateness`, up to the objective's tolerance.
    static func holds(_ bound: Double, _ lateness: Double) -> Bool {
        bound <= lateness + Objective.tolerance * max(1, lateness)
    }

    /// On many tiny random instances (caps, days off, history, due dates, weights), the bound at
    /// the oracle's optimal unscheduled count and makespan never exceeds the optimal lateness;
    /// nor do the bounds for a later makespan or one more line left out (weaker limits), with
    /// the flow run (no target) or not.
    @Test func neverExceedsTheOracle() throws {
        var exact = 0
        var positive = 0
        var flow = 0
        let seeds = UInt64(1)...400
        for seed in seeds {
            let problem = PlanningProblem(MIPTinyInstances.make(seed: seed + 70_000, maxLines: 6, maxAccounts: 2))
            let optimum = try ExhaustiveSolver().optimum(problem).objective
            let lateness = optimum.weightedLateness
            let outcome = LatenessBounds.compute(
                problem, makespan: optimum.makespan, unscheduled: optimum.unscheduled)
            let bound = try #require(outcome.bound, "seed \(seed): \(outcome) for \(optimum)")
            #expect(Self.holds(bound.value, lateness), "seed \(seed): bound \(bound) above the optimum \(optimum)")
            if bound.method == .flow { flow += 1 }
            if lateness > 0 {
                positive += 1
                if bound.value >= lateness - 1e-9 * lateness { exact += 1 }
            }
            let targeted = LatenessBounds.compute(
                problem, makespan: optimum.makespan, unscheduled: optimum.unscheduled, target: lateness)
            #expect(Self.holds(targeted.bound?.value ?? .infinity, lateness), "seed \(seed): \(targeted)")
            for (makespan, unscheduled) in [(optimum.makespan + 1, optimum.unscheduled), (optimum.makespan, optimum.unscheduled + 1)] {
                let weaker = LatenessBounds.compute(problem, makespan: makespan, unscheduled: unscheduled)
                #expect(Self.holds(weaker.bound?.value ?? .infinity, lateness), "seed \(seed): \(weaker)")
            }
        }
        print("lateness bound equals the optimum on \(exact) of \(positive) tiny instances with lateness; flow on \(flow)")
        #expect(positive > 50)
    }

    /// Random valid schedules of tiny instances (not optimal ones): the bound at each schedule's
    /// own makespan and unscheduled count is at most its lateness.
    @Test func neverExceedsRandomValidSchedules() {
        var checked = 0
        for seed in UInt64(1)...300 {
            let problem = PlanningProblem(MIPTinyInstances.make(seed: seed + 80_000, maxLines: 6, maxAccounts: 2))
            var random = MIPRandom(seed: seed)
            for _ in 0..<60 {
                var schedule = DenseSchedule(lineCount: problem.lineCount)
                for l in problem.workLines where random.chance(0.85) && problem.horizon > 0 {
                    switch problem.need[l] {
                    case .review(let account, let purchaseDay):
                        let from = max(0, purchaseDay + problem.lag[l])
                        guard from < problem.horizon else { continue }
                        schedule.schedule(
                            line: l, purchase: nil,
                            review: Placement(account: account, day: random.int(from...(problem.horizon - 1))))
                    case .purchaseAndReview:
                        let first = problem.firstPurchaseDay[l]
                        guard first < problem.horizon, problem.accountCount > 0 else { continue }
                        let account = random.int(0...(problem.accountCount - 1))
                        let day = random.int(first...(problem.horizon - 1))
                        let from = day + problem.lag[l]
                        guard from < problem.horizon else { continue }
                        schedule.schedule(
                            line: l, purchase: Placement(account: account, day: day),
                            review: Placement(account: account, day: random.int(from...(problem.horizon - 1))))
                    case .done:
                        break
                    }
                }
                guard schedule.violations(in: problem).isEmpty else { continue }
                let values = schedule.objectiveValues(in: problem)
                let outcome = LatenessBounds.compute(problem, makespan: values.makespan, unscheduled: values.unscheduled)
                #expect(
                    Self.holds(outcome.bound?.value ?? .infinity, values.weightedLateness),
                    "seed \(seed): \(outcome) above \(values)")
                checked += 1
            }
        }
        print("lateness bound checked against \(checked) random valid schedules")
        #expect(checked > 1_000)
    }

    /// Generated instances of random shapes: the bound at each solver's plan (greedy, flow,
    /// seed-greedy, auto) never exceeds that plan's lateness, and the finisher records it.
    @Test(arguments: SolverCatalog.entries.filter { !$0.needsSearchLimit }.map(\.name))
    func neverExceedsSolverPlans(solver name: String) throws {
        let solver = try #require(SolverCatalog.solver(named: name))
        for seed in UInt64(20_001)...20_080 {
            let instance = SolverPropertyTests.instance(seed: seed)
            let context = SolveContext(PlanningProblem(instance))
            let outcome = PlanFinisher.finish(try solver.solve(in: context), in: context)
            let lateness = outcome.metrics.weightedLateness
            let computed = LatenessBounds.compute(
                context.problem, makespan: outcome.metrics.makespan, unscheduled: outcome.metrics.unscheduled)
            #expect(Self.holds(computed.bound?.value ?? .infinity, lateness), "\(name), seed \(seed): \(computed)")
            if outcome.validation.isFeasible {
                let recorded = try #require(outcome.run.latenessBound, "\(name), seed \(seed)")
                #expect(Self.holds(recorded, lateness), "\(name), seed \(seed)")
                #expect((outcome.run.latenessGap ?? -1) >= 0)
            }
        }
    }

    /// Capacity binds: two lines due on day 0, one purchase a day, lag 0. Each alone is on time;
    /// together one is a day late. The per-line argument sees 0, the flow sees the lighter weight.
    @Test func flowChargesSharedCapacity() throws {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 5, rules: Rules(reviewLagDays: 0),
            accounts: [Account(id: "a", dailyLimit: 1)],
            orders: [
                Order(id: "o1", dueDate: start, weight: 3, lines: [Line(id: "o1/1", item: "i")]),
                Order(id: "o2", dueDate: start, weight: 2, lines: [Line(id: "o2/1", item: "j")]),
            ])
        let problem = PlanningProblem(instance)
        let bound = try #require(LatenessBounds.compute(problem, makespan: 2, unscheduled: 0).bound)
        #expect(bound.method == .flow)
        #expect(abs(bound.value - 2) < 1e-9)
        // One line may be left out: the heavier one goes, nothing is late.
        let dropping = try #require(LatenessBounds.compute(problem, makespan: 2, unscheduled: 1).bound)
        #expect(dropping.value == 0)
        // Makespan 1 cannot hold both: no plan.
        #expect(LatenessBounds.compute(problem, makespan: 1, unscheduled: 0) == .noPlan)
        // With the plan's lateness as target, the cheap argument does not stop the flow.
        #expect(abs((LatenessBounds.compute(problem, makespan: 2, unscheduled: 0, target: 2).bound?.value ?? 0) - 2) < 1e-9)
    }

    /// The plan's solver block carries the bound and gap through encoding and decoding.
    @Test func solverBlockRoundTrips() throws {
        var run = SolverRun(name: "greedy", status: .heuristic, seconds: 0.5, lowerBound: 3, gap: 0)
        run.latenessBound = 12.5
        run.latenessGap = 0.25
        let plan = Plan(instance: "x", solver: run, tasks: [])
        let decoded = try RotaJSON.decodePlan(RotaJSON.encode(plan))
        #expect(decoded.solver?.latenessBound == 12.5)
        #expect(decoded.solver?.latenessGap == 0.25)
    }
}

/// The MIP's lateness stage reads the lateness bound and stops when its incumbent meets it.
@Suite struct MIPLatenessFloorTests {
    /// On tiny instances, a lateness stage ended by the bound (`met-bound`) still ends at the
    /// oracle's optimal lateness, and the bound does end some stages.
    @Test func stageStoppedByTheBoundIsOptimal() throws {
        var met = 0
        for seed in UInt64(1)...60 {
            let problem = PlanningProblem(MIPTinyInstances.make(seed: seed + 90_000, maxLines: 6, maxAccounts: 2))
            let optimum = try ExhaustiveSolver().optimum(problem).objective
            let report = try MIPSolver(startFromGreedy: true).run(problem, options: SolveOptions())
            guard let stage = report.stages.first(where: { $0.level == .weightedLateness }) else { continue }
            #expect(stage.outcome.provesLevel, "seed \(seed): \(stage)")
            if stage.outcome == .metBound {
                met += 1
                let lateness = report.objective.weightedLateness
                #expect(
                    abs(lateness - optimum.weightedLateness) <= 1e-6 * max(1, optimum.weightedLateness),
                    "seed \(seed): \(report.objective) vs the oracle's \(optimum)")
            }
        }
        print("the lateness bound ended \(met) of 60 MIP lateness stages")
        #expect(met > 0)
    }
}

/// `LatenessFlow` finds the least cost on small random transportation networks, the shape
/// `LatenessTransport` builds (classes → days → sink, or classes → drop → sink), checked by
/// enumerating every assignment of the units.
@Suite struct LatenessFlowTests {
    @Test func matchesEnumeration() {
        var random = MIPRandom(seed: 4242)
        var infeasible = 0
        for round in 0..<400 {
            let classes = random.int(1...4)
            let days = random.int(1...4)
            let counts = (0..<classes).map { _ in random.int(1...2) }
            let room = (0..<days).map { _ in random.int(0...2) }
            let drops = random.int(0...2)
            // cost[c][d], or nil when the class may not use the day.
            let costs: [[Int?]] = (0..<classes).map { _ in
                (0..<days).map { _ in random.chance(0.75) ? random.int(0...9) : nil }
            }
            var flow = LatenessFlow(nodes: 3 + days + classes)
            flow.addArc(from: 2, to: 1, capacity: drops, cost: 0)
            for d in 0..<days { flow.addArc(from: 3 + d, to: 1, capacity: room[d], cost: 0) }
            for c in 0..<classes {
                flow.addArc(from: 0, to: 3 + days + c, capacity: counts[c], cost: 0)
                flow.addArc(from: 3 + days + c, to: 2, capacity: counts[c], cost: 0)
                for d in 0..<days { if let cost = costs[c][d] { flow.addArc(from: 3 + days + c, to: 3 + d, capacity: counts[c], cost: cost) } }
            }
            let units = counts.enumerated().flatMap { c, n in Array(repeating: c, count: n) }
            // Every unit to a day or to the drop node (index days).
            var best: Int?
            func search(_ i: Int, _ cost: Int, _ used: [Int], _ dropped: Int) {
                if i == units.count {
                    best = min(best ?? cost, cost)
                    return
                }
                for option in 0...days {
                    if option == days {
                        if dropped < drops { search(i + 1, cost, used, dropped + 1) }
                    } else if let c = costs[units[i]][option], used[option] < room[option] {
                        var next = used
                        next[option] += 1
                        search(i + 1, cost + c, next, dropped)
                    }
                }
            }
            search(0, 0, [Int](repeating: 0, count: days), 0)
            let outcome = flow.solve(source: 0, sink: 1, demand: units.count, workLimit: 1_000_000)
            if let best {
                #expect(outcome == .optimal(cost: best), "round \(round): \(outcome) vs \(best)")
            } else {
                infeasible += 1
                #expect(outcome == .infeasible, "round \(round): \(outcome)")
            }
        }
        #expect(infeasible > 10 && infeasible < 390)
    }
}
