import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaEvaluation

/// The makespan bound over a window of days (grown while an argument still proves drops at its
/// end) is the bound over the whole horizon: same counts, same makespan, same parts.
@Suite struct BoundWindowTests {
    /// `instance` with `horizonDays` set.
    static func with(_ instance: Instance, horizonDays: Int) -> Instance {
        var instance = instance
        instance.horizonDays = horizonDays
        return instance
    }

    static func expectSame(_ instance: Instance, _ note: String) {
        let problem = PlanningProblem(instance)
        let whole = LowerBounds.compute(problem, windowFrom: Int.max)
        let windowed = LowerBounds.compute(problem, windowFrom: 0)
        #expect(windowed == whole, "\(note): windowed \(windowed) whole \(whole)")
    }

    @Test func randomShapesAtLongHorizons() {
        var rng = SplitMix64(seed: 8_005)
        for draw in 0..<150 {
            let shape = InstanceGenerator.randomShape(rng: &rng)
            let instance = InstanceGenerator(shape: shape).generate(seed: UInt64(draw))
            // The generated horizon (often tight: drops, full fallback), and longer ones.
            for horizon in [instance.horizonDays, 2 * instance.horizonDays + 3, 200, 1_500] {
                Self.expectSame(Self.with(instance, horizonDays: horizon), "draw \(draw) horizon \(horizon)")
            }
        }
    }

    @Test func familiesAtLongHorizons() {
        for family in InstanceFamily.allCases {
            for seed in UInt64(1)...2 {
                let instance = family.generate(seed: seed, lines: 120)
                for horizon in [instance.horizonDays, 700, 3_000] {
                    Self.expectSame(Self.with(instance, horizonDays: horizon), "\(family) seed \(seed) horizon \(horizon)")
                }
            }
        }
    }

    /// The public entry windows long horizons only, and agrees with the whole computation there.
    @Test func longSeedMatchesWholeComputation() throws {
        let instance = try HorizonScalingTests.seed(horizonDays: 36_600)
        let problem = PlanningProblem(instance)
        #expect(LowerBounds.compute(problem) == LowerBounds.compute(problem, windowFrom: Int.max))
    }

    /// Runs of buy and review days answer "next day" queries as a day-by-day scan would.
    @Test func runsAnswerNextDay() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let count = rng.int(in: 0...40)
            let flags = (0..<count).map { _ in rng.chance(0.4) }
            let runs = DayRuns.runs(flags)
            for d in 0..<count {
                let expected = (d..<count).first { flags[$0] } ?? count
                #expect(DayRuns.next(in: runs, from: d, horizon: count) == expected)
            }
        }
    }
}
