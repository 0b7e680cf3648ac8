import Foundation
import PropertyBased
import Testing

@testable import Rota
@testable import RotaOracle

/// Overrides as hard constraints (#11): every solver honours pins and forbidden accounts, an
/// override that cannot hold is rejected with the rule it would break, the validator's rule 10
/// catches a plan that ignores one, and a weight floor reaches the objective.
@Suite struct OverrideTests {
    typealias F = ValidationFixture

    /// The validation fixture with: ord-1/1 pinned to acct-2 on 2026-12-03, acct-1 forbidden
    /// for ord-3/1, ord-2/2 pinned to acct-1 (any day), ord-3/2 pinned to 2026-12-04 (any
    /// account), and ord-2/1's weight raised to 5.
    static var instance: Instance {
        var instance = F.instance
        instance.overrides = [
            LineOverride(
                line: "ord-1/1", reasonCode: "vip-customer", actor: "lee",
                pin: LineOverride.Pin(account: "acct-2", date: F.day("2026-12-03"))),
            LineOverride(line: "ord-3/1", reasonCode: "capacity-conflict", forbid: ["acct-1"]),
            LineOverride(line: "ord-2/2", reasonCode: "expedite", pin: LineOverride.Pin(account: "acct-1", date: nil)),
            LineOverride(line: "ord-3/2", reasonCode: "expedite", pin: LineOverride.Pin(account: nil, date: F.day("2026-12-04"))),
            LineOverride(line: "ord-2/1", reasonCode: "customer-request", weight: 5),
        ]
        return instance
    }

    static let solvers = ["greedy", "flow", "mip", "auto", "seed-greedy"]

    static func options(_ solver: String) -> SolveOptions {
        solver == "mip" ? SolveOptions(nodeLimit: 2_000) : SolveOptions()
    }

    /// The overrides of `instance` that `plan` breaks, checked directly (not by the validator).
    static func broken(_ plan: Plan, _ instance: Instance) -> [String] {
        var found: [String] = []
        for override in instance.overrides {
            let tasks = plan.tasks.filter { $0.line == override.line && $0.status == .pending }
            if let pin = override.pin {
                let purchase = tasks.first { $0.kind == .purchase }
                if let purchase {
                    if let account = pin.account, purchase.account != account { found.append("\(override.line): account \(purchase.account)") }
                    if let date = pin.date, purchase.date != date { found.append("\(override.line): date \(purchase.date)") }
                } else if !plan.tasks.contains(where: { $0.line == override.line && $0.kind == .purchase && $0.status == .completed }) {
                    found.append("\(override.line): no purchase")
                }
            }
            for task in tasks where override.forbid.contains(task.account) {
                found.append("\(override.line): \(task.id) by forbidden \(task.account)")
            }
        }
        return found
    }

    // MARK: Every solver

    @Test(arguments: solvers)
    func pinsAndForbidsHonouredByEverySolver(solver name: String) throws {
        let solver = try #require(SolverCatalog.solver(named: name))
        let instance = Self.instance
        let outcome = try Planner().plan(instance, with: solver, options: Self.options(name))
        #expect(outcome.validation.isFeasible, "\(outcome.validation.violations)")
        #expect(outcome.validation.counts[10] == 0)
        #expect(Self.broken(outcome.plan, instance).isEmpty, "\(Self.broken(outcome.plan, instance))")
        #expect(outcome.plan.unscheduled.isEmpty)
        let purchase = try #require(outcome.plan.tasks.first { $0.id == "P:ord-1/1" })
        #expect(purchase.account == "acct-2" && purchase.date == F.day("2026-12-03"))
        #expect(outcome.plan.tasks.first { $0.id == "P:ord-3/2" }?.date == F.day("2026-12-04"))
        // The bound ignores the overrides (a relaxation), so it stays below the makespan.
        #expect(outcome.bound.makespan <= outcome.metrics.makespan)
        #expect(outcome.run.status != .optimal || outcome.run.gap == 0)
        // The same solver called on the bare problem honours them too.
        let direct = try solver.solve(PlanningProblem(instance), options: Self.options(name)).plan
        #expect(Self.broken(direct, instance).isEmpty, "\(name): \(Self.broken(direct, instance))")
        #expect(Validator().validate(direct, against: instance).isFeasible)
    }

