import Foundation
import Testing
@testable import RotaCore
@testable import RotaSolvers
@testable import Rota
@testable import RotaOracle

/// Runs `glpsol` on models/rota.mod with exported data; skipped when glpsol is not installed.
enum Glpsol {
    static let path: String? = ["/usr/bin/glpsol", "/usr/local/bin/glpsol", "/opt/homebrew/bin/glpsol"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("models/rota.mod").path

    /// Runs glpsol with `arguments` and returns what it printed (standard output and error).
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "glpsol")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    /// The `rota <key> <value>` lines glpsol prints after solving.
    static func solve(_ problem: PlanningProblem, tag: String) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rota-mathprog-\(ProcessInfo.processInfo.processIdentifier)-\(tag)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("rota.dat")
        try MathProgData.text(for: problem).write(to: data, atomically: true, encoding: .utf8)
        let output = try run(["--math", model, "--data", data.path, "--tmlim", "120"])
        var result: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("rota ") {
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count == 3, result[String(parts[1])] == nil { result[String(parts[1])] = String(parts[2]) }
        }
        if !output.contains("INTEGER OPTIMAL SOLUTION FOUND") { result["error"] = output }
        return result
    }
}

@Suite struct MathProgModelTests {
    @Test(.enabled(if: Glpsol.path != nil, "glpsol is not installed"), arguments: 0..<30)
    func glpsolMatchesTheExhaustiveOptimum(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed)))
        let optimum = try ExhaustiveSolver().optimum(problem).objective
        let result = try Glpsol.solve(problem, tag: "\(seed)")
        #expect(result["error"] == nil, "seed \(seed): \(result["error"] ?? "")")
        #expect(result["unscheduled"] == String(optimum.unscheduled), "seed \(seed)")
        #expect(result["makespan"] == String(optimum.makespan), "seed \(seed)")
        let mip = try MIPSolver().run(problem, options: SolveOptions()).objective
        #expect(mip.makespan == optimum.makespan, "seed \(seed)")
    }

    /// Beyond the exhaustive search's reach: glpsol and the Swift-built MIP agree.
    @Test(.enabled(if: Glpsol.path != nil, "glpsol is not installed"), arguments: 0..<6)
    func glpsolMatchesTheSwiftMIP(seed: Int) throws {
        let problem = PlanningProblem(
            MIPSizedInstances.make(seed: UInt64(seed) + 40, accounts: 3, lines: 12 + seed, items: 5, days: 8, lag: 2))
        let mip = try MIPSolver().run(problem, options: SolveOptions(timeLimit: 60))
        #expect(mip.status == .optimal)
        let result = try Glpsol.solve(problem, tag: "sized-\(seed)")
        #expect(result["error"] == nil, "seed \(seed): \(result["error"] ?? "")")
        #expect(result["unscheduled"] == String(mip.objective.unscheduled), "seed \(seed)")
        #expect(result["makespan"] == String(mip.objective.makespan), "seed \(seed)")
    }

    @Test func dataIsDeterministicAndComplete() {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 48))
        let text = MathProgData.text(for: problem)
        #expect(text == MathProgData.text(for: PlanningProblem(MIPTinyInstances.make(seed: 48))))
        #expect(text.hasSuffix("end;\n"))
        for name in ["param T", "set A", "set C", "set R", "param n", "param dailyLimit", "param capped", "set H"] {
            #expect(text.contains(name), "missing \(name)")
        }
    }

    @Test func numbersReadBackExactly() {
        #expect(MathProgData.number(2) == "2")
        #expect(MathProgData.number(0.5) == "0.5")
        #expect(Double(MathProgData.number(0.1 + 0.2)) == 0.1 + 0.2)
    }
}
