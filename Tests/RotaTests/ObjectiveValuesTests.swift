import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

/// The objective values have two sources, the scorer (plans) and the dense schedule (the MIP,
/// the oracle); both must give the same values, soft overruns through the one count.
@Suite struct ObjectiveValuesTests {
    @Test func denseScheduleAgreesWithThePlansMetrics() throws {
        var shapes = SplitMix64(seed: 91)
        var unclamped = 0
        for seed in UInt64(1)...120 {
            let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &shapes)).generate(seed: seed)
            if try Self.expectAgreement(instance, "seed \(seed)") == 0 { unclamped += 1 }
        }
        #expect(unclamped > 20)
    }

    /// A 30-day window over a 10-day plan: the dense count sees 10-day windows.
    @Test func clampedWindowsDifferByTheWindowsHoldingEveryPurchase() throws {
        typealias S = GreedyTestSupport
        let instance = S.instance(
            accounts: [S.account("a", limit: 1, rolling: RollingCap(days: 30, soft: 1))], items: ["x", "y", "z"],
            lag: 2, horizon: 10)
        #expect(try Self.expectAgreement(instance, "clamped") == 20)
    }

    /// Expects the dense schedule of greedy's plan to have the plan's objective values; returns
    /// the soft overruns the dense count leaves out (0 unless a window is clamped).
    ///
    /// The dense count uses the window the MIP models, clamped to the plannable span S; a window
    /// of W > S days adds W − S starts holding every purchase of the account, overruns when those
    /// exceed `soft`.
    static func expectAgreement(_ instance: Instance, _ context: String) throws -> Int {
        let problem = PlanningProblem(instance)
        let plan = try GreedySolver().solve(problem, options: SolveOptions()).plan
        let metrics = Scorer().score(plan, for: instance)
        let scored = metrics.objectiveValues
        let dense = DenseSchedule(plan: plan, problem: problem).objectiveValues(in: problem)
        #expect(dense.unscheduled == scored.unscheduled, "\(context)")
        #expect(dense.makespan == scored.makespan, "\(context)")
        #expect(Objective.nearlyEqual(dense.weightedLateness, scored.weightedLateness), "\(context)")
        #expect(dense.lateLines == scored.lateLines, "\(context)")
        #expect(dense.largestLoad == scored.largestLoad, "\(context)")
        #expect(dense.spread == scored.spread, "\(context)")
        var clampedWindows = 0
        for a in 0..<problem.accountCount {
            guard let rolling = problem.rolling[a], let soft = rolling.soft,
                let length = problem.windowLength(account: a), length < rolling.days
            else { continue }
            if metrics.accountLoads[a].purchases > soft { clampedWindows += rolling.days - length }
        }
        #expect(scored.softOverruns - dense.softOverruns == clampedWindows, "\(context)")
        return clampedWindows
    }

    @Test func levelNamesKeepTheirSpellings() {
        #expect(ObjectiveLevel.stages.map(\.stageName)
            == ["unscheduled", "makespan", "lateness", "largest-load", "spread", "soft-overruns"])
        #expect(ObjectiveLevel.allCases.map(\.rawValue)
            == ["unscheduled", "makespan", "lateness", "late", "load", "spread", "overruns", "changes"])
        #expect(ObjectiveLevel(named: "largest-load") == .largestLoad)
        #expect(ObjectiveLevel(named: "soft_overruns") == .softOverruns)
        #expect(ObjectiveLevel(named: "weighted-lateness") == .weightedLateness)
    }

    @Test func defaultThenSoftOverrunsBreaksTheDefaultsTies() {
        let a = ObjectiveValues(unscheduled: 0, makespan: 5, weightedLateness: 2, largestLoad: 3, spread: 1, softOverruns: 0)
        var b = a
        b.softOverruns = 2
        #expect(Objective.default.compare(a, b) == .equal)
        #expect(Objective.defaultThenSoftOverruns.compare(a, b) == .better)
        b.weightedLateness = 2 + 1e-7
        #expect(Objective.defaultThenSoftOverruns.decidingLevel(a, b) == .softOverruns)
        b.weightedLateness = 2.5
        #expect(Objective.defaultThenSoftOverruns.decidingLevel(b, a) == .weightedLateness)
    }
}
