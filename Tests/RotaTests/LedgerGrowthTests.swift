import Testing
import Rota
import RotaCore
import RotaEvaluation

/// The ledger stores days only as far as tasks and review searches reach; a ledger grown day by
/// day answers every query as one whose storage covers the whole horizon from the start.
@Suite struct LedgerGrowthTests {
    @Test func grownOnDemandAnswersAsWhole() {
        var rng = SplitMix64(seed: 77)
        for draw in 0..<40 {
            var instance = InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &rng)).generate(seed: UInt64(draw))
            instance.horizonDays = [instance.horizonDays, 150, 400][draw % 3]
            let problem = PlanningProblem(instance)
            let horizon = problem.horizon
            guard problem.accountCount > 0, problem.itemCount > 0, horizon > 0 else { continue }
            var lazy = CapacityLedger(problem: problem)
            var whole = CapacityLedger(problem: problem)
            // A search reaching the last day stores every day.
            for a in 0..<problem.accountCount { _ = whole.firstReviewDay(account: a, from: horizon - 1, through: horizon - 1) }
            for _ in 0..<200 {
                let a = rng.int(in: 0...(problem.accountCount - 1))
                let item = rng.int(in: 0...(problem.itemCount - 1))
                let d = rng.int(in: 0...(horizon - 1))
                switch rng.int(in: 0...3) {
                case 0:
                    #expect(lazy.canPurchase(account: a, item: item, day: d) == whole.canPurchase(account: a, item: item, day: d))
                    if lazy.canPurchase(account: a, item: item, day: d) {
                        lazy.recordPurchase(account: a, item: item, day: d)
                        whole.recordPurchase(account: a, item: item, day: d)
                    }
                case 1:
                    #expect(lazy.canReview(account: a, day: d) == whole.canReview(account: a, day: d))
                    if lazy.canReview(account: a, day: d) {
                        lazy.recordReview(account: a, day: d)
                        whole.recordReview(account: a, day: d)
                    }
                case 2:
                    let through = rng.int(in: d...(horizon - 1))
                    #expect(
                        lazy.firstReviewDay(account: a, from: d, through: through)
                            == whole.firstReviewDay(account: a, from: d, through: through))
                default:
                    #expect(lazy.canOpen(account: a, day: d) == whole.canOpen(account: a, day: d))
                    #expect(lazy.itemAllows(account: a, item: item, day: d) == whole.itemAllows(account: a, item: item, day: d))
                }
            }
            if draw % 5 == 0 {
                lazy.reset()
                whole.reset()
                for d in 0..<horizon {
                    for a in 0..<problem.accountCount {
                        #expect(lazy.canOpen(account: a, day: d) == whole.canOpen(account: a, day: d))
                        #expect(lazy.canReview(account: a, day: d) == whole.canReview(account: a, day: d))
                    }
                }
            }
        }
    }
}
