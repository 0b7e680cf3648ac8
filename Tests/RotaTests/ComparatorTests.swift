import Testing
import RotaCore
import RotaEvaluation

/// The comparator on hand-made plan pairs: metric by metric, the verdict, the loads, what moved.
@Suite struct ComparatorTests {
    typealias F = ComparisonFixture

    static func row(_ c: PlanComparison, _ metric: ComparedMetric) -> MetricComparison? { c.metric(metric) }

    @Test func eachMetricHasValuesDifferenceAndWinner() throws {
        let c = F.compare(F.baseline, F.shorter)
        let expected: [(ComparedMetric, Double, Double, Winner?)] = [
            (.level(.unscheduled), 0, 0, .tie),
            (.level(.makespan), 7, 4, .b),
            (.level(.weightedLateness), 0, 0, .tie),
            (.level(.lateLines), 0, 0, .tie),
            (.slaShare(tier: "critical"), 1, 1, .tie),
            (.slaShare(tier: "standard"), 1, 1, .tie),
            (.level(.largestLoad), 2, 2, .tie),
            (.level(.spread), 2, 1, .b),
            (.level(.softOverruns), 3, 0, .b),
            (.purchases, 4, 4, nil),
            (.reviews, 4, 4, nil),
        ]
        #expect(c.metrics.map(\.metric) == expected.map(\.0), "every metric, in score order")
        for (metric, a, b, winner) in expected {
            let row = try #require(c.metric(metric))
            #expect(row.a == a, "\(metric.label) in A")
            #expect(row.b == b, "\(metric.label) in B")
            #expect(row.difference == b - a, "\(metric.label) B − A")
            #expect(row.winner == winner, "\(metric.label) winner")
        }
    }

    @Test func lateAndSLAMetricsFavourTheOnTimePlan() throws {
        let c = F.compare(F.baseline, F.late)
        let lateness = try #require(c.metric(.level(.weightedLateness)))
        #expect((lateness.a, lateness.b, lateness.difference, lateness.winner) == (0, 4, 4, .a))
        let lateLines = try #require(c.metric(.level(.lateLines)))
        #expect((lateLines.difference, lateLines.winner) == (1, .a))
        // Higher is better for SLA shares: critical drops from 2/2 to 1/2.
        let critical = try #require(c.metric(.slaShare(tier: "critical")))
        #expect((critical.a, critical.b, critical.difference, critical.winner) == (1, 0.5, -0.5, .a))
        #expect(critical.metric.preference == .higher)
        #expect(c.metric(.level(.makespan))?.winner == .tie)
    }

    @Test func verdictNamesTheDecidingMetric() {
        let c = F.compare(F.baseline, F.shorter)
        #expect(c.verdict.winner == .b)
        #expect(c.verdict.reason == .term(.makespan, a: 7, b: 4))
        #expect(c.verdict.summary == "B is better: makespan 4 vs 7")
        #expect(!c.isRegression)

        // Makespan ties; weighted lateness decides, for A.
        let late = F.compare(F.baseline, F.late)
        #expect(late.verdict.reason == .term(.weightedLateness, a: 0, b: 4))
        #expect(late.verdict.summary == "A is better: weighted lateness 0 vs 4")
        #expect(late.isRegression)

        // Fewer lines left out comes first, even with a longer makespan.
        let partial = F.compare(F.partial, F.baseline)
        #expect(partial.verdict.summary == "B is better: unscheduled 0 vs 1")
        #expect(partial.metric(.level(.makespan))?.winner == .a)
    }

    @Test func identicalPlansTie() {
        let c = F.compare(F.baseline, F.baseline)
        #expect(c.verdict.winner == .tie)
        #expect(c.verdict.reason == .equal)
        #expect(c.verdict.summary == "Tie: A and B are equal on unscheduled, makespan, weighted lateness, largest load, spread")
        #expect(c.metrics.allSatisfy { $0.winner == .tie || $0.winner == nil })
        #expect(c.metrics.allSatisfy { $0.difference == 0 })
        #expect(c.changes.count == 0)
        #expect(c.changesSummary.hasPrefix("none"))
        #expect(!c.isRegression, "an equal candidate passes the gate")
    }

