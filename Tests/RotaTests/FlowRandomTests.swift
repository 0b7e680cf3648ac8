import Testing

import RotaCore
import RotaEvaluation
import RotaSolvers

/// The flow solver on seeded random instances: every plan passes the validator; without
/// rolling or review caps its makespan meets its own bound (proven optimal).
@Suite struct FlowRandomTests {
    typealias T = FlowTestInstances

    @Test func withoutRollingOrReviewCapsThePlanMeetsItsBound() throws {
        var exact = 0
        for seed in UInt64(0)..<300 {
            let instance = T.random(seed: seed, caps: false)
            let problem = PlanningProblem(instance)
            let result = try T.solveValid(instance, "seed \(seed)")
            let bound = try FlowBound.makespanBound(problem)
            let makespan = T.makespan(result.plan, instance)
            #expect(result.run.lowerBound.map { $0 <= makespan } == true, "seed \(seed)")
            #expect(result.plan.unscheduled.count >= bound.unscheduled, "seed \(seed)")
            guard FlowSolver().isExact(for: problem) else { continue }
            exact += 1
            #expect(makespan == bound.makespan, "seed \(seed)")
            #expect(result.plan.unscheduled.count == bound.unscheduled, "seed \(seed)")
            #expect(result.run.status == .optimal || result.run.status == .infeasible, "seed \(seed)")
            #expect(result.run.lowerBound == makespan, "seed \(seed)")
        }
        #expect(exact >= 200)
    }

    @Test func withRollingAndReviewCapsThePlanIsStillValid() throws {
        var relaxed = 0
        for seed in UInt64(1000)..<1200 {
            let instance = T.random(seed: seed, caps: true)
            let problem = PlanningProblem(instance)
            let result = try T.solveValid(instance, "seed \(seed)")
            let bound = try FlowBound.makespanBound(problem)
            let makespan = T.makespan(result.plan, instance)
            #expect(result.run.lowerBound.map { $0 <= makespan } == true, "seed \(seed)")
            #expect(result.plan.unscheduled.count >= bound.unscheduled, "seed \(seed)")
            if result.plan.unscheduled.count == bound.unscheduled {
                #expect(result.run.lowerBound == bound.makespan, "seed \(seed)")
            }
            if !FlowSolver().isExact(for: problem) { relaxed += 1 }
        }
        #expect(relaxed >= 100)
    }

    @Test func withoutTheMinimumCostPassThePlanStillMeetsItsBound() throws {
        for seed in UInt64(2000)..<2150 {
            let instance = T.random(seed: seed, caps: seed % 3 == 0)
            let problem = PlanningProblem(instance)
            let result = try FlowSolver(minCostArcLimit: 0).solve(problem, options: SolveOptions())
            let report = Validator().validate(result.plan, against: instance)
            #expect(report.isFeasible, "seed \(seed) \(report.violations.prefix(3).map(\.description))")
            let bound = try FlowBound.makespanBound(problem)
            if FlowSolver().isExact(for: problem) {
                #expect(T.makespan(result.plan, instance) == bound.makespan, "seed \(seed)")
                #expect(result.plan.unscheduled.count == bound.unscheduled, "seed \(seed)")
            }
        }
    }

    @Test func solvingTwiceGivesTheSamePlan() throws {
        for seed in UInt64(0)..<20 {
            let instance = T.random(seed: seed, caps: seed % 2 == 0)
            let first = try FlowSolver().solve(PlanningProblem(instance), options: SolveOptions())
            let second = try FlowSolver().solve(PlanningProblem(instance), options: SolveOptions())
            #expect(first.plan.tasks == second.plan.tasks && first.plan.unscheduled == second.plan.unscheduled)
        }
    }
}