    @Test func withoutOverridesTheNineRulesAsBefore() {
        #expect(!PlanningProblem(F.instance).hasOverridesToPlace)
        #expect(PlanningProblem(F.instance).overrides.isEmpty)
        #expect(Validator().validate(F.plan, against: F.instance).counts.keys.sorted() == Array(1...9))
    }

    @Test func aWeightFloorRaisesTheLinesWeight() {
        let lines = Self.instance.resolvedLines
        #expect(lines.first { $0.id == "ord-2/1" }?.weight == 5)
        #expect(lines.first { $0.id == "ord-2/2" }?.weight == 1)
        let problem = PlanningProblem(Self.instance)
        #expect(problem.weight[problem.lineIndex["ord-2/1"]!] == 5)
        #expect(problem.overrides.weightFloor[problem.lineIndex["ord-2/1"]!] == 5)
    }

    // MARK: Impossible overrides

    static func conflicts(_ overrides: [LineOverride], existing: [PlanTask] = []) -> [OverrideConflict] {
        var instance = F.instance
        instance.overrides = overrides
        instance.existing = existing
        return OverridePlacement(PlanningProblem(instance)).conflicts
    }

    static func pin(_ line: LineID, _ account: AccountID?, _ date: String?) -> LineOverride {
        LineOverride(line: line, reasonCode: "expedite", pin: LineOverride.Pin(account: account, date: date.map(F.day)))
    }

    @Test func aPinOnADayOffBreaksRule3() {
        let found = Self.conflicts([Self.pin("ord-1/2", "acct-1", "2026-12-05")])
        #expect(found.map(\.rule) == [3])
        #expect(found.first?.description == "the override of line ord-1/2 breaks rule 3 (no work on unavailable days): line ord-1/2 is pinned to acct-1 on 2026-12-05: acct-1 is unavailable on 2026-12-05")
    }

    @Test func pinsOverTheDailyLimitBreakRule4() {
        // acct-1 buys at most 2 a day.
        let found = Self.conflicts([
            Self.pin("ord-1/2", "acct-1", "2026-12-03"), Self.pin("ord-2/2", "acct-1", "2026-12-03"),
            Self.pin("ord-3/2", "acct-1", "2026-12-03"),
        ])
        #expect(found.map(\.rule) == [4])
        #expect(found.first?.line == "ord-3/2")
        #expect(found.first?.message.contains("at its daily limit of 2 on 2026-12-03") == true)
    }

    @Test func aPinOverTheDailyLimitWithHistoryBreaksRule4() {
        let history = [
            F.purchase("ord-1/2", "acct-1", "2026-12-03", status: .completed),
            F.purchase("ord-2/2", "acct-1", "2026-12-03", status: .completed),
        ]
        #expect(Self.conflicts([Self.pin("ord-3/2", "acct-1", "2026-12-03")], existing: history).map(\.rule) == [4])
    }

    @Test func pinsOverTheRollingHardCapBreakRule7() {
        // acct-1: at most 4 purchases in any 3 days; five pins in 2026-12-01 … 03.
        let found = Self.conflicts([
            Self.pin("ord-2/1", "acct-1", "2026-12-01"), Self.pin("ord-1/2", "acct-1", "2026-12-01"),
            Self.pin("ord-1/1", "acct-1", "2026-12-02"), Self.pin("ord-2/2", "acct-1", "2026-12-02"),
            Self.pin("ord-3/2", "acct-1", "2026-12-03"),
        ])
        #expect(found.map(\.rule) == [7])
        #expect(found.first?.line == "ord-3/2")
    }

    @Test func twoPinsOfOneItemOnOneDayBreakRule5() {
        let found = Self.conflicts([Self.pin("ord-2/1", "acct-2", "2026-12-01"), Self.pin("ord-3/1", "acct-2", "2026-12-01")])
        #expect(found.map(\.rule) == [5])
    }

