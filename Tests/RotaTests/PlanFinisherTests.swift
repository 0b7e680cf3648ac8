import Testing
import RotaCore
import RotaEvaluation
import RotaSolvers
import Rota

/// The one pipeline: a context computes the bound once, solvers that read it give the same
/// plans as with a bare problem, and every plan is finished the same way.
@Suite struct PlanFinisherTests {
    @Test func contextHoldsTheProblemsBound() {
        let problem = PlanningProblem(CompactTight.generate(seed: 8))
        #expect(SolveContext(problem).bound == LowerBounds.compute(problem))
    }

    /// `solve(in:)` and `solve(_:options:)` agree, for context solvers and the others.
    @Test(arguments: ["auto", "greedy", "flow"])
    func contextAndBareProblemGiveTheSamePlan(name: String) throws {
        let problem = PlanningProblem(CompactTight.generate(seed: 14))
        let solver = try #require(SolverCatalog.solver(named: name))
        let bare = try solver.solve(problem, options: SolveOptions())
        let inContext = try solver.solve(in: SolveContext(problem))
        #expect(bare.plan.tasks == inContext.plan.tasks)
        #expect(bare.run.status == inContext.run.status)
        #expect(bare.run.lowerBound == inContext.run.lowerBound)
        #expect(bare.model == inContext.model)
    }

    /// The planner's outcome is the finisher's on the solver's result (seconds aside).
    @Test func plannerFinishesLikeAnyCaller() throws {
        let instance = InstanceFamily.small.generate(seed: 2)
        let planned = try Planner().plan(instance, with: GreedySolver(), options: SolveOptions(nodeLimit: 7))
        let context = SolveContext(PlanningProblem(instance), options: SolveOptions(nodeLimit: 7))
        let finished = PlanFinisher.finish(try GreedySolver().solve(in: context), in: context)
        #expect(planned.plan.tasks == finished.plan.tasks)
        #expect(planned.metrics == finished.metrics)
        #expect(planned.bound == finished.bound)
        #expect(planned.validation == finished.validation)
        #expect(planned.run.lowerBound == finished.run.lowerBound && planned.run.gap == finished.run.gap)
        #expect(finished.run.settings["node-limit"] == "7")
        #expect(finished.run.versions["rota"] == RotaVersion.current)
        #expect(finished.plan.solver == finished.run)
    }

    /// A plan leaving out more lines than the fewest gets no bound from the context.
    @Test func noBoundWhenMoreLinesAreLeftOut() {
        let problem = PlanningProblem(InstanceFamily.small.generate(seed: 3))
        let context = SolveContext(problem)
        let empty = DenseSchedule(lineCount: problem.lineCount)
        let run = SolverRun(name: "none", status: .feasible, seconds: 0)
        let outcome = PlanFinisher.finish(SolveResult(plan: empty.plan(in: problem, run: run), run: run), in: context)
        if outcome.metrics.unscheduled != context.bound.unscheduled {
            #expect(outcome.run.lowerBound == nil && outcome.run.gap == nil)
        }
        #expect(outcome.bound == context.bound)
    }
}
