import Foundation

/// The command users run, timed as they feel it: `rota solve INSTANCE -o PLAN` (read, solve,
/// validate, write) as a child process of the same executable, with the run's solver and time
/// limit. Generated instances are written once per instance to a scratch folder by
/// `rota generate` (also a child, so this process never holds an instance); plans are deleted
/// after each run, and the folder at the end.
package final class EndToEndRunner {
    /// The rota executable (`/proc/self/exe`).
    package let executable: String
    /// Where generated instances and plans go while the benchmark runs.
    package let scratch: String
    /// Instance files by label, once generated.
    private var files: [String: String] = [:]

    package init(executable: String, scratch: String) throws {
        self.executable = executable
        self.scratch = scratch
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    /// `rota solve` for `task`: its seconds and peak memory in `record`, or a note on why not.
    package func measure(_ task: Benchmark.Task, into record: inout BenchRecord) {
        let deadline = task.budget.deadline(fallback: 600)
        let file: String
        do {
            file = try instanceFile(task.instance, deadline: deadline)
        } catch {
            record.note = Self.joined(record.note, "end to end: \(error.description)")
            return
        }
        let plan = "\(scratch)/plan.json"
        var arguments = ["solve", file, "-o", plan, "--solver", task.solver.name, "--quiet"]
        if let limit = task.budget.timeLimit { arguments += ["--time-limit", String(limit)] }
        defer { try? FileManager.default.removeItem(atPath: plan) }
        let floor = PeakMemory.bytes
        do {
            let result = try MeasuredProcess.run(executable, arguments, deadline: deadline, errorFile: "\(scratch)/solve.err")
            guard result.succeeded else {
                record.note = Self.joined(record.note, "end to end: rota solve \(result.failureText)")
                return
            }
            record.endToEndSeconds = result.seconds
            record.endToEndPeakBytes = result.peakBytes
            record.endToEndFloorBytes = floor
        } catch {
            record.note = Self.joined(record.note, "end to end: \(error.description)")
        }
    }

    /// The instance's file: a committed file as it is, a family written by `rota generate`.
    private func instanceFile(_ instance: BenchInstance, deadline: Double) throws(MeasuredProcess.SpawnError) -> String {
        if case .file(let path) = instance.source { return path }
        if let file = files[instance.label] { return file }
        let file = "\(scratch)/\(instance.label).json"
        let result = try MeasuredProcess.run(
            executable, ["generate"] + instance.arguments + ["-o", file, "--quiet"], deadline: deadline,
            errorFile: "\(scratch)/generate.err")
        guard result.succeeded else { throw MeasuredProcess.SpawnError(description: "rota generate \(result.failureText)") }
        files[instance.label] = file
        return file
    }

    private static func joined(_ note: String?, _ more: String) -> String {
        note.map { "\($0); \(more)" } ?? more
    }
}
