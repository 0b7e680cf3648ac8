import Foundation
import Testing

import Rota

/// The README's "Using the library" example, through the public API only: a plain
/// `import Rota` (no `@testable`), which re-exports the layers below the facade.
@Suite struct LibraryExampleTests {
    /// The repository root (this file is `Tests/RotaTests/LibraryExampleTests.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The example's statements, verbatim but for its two paths, which become parameters.
    static func example(seed: String, planPath: String) throws {
        let instance = try RotaJSON.loadInstance(from: seed)
        let outcome = try Planner().plan(instance, with: GreedySolver())
        print(outcome.metrics.makespan, outcome.bound.makespan, outcome.validation.isFeasible)
        try AtomicFile.write(RotaJSON.encode(outcome.plan), to: planPath)
    }

    /// The same statements, as the README spells them.
    static let exampleLines = [
        #"let instance = try RotaJSON.loadInstance(from: seed)"#,
        #"let outcome = try Planner().plan(instance, with: GreedySolver())"#,
        #"print(outcome.metrics.makespan, outcome.bound.makespan, outcome.validation.isFeasible)"#,
        #"try AtomicFile.write(RotaJSON.encode(outcome.plan), to: planPath)"#,
    ]

    @Test func readmeShowsTheseStatements() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Using the library").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        #expect(block.hasPrefix("swift\nimport Rota\n"))
        let statements = block.split(separator: "\n").dropFirst(2).map {
            $0.replacingOccurrences(of: #""instances/seed.json""#, with: "seed")
                .replacingOccurrences(of: #""plan.json""#, with: "planPath")
        }
        #expect(statements == Self.exampleLines)
    }

    @Test func runsAndWritesAValidPlan() throws {
        let seed = Self.root.appendingPathComponent("instances/seed.json").path
        let planPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("rota-library-example-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: planPath) }

        try Self.example(seed: seed, planPath: planPath)

        let instance = try RotaJSON.loadInstance(from: seed)
        let plan = try RotaJSON.loadPlan(from: planPath)
        #expect(Validator().validate(plan, against: instance).isFeasible)
        let again = try Planner().plan(instance, with: GreedySolver())
        #expect(Scorer().score(plan, for: instance).makespan == again.metrics.makespan)
        #expect(LowerBounds.compute(PlanningProblem(instance)).makespan >= 0)
    }

    /// The rest of the section's API, through a plain `import Rota`: the catalog, options,
    /// the comparator with an objective, and decoding errors with their paths.
    @Test func catalogComparatorAndErrors() throws {
        let seed = Self.root.appendingPathComponent("instances/seed.json").path
        let instance = try RotaJSON.loadInstance(from: seed)
        #expect(SolverCatalog.names.contains(SolverCatalog.defaultName))
        let greedy = try #require(SolverCatalog.solver(named: "greedy"))
        let a = try Planner().plan(instance, with: greedy, options: SolveOptions(timeLimit: 5)).plan
        let b = try Planner().plan(instance, with: FlowSolver()).plan
        let comparison = Comparator().compare(a, b, for: instance, objective: .default)
        #expect(comparison.a.metrics.unscheduled == comparison.b.metrics.unscheduled)
        #expect(try RotaJSON.decodePlan(RotaJSON.encode(a)) == a)
        #expect(throws: InputErrors.self) { try RotaJSON.decodeInstance(Array("{}".utf8), file: "x.json") }
    }
}
