import Testing
import RotaCore
import RotaEvaluation

/// The ledger's typed answers: each names the rule that forbids a task, agrees with the `Bool`
/// checks the solvers use, and `DenseSchedule.violations(in:)` agrees with the `Validator`.
@Suite struct LedgerViolationTests {
    typealias S = GreedyTestSupport

    @Test func eachCapAnswersWithItsRule() {
        let instance = S.instance(
            accounts: [
                S.account("a", limit: 2, unavailable: [5], rolling: RollingCap(days: 3, soft: nil, hard: 3)),
                S.account("b", limit: nil),
            ],
            items: ["x", "y"], lag: 2,
            rules: { $0.sameItemPerAccountPerDay = 1; $0.sameItemPerAccount = 2; $0.reviewsPerAccountPerDay = 1 },
            lines: { $0[1].earliest = S.day(3) })
        let problem = PlanningProblem(instance)
        var ledger = CapacityLedger(problem: problem)
        let (x, y) = (problem.itemIndex["x"]!, problem.itemIndex["y"]!)
        #expect(ledger.purchaseViolation(account: 0, item: x, day: 0) == nil)
        ledger.recordPurchase(account: 0, item: x, day: 0)
        #expect(ledger.purchaseViolation(account: 0, item: x, day: 0) == .sameItemPerDay(account: 0, item: x, day: 0, limit: 1))
        ledger.recordPurchase(account: 0, item: y, day: 0)
        #expect(ledger.purchaseViolation(account: 0, item: y, day: 0) == .dailyLimit(account: 0, day: 0, limit: 2))
        #expect(ledger.purchaseViolation(account: 0, item: x, day: 5) == .unavailable(account: 0, day: 5))
        #expect(ledger.purchaseViolation(account: 0, item: x, day: 30) == .outsideHorizon(account: 0, day: 30, horizon: 30))
        ledger.recordPurchase(account: 0, item: x, day: 1)
        #expect(ledger.purchaseViolation(account: 0, item: x, day: 9) == .sameItemTotal(account: 0, item: x, limit: 2))
        #expect(ledger.purchaseViolation(account: 0, item: y, day: 2) == .rollingCap(account: 0, day: 2, days: 3, hard: 3))
        #expect(ledger.purchaseViolation(account: 0, item: y, day: 3) == nil)
        #expect(ledger.purchaseViolation(line: 1, account: 1, day: 2) == .beforeEarliest(line: 1, day: 2, earliest: 3))
        ledger.recordReview(account: 1, day: 4)
        #expect(ledger.reviewViolation(account: 1, day: 4) == .reviewsPerDay(account: 1, day: 4, limit: 1))
        let bought = Placement(account: 0, day: 0)
        #expect(
            ledger.reviewViolation(line: 0, purchase: bought, review: Placement(account: 1, day: 6))
                == .reviewAccount(line: 0, purchase: 0, review: 1))
        #expect(
            ledger.reviewViolation(line: 0, purchase: bought, review: Placement(account: 0, day: 1))
                == .lag(line: 0, day: 1, earliest: 2))
        #expect(ledger.reviewViolation(line: 0, purchase: bought, review: Placement(account: 0, day: 2)) == nil)
        #expect(LedgerViolation.rollingCap(account: 0, day: 2, days: 3, hard: 3).rule == 7)
        #expect(LedgerViolation.reviewAccount(line: 0, purchase: 0, review: 1).rule == 6)
    }

    /// On tiny random instances with random tasks recorded, the typed answer is nil exactly
    /// when the solvers' `Bool` check allows the task.
    @Test func typedAnswersAgreeWithTheFastChecks() {
        var rng = SeededGenerator(seed: 7)
        for seed in UInt64(1)...200 {
            let problem = PlanningProblem(TinyInstances.make(seed: seed))
            var ledger = CapacityLedger(problem: problem)
            for _ in 0..<6 {
                for a in 0..<problem.accountCount {
                    for d in -1...problem.horizon {
                        #expect((ledger.reviewViolation(account: a, day: d) == nil) == ledger.canReview(account: a, day: d))
                        for i in 0..<problem.itemCount {
                            #expect(
                                (ledger.purchaseViolation(account: a, item: i, day: d) == nil)
                                    == ledger.canPurchase(account: a, item: i, day: d), "seed \(seed)")
                        }
                    }
                }
                guard problem.horizon > 0, problem.itemCount > 0 else { break }
                let a = Int.random(in: 0..<problem.accountCount, using: &rng)
                let d = Int.random(in: 0..<problem.horizon, using: &rng)
                ledger.recordPurchase(account: a, item: Int.random(in: 0..<problem.itemCount, using: &rng), day: d)
                ledger.recordReview(account: a, day: Int.random(in: 0..<problem.horizon, using: &rng))
            }
        }
    }

    /// `DenseSchedule.violations(in:)` finds a breach exactly when the Validator does, and
    /// names only rules the Validator finds broken.
    @Test func scheduleViolationsAgreeWithTheValidator() {
        var rng = SeededGenerator(seed: 11)
        var feasible = 0
        for seed in UInt64(1)...300 {
            let instance = TinyInstances.make(seed: seed)
            let problem = PlanningProblem(instance)
            let brute = BruteForce(instance)
            for _ in 0..<20 {
                let plan = brute.plan(brute.randomChoices(using: &rng))
                let report = Validator().validate(plan, against: instance)
                let found = DenseSchedule(plan: plan, problem: problem).violations(in: problem)
                #expect(found.isEmpty == report.isFeasible, "seed \(seed): \(found) \(report.violations)")
                #expect(Set(found.map(\.rule)).isSubset(of: report.brokenRules), "seed \(seed): \(found) \(report.violations)")
                if found.isEmpty { feasible += 1 }
            }
        }
        #expect(feasible > 300 && feasible < 5700)
    }
}