    @Test func tieOnTheObjectiveDespiteOtherDifferences() {
        // Only unscheduled and makespan count: baseline and late tie there.
        let c = F.compare(F.baseline, F.late, objective: .lexicographic([.unscheduled, .makespan]))
        #expect(c.verdict.winner == .tie)
        #expect(c.verdict.summary == "Tie: A and B are equal on unscheduled, makespan")
        #expect(c.metric(.level(.weightedLateness))?.winner == .a, "the metric table still shows the difference")
    }

    @Test func infeasiblePlanAlwaysLoses() {
        // tooSoon has the shorter makespan but breaks rule 6.
        let c = F.compare(F.baseline, F.tooSoon)
        #expect(c.b.validation.brokenRules == [6])
        #expect(c.a.isFeasible && !c.b.isFeasible)
        #expect(c.metric(.level(.makespan))?.winner == .b, "B's makespan is smaller all the same")
        #expect(c.verdict.winner == .a)
        #expect(c.verdict.reason == .feasibility(violationsA: 0, violationsB: 1))
        #expect(c.verdict.summary == "A is better: B is infeasible (1 violation)")
        #expect(c.isRegression)

        let reversed = F.compare(F.tooSoon, F.baseline)
        #expect(reversed.verdict.winner == .b)
        #expect(reversed.verdict.summary == "B is better: A is infeasible (1 violation)")
        #expect(!reversed.isRegression)
    }

    @Test func bothInfeasibleIsRankedButStillARegression() {
        let worse = F.plan([("l1", "a1", 0, 0), ("l2", "a2", 0, 2), ("l3", "a3", 0, 2), ("l4", "a3", 1, 5)])
        let c = F.compare(worse, F.tooSoon)
        #expect(c.verdict.bothInfeasible)
        #expect(c.verdict.winner == .b)
        #expect(c.verdict.summary == "B is better: makespan 3 vs 6 (both plans are infeasible)")
        #expect(c.isRegression, "an infeasible candidate never passes the gate")
    }

    @Test func weightedObjective() {
        let objective = Objective.weighted([.makespan: 1, .weightedLateness: 1])
        // 7 + 0 against 7 + 4.
        let c = F.compare(F.baseline, F.late, objective: objective)
        #expect(c.verdict.winner == .a)
        #expect(c.verdict.reason == .weightedSum(a: 7, b: 11))
        #expect(c.verdict.summary == "A is better: weighted objective 7 vs 11 (weighted:makespan=1.0,lateness=1.0)")
        #expect(c.objective == objective)

        // Overruns weigh more than the makespan gained: 7 + 0.5 × 3 = 8.5 against 4 + 0 = 4.
        let overruns = F.compare(F.baseline, F.shorter, objective: .weighted([.makespan: 1, .softOverruns: 0.5]))
        #expect(overruns.verdict.reason == .weightedSum(a: 8.5, b: 4))
        #expect(overruns.verdict.summary == "B is better: weighted objective 4 vs 8.500 (weighted:makespan=1.0,overruns=0.5)")

        // Largest load is 2 in both: the weighted sums tie.
        let tie = F.compare(F.baseline, F.shorter, objective: .weighted([.largestLoad: 3]))
        #expect(tie.verdict.winner == .tie)
        #expect(tie.verdict.summary == "Tie: A and B have the same weighted objective (weighted:load=3.0)")
    }

    @Test func userTermOrderDecides() {
        // Spread first: B's 1 beats A's 2 before the makespan is looked at.
        let c = F.compare(F.baseline, F.shorter, objective: .lexicographic([.spread, .makespan]))
        #expect(c.verdict.summary == "B is better: spread 1 vs 2")
        let none = F.compare(F.baseline, F.shorter, objective: .lexicographic([]))
        #expect(none.verdict.summary == "Tie: the objective names no term")
    }

