import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import Rota

/// The objective values have two sources, the scorer (plans) and the dense schedule (the MIP,
/// the oracle); both must give the same values, soft overruns through the one count.
@Suite struct ObjectiveValuesTests {
    @Test func denseScheduleAgreesWithThePlansMetrics() throws {
        var shapes = SplitMix64(seed: 91)
        var windowsCompared = 0
        for seed in UInt64(1)...120 {
            let instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &shapes)).generate(seed: seed)
            let problem = PlanningProblem(instance)
            let plan = try GreedySolver().solve(problem, options: SolveOptions()).plan
            let scored = Scorer().score(plan, for: instance).objectiveValues
            let dense = DenseSchedule(plan: plan, problem: problem).objectiveValues(in: problem)
            #expect(dense.unscheduled == scored.unscheduled, "seed \(seed)")
            #expect(dense.makespan == scored.makespan, "seed \(seed)")
            #expect(Objective.nearlyEqual(dense.weightedLateness, scored.weightedLateness), "seed \(seed)")
            #expect(dense.lateLines == scored.lateLines, "seed \(seed)")
            #expect(dense.largestLoad == scored.largestLoad, "seed \(seed)")
            #expect(dense.spread == scored.spread, "seed \(seed)")
            // The dense count uses the window the MIP models, clamped to the plannable span;
            // it is the scorer's count whenever no window is longer than that span.
            let unclamped = (0..<problem.accountCount).allSatisfy { a in
                guard let rolling = problem.rolling[a], rolling.soft != nil else { return true }
                return problem.windowLength(account: a).map { $0 == rolling.days } ?? true
            }
            if unclamped {
                windowsCompared += 1
                #expect(dense.softOverruns == scored.softOverruns, "seed \(seed)")
            }
            #expect(Objective.defaultThenSoftOverruns.compare(dense, scored) == .equal || !unclamped, "seed \(seed)")
        }
        #expect(windowsCompared > 20)
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