    @Test func aPinBeforeTheEarliestDayOrWithNoRoomForTheReviewBreaksRule2() {
        #expect(Self.conflicts([Self.pin("ord-1/1", "acct-2", "2026-12-01")]).map(\.rule) == [2])
        // Lag 3 from 2026-12-29 is past the horizon's last day 2026-12-30.
        let late = Self.conflicts([Self.pin("ord-1/2", "acct-2", "2026-12-29")])
        #expect(late.map(\.rule) == [2])
        #expect(late.first?.message.contains("leaves no day for its review") == true)
    }

    @Test func aPinOnAPurchasedLineBreaksRule9() {
        let bought = [F.purchase("ord-1/2", "acct-1", "2026-12-01", status: .completed)]
        let found = Self.conflicts([Self.pin("ord-1/2", "acct-2", nil)], existing: bought)
        #expect(found.map(\.rule) == [9])
        #expect(found.first?.message.contains("was purchased already") == true)
        // So is a forbid of the account that bought it (its review must be by that account).
        let forbid = LineOverride(line: "ord-1/2", reasonCode: "account-issue", forbid: ["acct-1"])
        #expect(Self.conflicts([forbid], existing: bought).map(\.rule) == [9])
    }

    @Test func aPinToAForbiddenAccountOrEveryAccountForbiddenBreaksRule10() {
        var pinned = Self.pin("ord-1/2", "acct-1", nil)
        pinned.forbid = ["acct-1"]
        #expect(Self.conflicts([pinned]).map(\.rule) == [10])
        let all = LineOverride(line: "ord-1/2", reasonCode: "account-issue", forbid: ["acct-1", "acct-2"])
        #expect(Self.conflicts([all]).map(\.rule) == [10])
    }

    @Test func anImpossiblePinStopsEverySolver() throws {
        var instance = F.instance
        instance.overrides = [Self.pin("ord-1/2", "acct-1", "2026-12-05")]
        for name in Self.solvers {
            let solver = try #require(SolverCatalog.solver(named: name))
            #expect(throws: OverrideConflicts.self) { try Planner().plan(instance, with: solver, options: Self.options(name)) }
        }
    }

    // MARK: Rule 10