    @Test func movedTasksMatchByLineAndKind() {
        let c = F.compare(F.baseline, F.shorter)
        let moved = c.changes.moved.map { "\($0.kind.rawValue) \($0.line): \($0.from.account) +\($0.from.date - F.S.start) → \($0.to.account) +\($0.to.date - F.S.start)" }
        #expect(moved == [
            "purchase l2: a1 +0 → a2 +0", "review l2: a1 +3 → a2 +2",
            "purchase l3: a2 +1 → a3 +0", "review l3: a2 +5 → a3 +2",
            "purchase l4: a2 +1 → a3 +1", "review l4: a2 +6 → a3 +3",
        ])
        #expect(c.changes.added.isEmpty && c.changes.removed.isEmpty)
        #expect(c.changesSummary == "6 moved, 0 only in B, 0 only in A")

        // l4 is only in the baseline: its two tasks are gone from B.
        let dropped = F.compare(F.baseline, F.partial)
        #expect(dropped.changes.moved.isEmpty)
        #expect(dropped.changes.removed.map { "\($0.kind.rawValue) \($0.line)" } == ["purchase l4", "review l4"])
        let restored = F.compare(F.partial, F.baseline)
        #expect(restored.changes.added.map { "\($0.kind.rawValue) \($0.line)" } == ["purchase l4", "review l4"])
    }

    @Test func accountAndDayLoads() {
        let c = F.compare(F.baseline, F.shorter)
        let accounts = c.accountLoads.map { "\($0.key) \($0.a.purchases)/\($0.a.reviews) \($0.b.purchases)/\($0.b.reviews)" }
        #expect(accounts == ["a1 2/2 1/1", "a2 2/2 1/1", "a3 0/0 2/2"])
        // Days with work in either plan, ascending; a day only in A has zeros for B.
        let days = c.dayLoads.map { "+\($0.key - F.S.start) \($0.a.purchases)/\($0.a.reviews) \($0.b.purchases)/\($0.b.reviews)" }
        #expect(days == ["+0 2/0 3/0", "+1 2/0 1/0", "+2 0/1 0/3", "+3 0/1 0/1", "+5 0/1 0/0", "+6 0/1 0/0"])
        #expect(c.dayLoads.filter(\.differs).count == 5)
    }

    @Test func boundAndGaps() {
        let c = F.compare(F.baseline, F.shorter)
        let bound = LowerBounds.compute(PlanningProblem(F.instance))
        #expect(c.bound == bound)
        #expect(c.a.gap == gap(makespan: 7, bound: bound.makespan))
        #expect(c.b.gap == gap(makespan: 4, bound: bound.makespan))
        // A plan leaving out more lines than necessary has no gap.
        let partial = F.compare(F.partial, F.shorter)
        #expect(partial.a.gap == nil)
        // A bound given by the caller is used as it is.
        let given = Comparator().compare(F.baseline, F.shorter, for: F.instance, bound: MakespanBound(unscheduled: 0, makespan: 2))
        #expect(given.bound.makespan == 2)
        #expect(given.b.gap == 0.5)
    }

    @Test func plansKeepTheirReportsAndSolver() {
        let c = F.compare(F.baseline, F.tooSoon)
        #expect(c.a.solver == "hand")
        #expect(c.b.solver == nil)
        #expect(c.a.validation == Validator().validate(F.baseline, against: F.instance))
        #expect(c.b.metrics == Scorer().score(F.tooSoon, for: F.instance))
    }

    @Test func plansOfAnotherInstanceDoNotTrap() {
        // Lines and accounts unknown to the instance: validation fails, nothing traps.
        let stranger = Plan(tasks: [
            F.S.task(.purchase, "zz", account: "nobody", on: 0), F.S.task(.review, "zz", account: "nobody", on: 2),
        ])
        let c = F.compare(stranger, Plan(tasks: []))
        #expect(!c.a.isFeasible && !c.b.isFeasible)
        #expect(c.changes.removed.count == 2)
        #expect(!c.metricTable.rows.isEmpty)
    }
}
