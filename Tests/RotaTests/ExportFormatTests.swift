import Foundation
import Testing
import _GLPK
import RotaCore
import RotaFormat
import RotaSolvers
import Rota

/// Instances the export tests share: the bundled seed, and generated tiny and small ones.
enum ExportInstances {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func named(_ name: String) throws -> Instance {
        switch name {
        case "seed": return try RotaJSON.loadInstance(from: root.appendingPathComponent("instances/seed.json").path)
        case "tiny": return InstanceFamily.tiny.generate(seed: 3)
        default: return InstanceFamily.small.generate(seed: 1)
        }
    }

    /// A fresh temporary file path (removed by the caller).
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "rota-export-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)-\(name)").path
    }
}

@Suite struct ExportFormatTests {
    @Test(arguments: ["seed", "tiny", "small"])
    func mathprogDataDescribesEveryClassAndGroup(_ name: String) throws {
        let problem = PlanningProblem(try ExportInstances.named(name))
        let text = MathProgData.text(for: problem)
        let summary = MathProgData.summary(for: problem)
        let classes = LineClass.classes(of: problem)
        #expect(text.hasSuffix("end;\n"))
        #expect(summary.purchaseClasses + summary.reviewClasses == classes.count)
        #expect(summary.groups == classes.reduce(0) { $0 + $1.groups.count })
        #expect(summary.lines == problem.workLines.count)
        #expect(text.contains("set G :=" + (0..<summary.groups).map { " \($0)" }.joined() + ";"))
    }

    /// GLPK reads the LP and MPS files back with the same columns, and every row but the free
    /// level rows (which its readers drop); the bytes do not depend on the run.
    @Test(arguments: ["seed", "tiny", "small"], ModelExport.Format.allCases)
    func lpAndMpsReadBackWithTheSameSize(_ name: String, format: ModelExport.Format) throws {
        let problem = PlanningProblem(try ExportInstances.named(name))
        let (bytes, summary) = try ModelExport.contents(of: problem, format: format)
        #expect(try ModelExport.contents(of: problem, format: format).bytes == bytes)
        let path = ExportInstances.temporaryPath("model.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let model = format == .lp ? try LinearModel.readLP(from: path) : try LinearModel.readMPS(from: path)
        let formulation = MIPFormulation(problem)
        #expect(summary.columns == formulation.program.columns.count)
        #expect(summary.rows == formulation.program.rows.count)
        #expect(model.counts.columns == summary.columns)
        #expect(model.counts.rows == summary.rows - formulation.levelRows.count)
        let freeTerms = formulation.levelRows.values.reduce(0) { $0 + formulation.program.rows[$1].terms.count }
        #expect(model.counts.nonZeros == summary.nonZeros - freeTerms)
    }

    /// --makespan fixes exactly the columns whose review falls on or after that day.
    @Test func makespanFixesTheLateColumns() throws {
        let problem = PlanningProblem(try ExportInstances.named("seed"))
        let path = ExportInstances.temporaryPath("model.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelExport.write(problem, format: .mps, to: path, makespan: 14)
        let model = try LinearModel.readMPS(from: path)
        let formulation = MIPFormulation(problem)
        var late = 0
        for (j, day) in formulation.reviewDay.enumerated() {
            guard let day else { continue }
            let upper = try model.bounds(of: LinearModel.Column(j)).upper
            if day >= 14 {
                late += 1
                #expect(upper == 0, "\(formulation.program.columns[j].name)")
            } else {
                #expect(upper == formulation.program.columns[j].upper, "\(formulation.program.columns[j].name)")
            }
        }
        #expect(late > 0)
    }
}
