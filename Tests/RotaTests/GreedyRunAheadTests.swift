import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import Rota

/// Greedy's passes run ahead side by side (`GreedySearch.runAhead`) count only when the search
/// asks for them: the search ends with the same plan, score and pass count as one pass after
/// the other, on every family.
@Suite struct GreedyRunAheadTests {
    @Test(arguments: [
        ("small", UInt64(1)), ("medium", 2), ("resched", 4), ("tight", 3), ("crunch", 1), ("crunch", 5), ("tiny", 7),
    ])
    func sideBySideEqualsInTurn(family: String, seed: UInt64) throws {
        let problem = PlanningProblem(try #require(InstanceFamily(rawValue: family)).generate(seed: seed))
        var inTurn = GreedySearch(problem: problem, options: SolveOptions(), stopwatch: GreedyStopwatch())
        inTurn.lineFloor = .max
        inTurn.run()
        var sideBySide = GreedySearch(problem: problem, options: SolveOptions(), stopwatch: GreedyStopwatch())
        sideBySide.lineFloor = 0
        sideBySide.run()
        #expect(sideBySide.best.schedule == inTurn.best.schedule, "\(family)-\(seed)")
        #expect(sideBySide.bestScore == inTurn.bestScore)
        #expect(sideBySide.passes == inTurn.passes)
    }

    /// Two jobs' results come back in their own places, whichever finishes first.
    @Test func bothReturnsEachJobsResult() {
        for size in [0, Concurrently.smallWork] {
            let (a, b) = Concurrently.both(size: size, { (0..<10_000).reduce(0, +) }, { "second" })
            #expect(a == 49_995_000)
            #expect(b == "second")
        }
    }
}

/// `Eventually`: a value computed on another core from the moment it is made, read (and
/// waited for) where needed, the same value for every reader; small work is computed at once.
@Suite struct EventuallyTests {
    @Test func everyReaderGetsTheComputedValue() {
        for size in [0, Concurrently.smallWork] {
            let pending = Eventually(size: size) { (0..<100_000).reduce(0, +) }
            #expect(pending.value == 4_999_950_000)
            #expect(pending.value == 4_999_950_000, "read again")
        }
        #expect(Eventually("known").value == "known")
    }

    /// The planning context's bound, computed beside the solver on large problems, is
    /// `LowerBounds.compute`'s.
    @Test func theContextsBoundIsTheBound() {
        let problem = PlanningProblem(InstanceFamily.large.generate(seed: 1))
        #expect(problem.lineCount >= Concurrently.smallWork)
        #expect(SolveContext(problem).bound == LowerBounds.compute(problem))
    }
}
