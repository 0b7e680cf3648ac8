import PropertyBased
import Testing
import RotaCore
import RotaEvaluation
import Rota

/// Every solver of the catalog on generated instances of every shape: each plan passes the
/// independent validator, and the proven lower bound never exceeds a valid plan's makespan.
@Suite struct SolverPropertyTests {
    /// An instance drawn from a random shape covering every rule, deterministic per seed.
    static func instance(seed: UInt64) -> Instance {
        var rng = SplitMix64(seed: seed)
        return InstanceGenerator(shape: InstanceGenerator.randomShape(rng: &rng)).generate(seed: seed)
    }

    /// Checks one solver's plan for one instance; returns what is wrong, in words.
    static func problems(solver: String, instance: Instance) throws -> [String] {
        let solver = try #require(SolverCatalog.solver(named: solver))
        let problem = PlanningProblem(instance)
        let bound = LowerBounds.compute(problem)
        let plan = try solver.solve(problem, options: SolveOptions()).plan
        var problems = Validator().validate(plan, against: instance).violations.map { "rule \($0.rule): \($0.message)" }
        let metrics = Scorer().score(plan, for: instance)
        if metrics.unscheduled < bound.unscheduled {
            problems.append("leaves out \(metrics.unscheduled) lines, below the bound's \(bound.unscheduled)")
        }
        if metrics.unscheduled == bound.unscheduled && metrics.makespan < bound.makespan {
            problems.append("makespan \(metrics.makespan) below the lower bound \(bound.makespan)")
        }
        for line in plan.unscheduled where line.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("line \(line.line) left out without a reason")
        }
        return problems
    }

    @Test(arguments: SolverCatalog.entries.filter { !$0.needsSearchLimit }.map(\.name))
    func fiveHundredGeneratedInstances(solver: String) throws {
        for seed in UInt64(10_001)...10_500 {
            let instance = Self.instance(seed: seed)
            let problems = try Self.problems(solver: solver, instance: instance)
            #expect(problems.isEmpty, "\(solver), seed \(seed): \(problems.prefix(5))")
        }
    }

    @Test(arguments: SolverCatalog.entries.filter { !$0.needsSearchLimit }.map(\.name))
    func randomSeeds(solver: String) async {
        await propertyCheck(count: 50, input: Gen.uint64()) { seed in
            let problems = try Self.problems(solver: solver, instance: Self.instance(seed: seed))
            #expect(problems.isEmpty, "\(solver), seed \(seed): \(problems.prefix(5))")
        }
    }

    /// The generated instances really exercise every rule (so the property tests mean something).
    @Test func generatedInstancesCoverEveryRule() {
        var seen = Set<String>()
        for seed in UInt64(10_001)...10_500 {
            let instance = Self.instance(seed: seed)
            if instance.accounts.contains(where: { !$0.unavailable.isEmpty }) { seen.insert("unavailable") }
            if instance.accounts.contains(where: { $0.rolling?.hard != nil }) { seen.insert("rolling hard") }
            if instance.accounts.contains(where: { $0.rolling?.soft != nil }) { seen.insert("rolling soft") }
            if instance.rules.sameItemPerAccount != nil { seen.insert("same item total") }
            if instance.rules.sameItemPerAccountPerDay != 1 { seen.insert("same item per day") }
            if instance.rules.reviewsPerAccountPerDay != nil { seen.insert("review cap") }
            if instance.existing.contains(where: { $0.status == .completed }) { seen.insert("completed") }
            if instance.existing.contains(where: { $0.status == .missed }) { seen.insert("missed") }
            if instance.existing.contains(where: { $0.status == .pending }) { seen.insert("pending") }
            if instance.orders.contains(where: { $0.lines.contains { $0.earliest != nil } }) { seen.insert("earliest") }
            if instance.orders.contains(where: { $0.lines.contains { $0.reviewLagDays != nil } }) { seen.insert("line lag") }
            if instance.orders.contains(where: { $0.dueDate != nil || $0.slaTier != nil }) { seen.insert("due") }
        }
        let expected: Set<String> = [
            "unavailable", "rolling hard", "rolling soft", "same item total", "same item per day", "review cap",
            "completed", "missed", "pending", "earliest", "line lag", "due",
        ]
        #expect(expected.subtracting(seen).isEmpty, "never generated: \(expected.subtracting(seen).sorted())")
    }
}
