import Testing

@testable import RotaCore
@testable import RotaEvaluation

private typealias F = ValidationFixture

/// The validator's fast paths (issue 10): the line, item and account tables the planning
/// problem built, handed to the context, give the same reports and metrics as the context's
/// own; the rules' dense checks send every breach to the full check.
@Suite struct ValidationSharedTablesTests {
    /// Reports and metrics over the problem's tables and over the context's own.
    private static func expectSameAnswers(_ instance: Instance, _ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
        let own = ValidationContext(instance: instance, plan: plan)
        let shared = ValidationContext(instance: instance, plan: plan, tables: InstanceTables(PlanningProblem(instance)))
        #expect(Validator().validate(shared) == Validator().validate(own), sourceLocation: sourceLocation)
        #expect(Scorer().score(in: shared) == Scorer().score(in: own), sourceLocation: sourceLocation)
        #expect(shared.isFirstOfItsID == own.isFirstOfItsID, sourceLocation: sourceLocation)
        #expect(shared.itemOfTask == own.itemOfTask, sourceLocation: sourceLocation)
    }

    @Test func problemTablesGiveTheSameReportOnAFaultyPlan() {
        // Faults, and a line listed twice in the instance (its first entry wins).
        let (instance, plan) = ValidationLookupTests.faultyCase()
        Self.expectSameAnswers(instance, plan)
    }

    @Test func problemTablesGiveTheSameReportOnAValidPlan() {
        let (instance, plan) = ValidationScaleTests.largeCase(lineCount: 500)
        #expect(Validator().validate(plan, against: instance).isFeasible)
        Self.expectSameAnswers(instance, plan)
    }

    @Test func problemTablesWithAnAccountListedTwice() {
        var instance = F.instance
        instance.accounts.append(Account(id: "acct-1", dailyLimit: 9))
        let plan = F.plan.changing("P:ord-2/1") { $0.item = "item-unknown" }
        Self.expectSameAnswers(instance, plan)
    }

    /// Many days off are asked of the set, a few are scanned: both find the task on one.
    @Test(arguments: [1, 40])
    func unavailableDayAmongManyOrFew(daysOff: Int) {
        var instance = F.instance
        // 2026-12-05, and the others after the horizon (no other task of the plan is on them).
        instance.accounts[0].unavailable = [F.day("2026-12-05")] + (1..<daysOff).map { F.day("2027-01-01") + $0 }
        let violations = F.expectOnly(
            rule: 3, count: 1, F.plan.changing("R:ord-1/2") { $0.date = F.day("2026-12-05") }, instance)
        #expect(violations.first?.tasks == ["R:ord-1/2"])
    }

    /// An account within both item caps is passed by the counting pass; one over either is
    /// reported as by the full check, once per breach.
    @Test func sameItemBreachesBehindTheCountingPass() {
        // acct-2 buys item-A twice on 2026-12-01 (over one a day) and item-A three times in
        // all (over two per account).
        let plan = F.plan
            .changing("P:ord-1/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-02") }
            .changing("R:ord-1/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-07") }
            .changing("P:ord-3/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-02") }
            .changing("R:ord-3/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-07") }
        let violations = F.expectOnly(rule: 5, count: 2, plan)
        #expect(violations.contains { $0.message.contains("2 times on 2026-12-02") })
        #expect(violations.contains { $0.message.contains("3 times over the plan") })
        #expect(F.validate(F.plan).isFeasible)
    }
}
