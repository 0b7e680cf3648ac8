import Testing
@testable import RotaCore
@testable import RotaSolvers
@testable import RotaOracle

@Suite struct MIPFormulationTests {
    /// The level rows' activities at `values`, with the formulation's constants added.
    static func levels(_ formulation: MIPFormulation, _ values: [Double]) -> (
        unscheduled: Double, lateness: Double, largest: Double, spread: Double, soft: Double
    ) {
        func level(_ l: ObjectiveLevel) -> Double {
            guard let row = formulation.levelRows[l] else { return 0 }
            return formulation.program.activity(of: formulation.program.rows[row], at: values)
        }
        return (
            level(.unscheduled), level(.weightedLateness) + formulation.latenessConstant,
            values[formulation.largestLoad], values[formulation.largestLoad] - values[formulation.smallestLoad],
            level(.softOverruns) + Double(formulation.softOverrunConstant)
        )
    }

    @Test(arguments: 0..<60)
    func optimalScheduleIsAFeasiblePointWithTheSameLevels(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed)))
        let optimum = try ExhaustiveSolver().optimum(problem)
        let formulation = MIPFormulation(problem)
        let values = try #require(formulation.values(for: optimum.schedule))
        #expect(formulation.program.violations(at: values).isEmpty, "seed \(seed)")
        let levels = Self.levels(formulation, values)
        #expect(Int(levels.unscheduled.rounded()) == optimum.objective.unscheduled)
        #expect(Objective.nearlyEqual(levels.lateness, optimum.objective.weightedLateness))
        #expect(Int(levels.largest.rounded()) == optimum.objective.largestLoad)
        #expect(Int(levels.spread.rounded()) == optimum.objective.spread)
        #expect(Int(levels.soft.rounded()) == optimum.objective.softOverruns)
        let decoded = formulation.schedule(from: values)
        #expect(decoded.violations(in: problem).isEmpty)
        #expect(decoded.objectiveValues(in: problem).isEquivalent(to: optimum.objective))
    }

    /// Every valid schedule of a very small instance is a feasible point of the model, no
    /// better than what the model says of it.
    @Test(arguments: 0..<25)
    func everyValidScheduleFitsTheModel(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 5000, maxLines: 3, maxAccounts: 2, maxDays: 4))
        let formulation = MIPFormulation(problem)
        let lines = problem.workLines
        let options = lines.map { ExhaustiveSearch.choices(for: $0, in: problem) }
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        var checked = 0
        func visit(_ k: Int) {
            if k == lines.count {
                guard schedule.violations(in: problem).isEmpty else { return }
                checked += 1
                guard let values = formulation.values(for: schedule) else {
                    Issue.record("seed \(seed): a valid schedule has no columns")
                    return
                }
                let broken = formulation.program.violations(at: values)
                #expect(broken.isEmpty, "seed \(seed): \(broken)")
                let levels = Self.levels(formulation, values)
                let objective = schedule.objectiveValues(in: problem)
                #expect(levels.lateness <= objective.weightedLateness + 1e-9)
                #expect(Int(levels.soft.rounded()) == objective.softOverruns)
                return
            }
            for choice in options[k] {
                schedule.schedule(
                    line: lines[k], purchase: choice.purchaseDay.map { Placement(account: choice.account, day: $0) },
                    review: Placement(account: choice.account, day: choice.reviewDay))
                visit(k + 1)
            }
            schedule.leaveOut(line: lines[k])
            visit(k + 1)
        }
        visit(0)
        #expect(checked > 0)
    }

    @Test func classesGroupInterchangeableLines() {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 5, rules: Rules(reviewLagDays: 1),
            accounts: [Account(id: "a", dailyLimit: 2)],
            orders: [
                Order(id: "o", lines: [Line(id: "o/1", item: "i"), Line(id: "o/2", item: "i"), Line(id: "o/3", item: "j")]),
                Order(id: "p", weight: 2, lines: [Line(id: "p/1", item: "i")]),
            ])
        let classes = LineClass.classes(of: PlanningProblem(instance))
        #expect(classes.map { $0.groups.map(\.lines) } == [[[0, 1], [3]], [[2]]])
        #expect(classes.map(\.count) == [3, 1])
    }
}

@Suite struct MIPTestInstanceCoverageTests {
    /// The seeded tiny instances exercise every family of the model.
    @Test func tinyInstancesCoverEveryFamily() {
        var features: Set<String> = []
        for seed in 0..<60 {
            let formulation = MIPFormulation(PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed))))
            if !formulation.groupReviews.isEmpty { features.insert("groups") }
            if formulation.reviewsCapped { features.insert("capped") }
            if formulation.classes.contains(where: { $0.need != .purchase }) { features.insert("review classes") }
            if !formulation.softOverruns.isEmpty { features.insert("soft") }
            for row in formulation.program.rows {
                for family in ["hard", "itemDay", "itemTotal", "backlog", "reviewCap", "split"]
                where row.name.hasPrefix(family + "[") {
                    features.insert(family)
                }
            }
        }
        #expect(
            features == [
                "groups", "capped", "review classes", "soft", "hard", "itemDay", "itemTotal", "backlog", "reviewCap",
                "split",
            ])
    }
}
