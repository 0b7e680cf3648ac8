import Foundation
import Testing
import RotaCore
import RotaSolvers
import Rota

/// Runs glpsol (skipped by the tests when it is not installed: CI installs glpk-utils).
enum ExportGlpsol {
    static var isInstalled: Bool { Glpsol.path != nil }

    /// Writes `input` to a temporary directory as `name`, runs glpsol with `arguments` (where
    /// `{in}` and `{out}` stand for the input and output files) and returns the output file.
    static func solve(_ input: [UInt8], name: String, arguments: [String]) throws -> String {
        let directory = ExportInstances.temporaryPath("glpsol")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inputPath = directory + "/" + name
        let outputPath = directory + "/solution.txt"
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        let log = try Glpsol.run(
            arguments.map {
                $0.replacingOccurrences(of: "{in}", with: inputPath).replacingOccurrences(of: "{out}", with: outputPath)
            } + ["--tmlim", "60"])
        guard log.contains("INTEGER OPTIMAL SOLUTION FOUND"), let solution = FileManager.default.contents(atPath: outputPath)
        else {
            throw SolutionError("glpsol did not solve the model:\n\(log)")
        }
        return String(decoding: solution, as: UTF8.self)
    }
}

@Suite struct ExportRoundTripTests {
    static func instances() -> [Instance] {
        (0..<8).map { MIPTinyInstances.make(seed: UInt64($0) + 100) }
            + [0, 1].map { MIPSizedInstances.make(seed: UInt64($0) + 70, accounts: 3, lines: 9, items: 4, days: 7, lag: 2) }
    }

    /// The round trips see every shape the decoder handles: capped reviews (y), review-only
    /// classes (w), classes of several groups (z).
    @Test func instancesCoverEveryColumnFamily() {
        let problems = Self.instances().map { PlanningProblem($0) }
        let capped = problems.filter { $0.reviewsPerDay < PlanningProblem.unlimited }
        let classes = problems.map { LineClass.classes(of: $0) }
        #expect(capped.count >= 2, "capped: \(capped.map { $0.instance.name ?? "" })")
        #expect(classes.contains { $0.contains { $0.need != .purchase } })
        #expect(classes.contains { $0.contains { $0.groups.count > 1 } })
        #expect(problems.contains { p in
            p.reviewsPerDay < PlanningProblem.unlimited && LineClass.classes(of: p).contains { $0.groups.count > 1 }
        })
    }

    /// export mathprog → glpsol → import: a valid plan with the Swift MIP's unscheduled count
    /// and makespan (rota.mod optimises both), marked optimal exactly when it meets the bound.
    @Test(.enabled(if: ExportGlpsol.isInstalled, "glpsol is not installed"), arguments: instances())
    func mathprogRoundTripMatchesTheMIP(_ instance: Instance) throws {
        let problem = PlanningProblem(instance)
        let data = Array(MathProgData.text(for: problem).utf8)
        let solution = try ExportGlpsol.solve(data, name: "rota.dat", arguments: ["-m", Glpsol.model, "-d", "{in}", "-y", "{out}"])
        let imported = try SolutionImport.plan(instance, solution: solution, format: .mathprog, solverName: "glpsol")
        let outcome = imported.outcome
        let name = instance.name ?? ""
        #expect(outcome.validation.isFeasible, "\(name): \(outcome.validation.violations.map(\.message))")
        #expect(imported.notes.isEmpty, "\(name): \(imported.notes)")
        let mip = try MIPSolver().run(problem, options: SolveOptions(timeLimit: 30)).objective
        #expect(outcome.metrics.unscheduled == mip.unscheduled, "\(name)")
        #expect(outcome.metrics.makespan == mip.makespan, "\(name)")
        #expect(outcome.plan.solver?.name == "import:glpsol")
        let meetsBound = outcome.metrics.unscheduled == outcome.bound.unscheduled
            && outcome.metrics.makespan == outcome.bound.makespan
        #expect(outcome.plan.solver?.status == (meetsBound ? .optimal : .feasible), "\(name)")
    }

    /// export lp/mps → glpsol → import the printed columns: a valid plan leaving out as few
    /// lines as the MIP (the exported objective is the lines left out).
    @Test(.enabled(if: ExportGlpsol.isInstalled, "glpsol is not installed"), arguments: ModelExport.Format.allCases)
    func columnsRoundTripGivesValidPlans(format: ModelExport.Format) throws {
        for instance in Self.instances().prefix(5) + [try ExportInstances.named("seed")] {
            let problem = PlanningProblem(instance)
            let model = try ModelExport.contents(of: problem, format: format).bytes
            let reader = format == .lp ? "--lp" : "--freemps"
            let solution = try ExportGlpsol.solve(model, name: "model.\(format.rawValue)", arguments: [reader, "{in}", "-o", "{out}"])
            let imported = try SolutionImport.plan(instance, solution: solution, format: .columns, solverName: "glpsol")
            let outcome = imported.outcome
            let name = instance.name ?? ""
            #expect(outcome.validation.isFeasible, "\(name): \(outcome.validation.violations.map(\.message))")
            #expect(imported.notes.isEmpty, "\(name): \(imported.notes)")
            // The bound's count when it is met (seed), else the MIP's first stage (tiny instances).
            let fewest =
                outcome.metrics.unscheduled == outcome.bound.unscheduled
                ? outcome.bound.unscheduled
                : try MIPSolver().run(problem, options: SolveOptions(timeLimit: 30)).objective.unscheduled
            #expect(outcome.metrics.unscheduled == fewest, "\(name)")
        }
    }

    /// export lp with --makespan = the MIP's optimum → glpsol → import: the MIP's unscheduled
    /// count and makespan (the fixed columns leave only plans ending in time).
    @Test(.enabled(if: ExportGlpsol.isInstalled, "glpsol is not installed"))
    func lpWithTheOptimalMakespanGivesAnOptimalPlan() throws {
        for instance in Self.instances() {
            let problem = PlanningProblem(instance)
            let mip = try MIPSolver().run(problem, options: SolveOptions(timeLimit: 30)).objective
            let model = try ModelExport.contents(of: problem, format: .lp, makespan: mip.makespan).bytes
            let solution = try ExportGlpsol.solve(model, name: "model.lp", arguments: ["--lp", "{in}", "-o", "{out}"])
            let outcome = try SolutionImport.plan(instance, solution: solution, format: .columns, solverName: "glpsol").outcome
            let name = instance.name ?? ""
            #expect(outcome.validation.isFeasible, "\(name): \(outcome.validation.violations.map(\.message))")
            #expect(outcome.metrics.unscheduled == mip.unscheduled, "\(name)")
            #expect(outcome.metrics.makespan == mip.makespan, "\(name)")
        }
    }
}
