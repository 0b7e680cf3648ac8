import Testing
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaOracle

@Suite struct ExhaustiveSolverTests {
    /// Plain enumeration of every combination of placements, no pruning, no symmetry breaking.
    static func naiveOptimum(_ problem: PlanningProblem) -> ObjectiveValues? {
        let lines = problem.workLines
        let options = lines.map { ExhaustiveSearch.choices(for: $0, in: problem) }
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        var best: ObjectiveValues?
        func visit(_ k: Int) {
            if k == lines.count {
                guard schedule.violations(in: problem).isEmpty else { return }
                let objective = schedule.objectiveValues(in: problem)
                if best.map({ objective.isBetter(than: $0) }) ?? true { best = objective }
                return
            }
            let l = lines[k]
            for choice in options[k] {
                schedule.schedule(
                    line: l, purchase: choice.purchaseDay.map { Placement(account: choice.account, day: $0) },
                    review: Placement(account: choice.account, day: choice.reviewDay))
                visit(k + 1)
            }
            schedule.leaveOut(line: l)
            visit(k + 1)
        }
        visit(0)
        return best
    }

    @Test(arguments: 0..<40)
    func matchesPlainEnumeration(seed: Int) throws {
        let instance = MIPTinyInstances.make(seed: UInt64(seed) + 1000, maxLines: 4, maxAccounts: 2, maxDays: 4)
        let problem = PlanningProblem(instance)
        let found = try ExhaustiveSolver().optimum(problem)
        #expect(found.schedule.violations(in: problem).isEmpty)
        let naive = try #require(Self.naiveOptimum(problem))
        #expect(found.objective.isEquivalent(to: naive), "seed \(seed): \(found.objective) vs \(naive)")
        #expect(found.objective.isEquivalent(to: found.schedule.objectiveValues(in: problem)))
    }

    /// The oracle's own rule checker and the plan validator agree on every schedule, valid or not.
    @Test(arguments: 0..<25)
    func checkerAgreesWithTheValidator(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 9000, maxLines: 3, maxAccounts: 2, maxDays: 4))
        let lines = problem.workLines
        let options = lines.map { ExhaustiveSearch.choices(for: $0, in: problem) }
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        var disagreements = 0
        var valid = 0
        func visit(_ k: Int) {
            if k == lines.count {
                let mine = schedule.violations(in: problem).isEmpty
                let theirs = Validator().validate(schedule.plan(in: problem, run: nil), against: problem.instance).isFeasible
                if mine != theirs { disagreements += 1 }
                if mine { valid += 1 }
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
        #expect(disagreements == 0, "seed \(seed)")
        #expect(valid > 0)
    }

    @Test(arguments: 0..<30)
    func tinyPlansAreValid(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed)))
        let result = try ExhaustiveSolver().solve(problem, options: SolveOptions())
        #expect(result.run.status == .optimal)
        #expect(result.run.name == "exhaustive")
        let report = Validator().validate(result.plan, against: problem.instance)
        #expect(report.isFeasible, "seed \(seed): \(report.violations.prefix(3))")
        let scheduled = Set(result.plan.tasks.filter { $0.status == .pending && $0.kind == .review }.map(\.line))
        for l in problem.workLines {
            let id = problem.lines[l].id
            let left = result.plan.unscheduled.first { $0.line == id }
            #expect(scheduled.contains(id) != (left != nil))
            if let left { #expect(!left.reason.isEmpty) }
        }
    }

    @Test func knownOptimum() throws {
        // Two accounts, one purchase a day each, lag 1, four lines of one item with one a day per account:
        // days 0 and 1 purchases, reviews on days 1 and 2: makespan 3, loads 2 and 2.
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 5, rules: Rules(reviewLagDays: 1),
            accounts: [Account(id: "a", dailyLimit: 1), Account(id: "b", dailyLimit: 1)],
            orders: [
                Order(
                    id: "o", dueDate: start + 1,
                    lines: (1...4).map { Line(id: LineID("o/\($0)"), item: "i") })
            ])
        let problem = PlanningProblem(instance)
        let found = try ExhaustiveSolver().optimum(problem)
        #expect(found.objective.unscheduled == 0)
        #expect(found.objective.makespan == 3)
        #expect(found.objective.weightedLateness == 2)
        #expect(found.objective.largestLoad == 2)
        #expect(found.objective.spread == 0)
    }

    @Test func leavesOutWhatCannotFit() throws {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 2, rules: Rules(reviewLagDays: 1),
            accounts: [Account(id: "a", dailyLimit: 1, unavailable: [start + 1])],
            orders: [Order(id: "o", lines: [Line(id: "o/1", item: "i")])])
        let result = try ExhaustiveSolver().solve(PlanningProblem(instance), options: SolveOptions())
        #expect(result.plan.tasks.isEmpty)
        #expect(result.plan.unscheduled.map(\.line) == ["o/1"])
        #expect(result.plan.unscheduled.first?.reason.contains("available") == true)
    }

    @Test func refusesLongHorizons() {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 100_000, rules: Rules(reviewLagDays: 1, reviewsPerAccountPerDay: 2),
            accounts: [Account(id: "a", dailyLimit: 3)],
            orders: [Order(id: "o", lines: [Line(id: "o/1", item: "i")])])
        #expect(throws: ExhaustiveSolverError.tooManyChoices(limit: ExhaustiveSolver.maxChoices)) {
            try ExhaustiveSolver().optimum(PlanningProblem(instance))
        }
    }

    @Test func refusesLargeInstances() {
        let start = MIPTinyInstances.start
        let instance = Instance(
            start: start, horizonDays: 5, rules: Rules(reviewLagDays: 1),
            accounts: [Account(id: "a", dailyLimit: 3)],
            orders: [Order(id: "o", lines: (1...9).map { Line(id: LineID("o/\($0)"), item: "i") })])
        #expect(throws: ExhaustiveSolverError.tooManyLines(9, limit: 8)) {
            try ExhaustiveSolver().optimum(PlanningProblem(instance))
        }
    }
}
