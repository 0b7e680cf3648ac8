import Foundation
import Testing
import _GLPK
import RotaCore
import Rota
import RotaOracle

@Suite struct MathProgExportTests {
    /// The LP and MPS files read back as the same model, and GLPK solves them to the same
    /// number of lines left out as the MIP's first stage.
    @Test(arguments: ModelExport.Format.allCases)
    func writtenModelReadsBack(format: ModelExport.Format) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: 15))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rota-export-\(ProcessInfo.processInfo.processIdentifier)-\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try ModelExport.write(problem, format: format, to: path)
        let model = format == .lp ? try LinearModel.readLP(from: path) : try LinearModel.readMPS(from: path)
        #expect(model.counts.columns == summary.columns)
        // Readers drop free rows (the level rows), nothing else.
        #expect(model.counts.nonZeros <= summary.nonZeros)
        let outcome = try model.solve()
        let optimum = try ExhaustiveSolver().optimum(problem).objective
        #expect(outcome.status == .optimal)
        #expect(outcome.objective.map { Int($0.rounded()) } == optimum.unscheduled)
    }
}
