import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaEvaluation

/// The max-flow relaxation of the makespan bound (`FlowArgument`, `MaxFlow`): valid against the
/// exhaustive optimum and against every solver's plans, never weaker than the cheap arguments.
@Suite struct FlowBoundTests {
    /// Both flow arguments over the whole horizon of `problem`.
    static func flowArguments(_ problem: PlanningProblem) -> (arguments: [FlowArgument], impossible: Int) {
        let accounts = BoundAccounts(problem)
        let lines = BoundLines(problem, accounts: accounts)
        let deadlines = ReviewDeadlines(lines, horizon: problem.horizon)
        let arguments = [(false, false), (true, false), (false, true)].map {
            FlowArgument(problem, lines: lines, accounts: accounts, deadlines: deadlines, rolling: $0.0, prefix: $0.1)
        }
        return (arguments, lines.impossible)
    }

    /// Each flow argument on its own never proves more drops than the optimal plan makes, at the
    /// optimal plan's makespan (and so at the horizon), on many tiny random instances; and the
    /// whole bound stays at or below the optimum.
    @Test func flowDropsNeverExceedTheOptimum() {
        var stronger = 0
        for seed in UInt64(1)...2_000 {
            let instance = TinyInstances.make(seed: seed &* 7_919)
            var brute = BruteForce(instance)
            let optimum = brute.solve()
            let problem = PlanningProblem(instance)
            let (arguments, impossible) = Self.flowArguments(problem)
            for argument in arguments {
                let left = optimum.unscheduled - impossible
                #expect(
                    argument.drops(makespan: optimum.makespan) <= left,
                    "seed \(seed) \(argument.name): \(argument.drops(makespan: optimum.makespan)) > \(left)")
                #expect(argument.drops(makespan: problem.horizon) <= left, "seed \(seed) \(argument.name)")
                // Never increasing in the makespan.
                for m in 0..<problem.horizon {
                    #expect(argument.drops(makespan: m) >= argument.drops(makespan: m + 1), "seed \(seed) m \(m)")
                }
            }
            let bound = LowerBounds.compute(problem)
            let cheap = LowerBounds.compute(problem, windowFrom: Int.max, flow: false)
            #expect(bound.unscheduled <= optimum.unscheduled, "seed \(seed): \(bound) vs \(optimum)")
            if bound.unscheduled == optimum.unscheduled {
                #expect(bound.makespan <= optimum.makespan, "seed \(seed): \(bound) vs \(optimum)")
            }
            if (bound.unscheduled, bound.makespan) > (cheap.unscheduled, cheap.makespan) { stronger += 1 }
        }
        print("the flow arguments raise the tiny bound on \(stronger) of 2000 instances")
    }

    /// Denser tiny instances (more lines per account-day), where the flow's capacities bind.
    @Test func denseTinyInstances() {
        var stronger = 0
        for seed in UInt64(1)...400 {
            let instance = Self.dense(seed: seed)
            var brute = BruteForce(instance)
            let optimum = brute.solve()
            let problem = PlanningProblem(instance)
            let bound = LowerBounds.compute(problem)
            let cheap = LowerBounds.compute(problem, windowFrom: Int.max, flow: false)
            #expect(bound.unscheduled <= optimum.unscheduled, "seed \(seed): \(bound) vs \(optimum)")
            if bound.unscheduled == optimum.unscheduled {
                #expect(bound.makespan <= optimum.makespan, "seed \(seed): \(bound) vs \(optimum)")
            }
            let (arguments, impossible) = Self.flowArguments(problem)
            for argument in arguments {
                #expect(argument.drops(makespan: optimum.makespan) <= optimum.unscheduled - impossible, "seed \(seed)")
            }
            if (bound.unscheduled, bound.makespan) > (cheap.unscheduled, cheap.makespan) { stronger += 1 }
        }
        print("the flow arguments raise the dense tiny bound on \(stronger) of 400 instances")
    }

    /// Never weaker: the bound with the flow is lexicographically at least the bound without it,
    /// with the same count of lines left out or more, on generated instances of random shapes.
    @Test func neverWeakerThanTheCheapArguments() {
        for seed in UInt64(20_001)...20_200 {
            let instance = SolverPropertyTests.instance(seed: seed)
            let problem = PlanningProblem(instance)
            let bound = LowerBounds.compute(problem)
            let cheap = LowerBounds.compute(problem, windowFrom: 1_024, flow: false)
            #expect(bound.unscheduled >= cheap.unscheduled, "seed \(seed)")
            if bound.unscheduled == cheap.unscheduled {
                #expect(bound.makespan >= cheap.makespan, "seed \(seed): \(bound) vs \(cheap)")
            }
            for (key, value) in cheap.parts where key.hasPrefix("unscheduled.") || key == "makespan.history" {
                #expect(bound.parts[key] == value, "seed \(seed) \(key)")
            }
        }
    }

    /// On generated instances of random shapes, no solver's plan beats the flow arguments: each
    /// argument's drops at a plan's makespan are at most the possible lines the plan leaves out.
    @Test func plansOfEverySolverRespectTheFlow() throws {
        let solvers = SolverCatalog.entries.filter { !$0.needsSearchLimit }.map(\.name)
        for seed in UInt64(30_001)...30_150 {
            let instance = SolverPropertyTests.instance(seed: seed)
            let problem = PlanningProblem(instance)
            let (arguments, impossible) = Self.flowArguments(problem)
            for name in solvers {
                let solver = try #require(SolverCatalog.solver(named: name))
                let plan = try solver.solve(problem, options: SolveOptions()).plan
                guard Validator().validate(plan, against: instance).isFeasible else { continue }
                let metrics = Scorer().score(plan, for: instance)
                for argument in arguments {
                    let drops = argument.drops(makespan: metrics.makespan)
                    #expect(
                        drops <= metrics.unscheduled - impossible,
                        "\(name) seed \(seed) \(argument.name): \(drops) > \(metrics.unscheduled) - \(impossible)")
                }
            }
        }
    }

    /// The flow proves the optimum exactly: one item, one copy per account, one account available
    /// on days 0–1 only and the other from day 3, lag 1: two lines need both accounts, so the
    /// second review is on day 4 at the earliest (makespan 5), while each line alone fits by day 1.
    @Test func sameItemCapSpreadsAcrossAccounts() {
        let start = ScoringSupport.start
        let horizon = 8
        let accounts = [
            Account(id: "a0", dailyLimit: 5, unavailable: (2..<horizon).map { start + $0 }),
            Account(id: "a1", dailyLimit: 5, unavailable: (0..<3).map { start + $0 }),
        ]
        let instance = Instance(
            name: "spread", start: start, horizonDays: horizon,
            rules: Rules(reviewLagDays: 1, sameItemPerAccountPerDay: 1, sameItemPerAccount: 1, reviewsPerAccountPerDay: nil),
            accounts: accounts, orders: [Order(id: "o", lines: (0..<2).map { Line(id: LineID("l\($0)"), item: "i") })])
        let problem = PlanningProblem(instance)
        let bound = LowerBounds.compute(problem)
        var brute = BruteForce(instance)
        let optimum = brute.solve()
        #expect(optimum.unscheduled == 0 && optimum.makespan == 5)
        #expect(bound.unscheduled == 0)
        #expect(bound.makespan == 5, "\(bound)")
        #expect(bound.parts["makespan.flow"] == 5)
    }

    /// Max flow agrees with a plain augmenting-path reference on random small graphs.
    @Test func maxFlowMatchesAugmentingPaths() {
        var rng = SplitMix64(seed: 41)
        for _ in 0..<500 {
            let n = rng.int(in: 2...9)
            var capacity = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
            var flow = MaxFlow(nodes: n)
            for _ in 0..<rng.int(in: 0...25) {
                let u = rng.int(in: 0...(n - 1))
                let v = rng.int(in: 0...(n - 1))
                guard u != v else { continue }
                let c = rng.int(in: 0...6)
                capacity[u][v] += c
                flow.addArc(u, v, c)
            }
            #expect(flow.run(source: 0, sink: n - 1) == Self.referenceFlow(capacity))
        }
    }

    /// Edmonds–Karp on a capacity matrix.
    static func referenceFlow(_ capacity: [[Int]]) -> Int {
        var residual = capacity
        let n = capacity.count
        var total = 0
        while true {
            var parent = [Int](repeating: -1, count: n)
            parent[0] = 0
            var queue = [0]
            var i = 0
            while i < queue.count {
                let u = queue[i]
                i += 1
                for v in 0..<n where parent[v] < 0 && residual[u][v] > 0 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            guard parent[n - 1] >= 0 else { return total }
            var push = Int.max
            var v = n - 1
            while v != 0 {
                push = min(push, residual[parent[v]][v])
                v = parent[v]
            }
            v = n - 1
            while v != 0 {
                residual[parent[v]][v] -= push
                residual[v][parent[v]] += push
                v = parent[v]
            }
            total += push
        }
    }

    /// Tiny instances with more lines than `TinyInstances` (up to 6 on 1–3 accounts, 4–6 days),
    /// one or two items, tight daily and review caps, hard windows and history.
    static func dense(seed: UInt64) -> Instance {
        var rng = SeededGenerator(seed: seed &+ 1_000_003)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        let start = ScoringSupport.start
        let horizon = Int.random(in: 4...6, using: &rng)
        let accounts = (0..<Int.random(in: 1...3, using: &rng)).map { a in
            Account(
                id: AccountID("a\(a)"), dailyLimit: Int.random(in: 1...2, using: &rng),
                unavailable: (0..<horizon).filter { _ in chance(0.25) }.map { start + $0 },
                rolling: chance(0.4) ? RollingCap(days: Int.random(in: 2...3, using: &rng), soft: nil, hard: Int.random(in: 1...2, using: &rng)) : nil)
        }
        let rules = Rules(
            reviewLagDays: Int.random(in: 0...2, using: &rng), sameItemPerAccountPerDay: 1,
            sameItemPerAccount: chance(0.6) ? 1 : nil, reviewsPerAccountPerDay: chance(0.6) ? 1 : nil)
        let items = Int.random(in: 1...2, using: &rng)
        let lines = (0..<Int.random(in: 2...6, using: &rng)).map { l in
            Line(
                id: LineID("l\(l)"), item: ItemID("i\(Int.random(in: 0..<items, using: &rng))"),
                earliest: chance(0.25) ? start + Int.random(in: 0...2, using: &rng) : nil,
                reviewLagDays: chance(0.15) ? Int.random(in: 0...2, using: &rng) : nil)
        }
        var existing: [PlanTask] = []
        for line in lines.prefix(1) where chance(0.4) {
            let account = accounts[0].id
            existing.append(
                PlanTask(
                    id: TaskID("P:\(line.id)"), kind: .purchase, line: line.id, order: "o", item: line.item,
                    account: account, date: start + Int.random(in: -2...0, using: &rng), status: .completed))
        }
        return Instance(
            name: "dense-\(seed)", start: start, horizonDays: horizon, rules: rules, accounts: accounts,
            orders: [Order(id: "o", lines: lines)], existing: existing)
    }
}
