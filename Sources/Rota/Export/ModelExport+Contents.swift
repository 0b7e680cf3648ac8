import Foundation
import RotaCore
import RotaFormat

extension ModelExport {
    /// The bytes of the model of `problem` in `format` (GLPK writes to a temporary file, which
    /// is read back and removed), and its size; `makespan` as for `write`.
    package static func contents(of problem: PlanningProblem, format: Format, makespan: Int? = nil) throws
        -> (bytes: [UInt8], summary: Summary)
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rota-export-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try write(problem, format: format, to: path, makespan: makespan)
        let bytes = try InputFile.read(path, as: .bytes, limit: .unlimited)  // rota's own file, not input
        return (bytes, summary)
    }
}
