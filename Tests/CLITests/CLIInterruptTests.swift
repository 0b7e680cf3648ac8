import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C during a long MIP solve, through the command line: a real `rota solve` gets SIGINT
/// while GLPK works on the LP relaxation of a mip-medium instance (tens of seconds of simplex
/// iterations), stops within a simplex slice, exits 0 and writes a valid plan.
///
/// The signal goes once the child has used `busy` seconds of CPU, past reading the instance,
/// greedy, flow and building the model even in a debug build, whatever the machine's load.
@Suite(.serialized) struct CLIInterruptTests {
    /// How a solve that was sent SIGINT ended.
    struct Stopped {
        var status: Int32
        /// Seconds from the signal to the process's exit.
        var seconds: Double
        var stderr: String
    }

    /// A mip-medium instance in a fresh folder.
    static func mipMedium() throws -> (dir: TemporaryDirectory, instance: String) {
        let dir = try TemporaryDirectory()
        let instance = dir.path("mip-medium-1.json")
        let made = try CLIHarness.run(["generate", "--family", "mip-medium", "--seed", "1", "-o", instance, "--quiet"])
        #expect(made.status == 0, "\(made.stderr)")
        return (dir, instance)
    }

    /// CPU seconds the child works before the signal: the LP relaxation runs from about 2 s
    /// (release) or 5 s (debug) and goes on for tens of seconds.
    static let busy = 7.0

    /// Seconds from SIGINT to exit that count as prompt. A release build stops in about a
    /// second; a debug build on a loaded 2-core machine (the whole suite runs beside it) has
    /// taken up to 6 s, writing and validating the plan included. Before the simplex was
    /// sliced, the same runs took 22-31 s, so this bound still tells the two apart.
    static let promptly = 12.0

    /// CPU seconds (user and system) process `pid` has used, from /proc; nil without it.
    static func cpuSeconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let name = stat.lastIndex(of: ")")
        else { return nil }
        // After the parenthesised name come fields 3 (state) onwards: utime and stime are 14 and 15.
        let fields = stat[stat.index(after: name)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Runs `rota` with `arguments` (standard error to `log`), sends SIGINT once it has used
    /// `busy` CPU seconds (or after `busy` seconds without /proc), and waits for it to exit (at
    /// most `patience` seconds, then it is terminated and the test fails).
    static func interrupt(_ arguments: [String], log: String, patience: Double = 60) throws -> Stopped {
        #expect(FileManager.default.createFile(atPath: log, contents: nil))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? errors.close() }
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let started = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - started < .seconds(patience) {
            let used = cpuSeconds(of: process.processIdentifier) ?? (ContinuousClock.now - started).seconds
            if used >= busy { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let signalled = ContinuousClock.now
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
        } else {
            Issue.record("the solve ended before it was interrupted")
        }
        if exited.wait(timeout: .now() + patience) == .timedOut {
            process.terminate()
            exited.wait()
            Issue.record("rota was still running \(patience) s after SIGINT")
        }
        let seconds = (ContinuousClock.now - signalled).seconds
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return Stopped(status: process.terminationStatus, seconds: seconds, stderr: text)
    }

    /// The plan exists, passes `rota validate`, and says the solve was interrupted.
    static func checkPlan(_ plan: String, of instance: String, solver: String) throws {
        #expect(FileManager.default.fileExists(atPath: plan), "no plan written")
        let validation = try CLIHarness.run(["validate", instance, plan])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        #expect(validation.stdout.contains("feasible"))
        let data = try Data(contentsOf: URL(fileURLWithPath: plan))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require(json["solver"] as? [String: Any])
        #expect(run["name"] as? String == solver)
        // auto's status speaks of the makespan, which may be proven already: then its MIP step says it.
        let settings = run["settings"] as? [String: String] ?? [:]
        #expect(run["status"] as? String == "interrupted" || settings["mip"] == "interrupted", "\(run)")
    }

    @Test func mipStopsWithinSecondsOfCtrlC() throws {
        let (dir, instance) = try Self.mipMedium()
        let plan = dir.path("plan.json")
        let stopped = try Self.interrupt(
            ["solve", instance, "--solver", "mip", "-o", plan], log: dir.path("stderr.txt"))
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.seconds < Self.promptly, "took \(stopped.seconds) s to stop")
        #expect(stopped.stderr.contains("stopping the search"))
        try Self.checkPlan(plan, of: instance, solver: "mip")
    }

    @Test func autoWithTimeLimitStopsWithinSecondsOfCtrlC() throws {
        let (dir, instance) = try Self.mipMedium()
        let plan = dir.path("plan.json")
        let stopped = try Self.interrupt(
            ["solve", instance, "--time-limit", "50", "-o", plan], log: dir.path("stderr.txt"))
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.seconds < Self.promptly, "took \(stopped.seconds) s to stop")
        try Self.checkPlan(plan, of: instance, solver: "auto")
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