    @Test func rule10FailingFixture() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("rule10-overrides.json"))
        let plan = try RotaJSON.decodePlan(FormatSupport.fixture("rule10-broken-plan.json"))
        let report = Validator().validate(plan, against: instance)
        #expect(report.brokenRules == [10], "\(report.violations)")
        #expect(report.counts[10] == 3)
        let messages = report.violations.map(\.message)
        #expect(messages.contains("purchase P:ord-1/1 of line ord-1/1 is by acct-1 on 2026-12-02; an override (vip-customer, by lee) pins it to acct-2 on 2026-12-03"), "\(messages)")
        #expect(messages.contains("purchase P:ord-3/1 of line ord-3/1 is by acct-1 on 2026-12-03, which an override (capacity-conflict) forbids for the line"), "\(messages)")
        #expect(messages.contains("review R:ord-3/1 of line ord-3/1 is by acct-1 on 2026-12-08, which an override (capacity-conflict) forbids for the line"), "\(messages)")
        // The fixture's plan with the pinned and forbidden lines moved passes.
        let fixed = plan
            .changing("P:ord-1/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-03") }
            .changing("R:ord-1/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-08") }
            .changing("P:ord-3/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-02") }
            .changing("R:ord-3/1") { $0.account = "acct-2"; $0.date = F.day("2026-12-05") }
            .changing("P:ord-2/1") { $0.account = "acct-1"; $0.date = F.day("2026-12-01") }
            .changing("R:ord-2/1") { $0.account = "acct-1"; $0.date = F.day("2026-12-04") }
        let fixedReport = Validator().validate(fixed, against: instance)
        #expect(fixedReport.isFeasible, "\(fixedReport.violations)")
    }

    @Test func rule10ALeftOutPinnedLine() {
        var instance = F.instance
        instance.overrides = [Self.pin("ord-1/2", "acct-1", nil)]
        var plan = F.plan
        plan.tasks.removeAll { $0.line == "ord-1/2" }
        plan.unscheduled = [UnscheduledLine(line: "ord-1/2", reason: "left out")]
        let violations = F.expectOnly(rule: 10, count: 1, plan, instance)
        #expect(violations.first?.message == "line ord-1/2 is left out, yet an override (expedite) pins its purchase to acct-1")
    }

    // MARK: Format

    @Test func overridesRoundTrip() throws {
        let instance = try RotaJSON.decodeInstance(FormatSupport.fixture("rule10-overrides.json"))
        #expect(instance.overrides.count == 3)
        #expect(instance.overrides[0].pin == LineOverride.Pin(account: "acct-2", date: F.day("2026-12-03")))
        #expect(instance.overrides[0].actor == "lee")
        #expect(instance.overrides[1].forbid == ["acct-1"])
        #expect(instance.overrides[2].weight == 5)
        let again = try RotaJSON.decodeInstance(RotaJSON.encode(instance))
        #expect(again == instance)
        #expect(OverrideRate(instance).overriddenLines == 3)
        #expect(OverrideRate(instance).lines == 6)
        #expect(OverrideRate(instance).rate == 0.5)
    }

    static func errors(_ overrides: String) -> [String] {
        FormatSupport.instanceErrors(
            #"{"format": "fulfillment-instance/1", "start": "2026-12-01", "horizonDays": 30, "rules": {"reviewLagDays": 2}, "accounts": [{"id": "a", "dailyLimit": 2}], "orders": [{"id": "o", "lines": [{"id": "o/1", "item": "i"}]}], "overrides": "#
                + overrides + "}")
    }

    @Test func badOverridesNameTheirPath() {
        #expect(Self.errors(#"[{"line": "o/9", "reasonCode": "expedite", "weight": 2}]"#) == [#"overrides[0].line: unknown line "o/9""#])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "forbid": ["a", "b"]}]"#) == [#"overrides[0].forbid[1]: unknown account "b""#])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "pin": {"account": "z"}}]"#) == [#"overrides[0].pin.account: unknown account "z""#])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "pin": {"date": "2026-02-30"}}]"#).first?.hasPrefix("overrides[0].pin.date:") == true)
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "pin": {"date": "2027-03-01"}}]"#) == ["overrides[0].pin.date: 2027-03-01 is outside the days to plan, 2026-12-01 … 2026-12-30"])
        #expect(Self.errors(#"[{"line": "o/1", "weight": 2}]"#) == ["overrides[0].reasonCode: missing"])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "because", "weight": 2}]"#) == [#"overrides[0].reasonCode: unknown reason code "because"; expected one of: account-issue, capacity-conflict, customer-request, data-fix, expedite, vip-customer"#])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite"}]"#) == ["overrides[0]: an override needs pin, forbid or weight"])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "pin": {"account": "a"}}, {"line": "o/1", "reasonCode": "expedite", "pin": {"date": "2026-12-02"}}]"#) == [#"overrides[1].pin: line "o/1" is pinned already at overrides[0].pin; give one pin per line"#])
        #expect(Self.errors(#"[{"line": "o/1", "reasonCode": "expedite", "weight": 0}]"#) == ["overrides[0].weight: expected a weight above 0, got 0.0"])
    }

    @Test func theReasonCodesAreAValueToPassIn() {
        var instance = F.instance
        instance.overrides = [LineOverride(line: "ord-1/1", reasonCode: "board-decision", weight: 2)]
        #expect(InstanceChecker.check(instance).map(\.path) == ["overrides[0].reasonCode"])
        #expect(InstanceChecker.check(instance, reasonCodes: Set(Override.standardReasonCodes + ["board-decision"])).isEmpty)
    }

    // MARK: Reschedule

    static func event(_ change: PlanEvent.Change, line: Int, actor: String = "lee") -> PlanEvent {
        PlanEvent(at: "2026-12-01T09:00:00Z", actor: actor, note: "call from the client", change: change, sourceLine: line)
    }

    @Test func overrideEventsAreFoldedIntoTheInstance() throws {
        let events = [
            Self.event(.override(Override(line: "ord-1/2", reasonCode: "expedite", action: .pin(account: "acct-1", date: nil))), line: 1),
            Self.event(.override(Override(line: "ord-1/2", reasonCode: "vip-customer", action: .pin(account: "acct-2", date: F.day("2026-12-02")))), line: 2, actor: "ana"),
            Self.event(.override(Override(line: "ord-3/1", reasonCode: "account-issue", action: .forbid(account: "acct-1"))), line: 3),
            Self.event(.override(Override(line: "ord-3/1", reasonCode: "account-issue", action: .forbid(account: "acct-2"))), line: 4),
            Self.event(.override(Override(line: "ord-3/1", reasonCode: "data-fix", action: .forbid(account: "acct-1"))), line: 5),
            Self.event(.override(Override(line: "ord-2/1", reasonCode: "expedite", action: .raisePriority(weight: 3))), line: 6),
        ]
        var instance = F.instance
        instance.accounts.append(Account(id: "acct-3", dailyLimit: 2))
        let situation = try EventApplier(instance: instance, plan: F.plan, today: F.start).apply(events)
        let overrides = situation.instance.overrides
        // One pin (the later), two forbids (acct-1's replaced by the later one), one weight.
        #expect(overrides.filter { $0.pin != nil }.map(\.pin) == [LineOverride.Pin(account: "acct-2", date: F.day("2026-12-02"))])
        #expect(overrides.first { $0.pin != nil }?.actor == "ana")
        #expect(overrides.first { $0.pin != nil }?.note == "call from the client")
        #expect(overrides.filter { $0.line == "ord-3/1" }.map(\.forbid) == [["acct-2"], ["acct-1"]])
        #expect(overrides.filter { $0.line == "ord-3/1" }.map(\.reasonCode) == ["account-issue", "data-fix"])
        #expect(overrides.filter { $0.weight != nil }.map(\.weight) == [3])
        // Replanned: every override honoured, and the new instance round-trips through JSON.
        let outcome = try Rescheduler(solver: GreedySolver()).replan(situation)
        #expect(outcome.outcome.validation.isFeasible, "\(outcome.outcome.validation.violations)")
        #expect(outcome.outcome.validation.counts[10] == 0)
        #expect(Self.broken(outcome.outcome.plan, situation.instance).isEmpty)
        #expect(try RotaJSON.decodeInstance(RotaJSON.encode(situation.instance)) == situation.instance)
    }

    @Test func aCompletedPinnedLineLosesItsPin() throws {
        var instance = F.instance
        instance.overrides = [Self.pin("ord-2/1", "acct-2", "2026-12-01")]
        let events = [Self.event(.completed(task: "P:ord-2/1", date: F.start), line: 1)]
        let situation = try EventApplier(instance: instance, plan: F.plan, today: F.start + 1).apply(events)
        #expect(situation.instance.overrides.isEmpty)
        #expect(OverridePlacement(PlanningProblem(situation.instance)).isFeasible)
    }

    // MARK: Property: pins taken from a valid plan

    /// A generated instance with pins taken from its own greedy plan (so they hold together) on
    /// up to `count` lines, and one forbidden account for another line.
    static func pinned(seed: UInt64, count: Int = 4) throws -> Instance? {
        var instance = SolverPropertyTests.instance(seed: seed)
        guard instance.accounts.count >= 2 else { return nil }
        let plan = try Planner().plan(instance, with: GreedySolver()).plan
        let purchases = plan.tasks.filter { $0.kind == .purchase && $0.status == .pending }
        guard !purchases.isEmpty else { return nil }
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        var overrides: [LineOverride] = []
        var used = Set<LineID>()
        for _ in 0..<count {
            let task = purchases[Int(rng.next() % UInt64(purchases.count))]
            guard used.insert(task.line).inserted else { continue }
            let which = rng.next() % 3
            let pin = LineOverride.Pin(account: which == 1 ? nil : task.account, date: which == 2 ? nil : task.date)
            overrides.append(LineOverride(line: task.line, reasonCode: "expedite", pin: pin))
        }
        let other = purchases[Int(rng.next() % UInt64(purchases.count))]
        if !used.contains(other.line) {
            overrides.append(LineOverride(line: other.line, reasonCode: "account-issue", forbid: [other.account]))
        }
        instance.overrides = overrides
        return instance
    }

    static func check(solver name: String, seed: UInt64) throws -> [String] {
        guard let instance = try pinned(seed: seed) else { return [] }
        let solver = try #require(SolverCatalog.solver(named: name))
        let outcome = try Planner().plan(instance, with: solver, options: options(name))
        var problems = outcome.validation.violations.map { "seed \(seed): rule \($0.rule): \($0.message)" }
        problems += broken(outcome.plan, instance).map { "seed \(seed): \($0)" }
        if outcome.metrics.unscheduled == outcome.bound.unscheduled, outcome.bound.makespan > outcome.metrics.makespan {
            problems.append("seed \(seed): bound \(outcome.bound.makespan) above makespan \(outcome.metrics.makespan)")
        }
        if let lateness = outcome.run.latenessBound, lateness > outcome.metrics.weightedLateness + 1e-6 {
            problems.append("seed \(seed): lateness bound \(lateness) above \(outcome.metrics.weightedLateness)")
        }
        return problems
    }

    @Test(arguments: ["greedy", "flow", "auto", "seed-greedy"])
    func generatedInstancesWithPinsFromAValidPlan(solver: String) throws {
        var problems: [String] = []
        var pinned = 0
        for seed in UInt64(20_001)...20_060 {
            if let instance = try Self.pinned(seed: seed), instance.overrides.contains(where: { $0.pin != nil }) { pinned += 1 }
            problems += try Self.check(solver: solver, seed: seed)
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(pinned >= 40, "only \(pinned) of 60 instances got pins")
    }

    @Test func generatedInstancesWithPinsFromAValidPlanMIP() throws {
        var problems: [String] = []
        for seed in UInt64(20_001)...20_012 { problems += try Self.check(solver: "mip", seed: seed) }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func randomSeedsWithPins() async {
        await propertyCheck(count: 30, input: Gen.uint64()) { seed in
            let problems = try Self.check(solver: "auto", seed: seed)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
    }

    // MARK: The oracle with pins

    /// On tiny instances: the exhaustive oracle, which honours overrides natively, finds the
    /// best plan under pins taken from its own free optimum (and a forbidden account); that plan
    /// passes the validator, the lower bound stays at or below it, and no solver beats it.
    @Test(arguments: 0..<30)
    func theOracleWithPinsBoundsEverySolver(seed: Int) throws {
        var instance = MIPTinyInstances.make(seed: UInt64(seed) + 3000, maxLines: 5, maxAccounts: 2, maxDays: 5)
        let free = try ExhaustiveSolver().optimum(PlanningProblem(instance))
        let freePlan = free.schedule.plan(in: PlanningProblem(instance), run: nil)
        let purchases = freePlan.tasks.filter { $0.kind == .purchase && $0.status == .pending }
        guard let first = purchases.first else { return }
        instance.overrides = [LineOverride(line: first.line, reasonCode: "expedite", pin: LineOverride.Pin(account: first.account, date: first.date))]
        if purchases.count > 1, instance.accounts.count > 1 {
            instance.overrides.append(LineOverride(line: purchases[1].line, reasonCode: "account-issue", forbid: [purchases[1].account]))
        }
        let problem = PlanningProblem(instance)
        let oracle = try ExhaustiveSolver().optimum(problem)
        let oraclePlan = oracle.schedule.plan(in: problem, run: nil)
        let report = Validator().validate(oraclePlan, against: instance)
        #expect(report.isFeasible, "seed \(seed): \(report.violations)")
        #expect(Self.broken(oraclePlan, instance).isEmpty)
        let bound = LowerBounds.compute(problem)
        #expect(bound.unscheduled <= oracle.objective.unscheduled)
        if bound.unscheduled == oracle.objective.unscheduled { #expect(bound.makespan <= oracle.objective.makespan) }
        for name in ["greedy", "flow", "auto"] {
            let solver = try #require(SolverCatalog.solver(named: name))
            let outcome = try Planner().plan(instance, with: solver)
            #expect(outcome.validation.isFeasible, "seed \(seed) \(name): \(outcome.validation.violations)")
            let found = (outcome.metrics.unscheduled, outcome.metrics.makespan)
            #expect(found >= (oracle.objective.unscheduled, oracle.objective.makespan), "seed \(seed) \(name): \(found) beats the oracle")
        }
    }
}
