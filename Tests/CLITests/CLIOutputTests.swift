import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Where `rota` writes, through the command line: `-o` through symbolic links and into
/// FIFOs and devices without replacing them; standard output that cannot be written (a full
/// device, a pipe without a reader, a closed descriptor) is an error message and exit
/// status 2, never a trap; an output that is an input, standard input given twice, usage
/// errors, negative numbers and unusable bench folders are bad input (exit status 2).
@Suite(.serialized) struct CLIOutputTests {
    static let seed = CLICommandTests.instance("seed.json")

    /// Whether `text` is a plan of the seed instance.
    static func isPlan(_ text: String) -> Bool {
        let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return json?["format"] as? String == "fulfillment-plan/1" && (json?["tasks"] as? [Any])?.count == 82
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    // MARK: -o: links, FIFOs, devices

    @Test func writesThroughALinkToItsTarget() throws {
        let dir = try TemporaryDirectory()
        let plan = try dir.write("plan.json", "old")
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.json"), withDestinationPath: "plan.json")
        let result = try CLIHarness.run(["solve", Self.seed, "-o", dir.path("link.json"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.linkTarget(dir.path("link.json")) == "plan.json", "the link stays a link")
        #expect(Self.isPlan(try String(contentsOfFile: plan, encoding: .utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["link.json", "plan.json"])
    }

    @Test func followsAChainOfRelativeLinksToADanglingTarget() throws {
        let dir = try TemporaryDirectory()
        for folder in ["a", "b"] { try FileManager.default.createDirectory(atPath: dir.path(folder), withIntermediateDirectories: false) }
        // a/first → ../b/second (relative to a), b/second → made.json (relative to b), which does not exist yet.
        try FileManager.default.createSymbolicLink(atPath: dir.path("a/first"), withDestinationPath: "../b/second")
        try FileManager.default.createSymbolicLink(atPath: dir.path("b/second"), withDestinationPath: "made.json")
        let result = try CLIHarness.run(["solve", Self.seed, "-o", dir.path("a/first"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.linkTarget(dir.path("a/first")) == "../b/second")
        #expect(Self.linkTarget(dir.path("b/second")) == "made.json")
        #expect(Self.isPlan(try String(contentsOfFile: dir.path("b/made.json"), encoding: .utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("a")) == ["first"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("b")).sorted() == ["made.json", "second"])
    }

    @Test func aLinkLoopIsAnError() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path("one"), withDestinationPath: "two")
        try FileManager.default.createSymbolicLink(atPath: dir.path("two"), withDestinationPath: "one")
        let result = try CLIHarness.run(["solve", Self.seed, "-o", dir.path("one"), "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("rota: error: \(dir.path("one")): cannot write: "), "\(result.stderr)")
        #expect(Self.linkTarget(dir.path("one")) == "two")
    }

    @Test func writesIntoAFIFOWithoutReplacingIt() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.path("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        // A reader is there before rota opens the FIFO; the plan (about 21 kB) fits the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let result = try CLIHarness.run(["solve", Self.seed, "-o", fifo, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.kind(fifo) == S_IFIFO, "still a FIFO")
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(reader, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[..<n]
        }
        #expect(Self.isPlan(String(decoding: bytes, as: UTF8.self)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["fifo"])
    }

    /// Links in a temporary folder lead to the devices, so that a rota that replaces the
    /// path it is given replaces only the link (never a device of the machine).
    @Test func writesIntoCharacterDevicesThroughLinks() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path("zero"), withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir.path("full"), withDestinationPath: "/dev/full")
        let zero = try CLIHarness.run(["solve", Self.seed, "-o", dir.path("zero"), "--quiet"])
        #expect(zero.status == 0, "\(zero.stderr)")
        // /dev/full takes no byte: the error shows the plan went into the device.
        let full = try CLIHarness.run(["export", Self.seed, "--format", "lp", "-o", dir.path("full"), "--quiet"])
        #expect(full.status == 2)
        #expect(full.stderr == "rota: error: \(dir.path("full")): cannot write: no space left on the device\n")
        #expect(Self.linkTarget(dir.path("zero")) == "/dev/zero")
        #expect(Self.linkTarget(dir.path("full")) == "/dev/full")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["full", "zero"])
    }

    /// /dev/stdout is a link to /proc/self/fd/1, whose target ("pipe:[…]") is no path: the
    /// kernel follows it, rota cannot, so it writes through the link as given.
    @Test func aLinkToStandardOutputWritesToStandardOutput() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path("out"), withDestinationPath: "/proc/self/fd/1")
        let result = try CLIHarness.run(["solve", Self.seed, "-o", dir.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.isPlan(result.stdout))
        #expect(Self.linkTarget(dir.path("out")) == "/proc/self/fd/1")
    }

    // MARK: Standard output and standard error that cannot be written

    /// Commands that print on standard output (with a plan made for them in `dir`).
    static func printingCommands(_ dir: TemporaryDirectory) throws -> [[String]] {
        let plan = dir.path("plan.json")
        let solved = try CLIHarness.run(["solve", seed, "-o", plan, "--quiet"])
        try #require(solved.status == 0)
        return [
            ["solve", seed, "--quiet"], ["validate", seed, plan], ["validate", seed, plan, "--json"],
            ["score", seed, plan], ["score", seed, plan, "--json"], ["compare", seed, plan, plan],
            ["compare", seed, plan, plan, "--format", "json"], ["solvers"], ["generate", "--list"],
            ["generate", "--family", "tiny", "--quiet"], ["export", seed, "--format", "lp", "--quiet"],
            ["bench-run", "--family", "tiny", "--solver", "greedy"], ["--help"], ["help", "solve"],
        ]
    }

    @Test func aFullStandardOutputIsAnErrorInEveryCommand() throws {
        let dir = try TemporaryDirectory()
        for arguments in try Self.printingCommands(dir) {
            let result = try RedirectedRun.run(arguments, stdout: .file("/dev/full"))
            #expect(result.exitStatus == 2, "\(arguments): \(result)")
            #expect(result.stderr.hasSuffix("rota: error: <stdout>: cannot write: no space left on the device\n"), "\(arguments): \(result)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"), "\(arguments)")
        }
    }

    @Test func aPipeWithoutAReaderIsAnError() throws {
        let dir = try TemporaryDirectory()
        for arguments in try Self.printingCommands(dir) {
            let result = try RedirectedRun.run(arguments, stdout: .pipeWithoutReader)
            #expect(result.exitStatus == 2, "\(arguments): \(result)")
            #expect(result.stderr.hasSuffix("rota: error: <stdout>: cannot write: broken pipe (nothing reads it any more)\n"), "\(arguments): \(result)")
        }
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let dir = try TemporaryDirectory()
        for arguments in try Self.printingCommands(dir) {
            let result = try RedirectedRun.run(arguments, stdout: .closed)
            #expect(result.exitStatus == 2, "\(arguments): \(result)")
            #expect(result.stderr.hasSuffix("rota: error: <stdout>: cannot write: not open (closed)\n"), "\(arguments): \(result)")
        }
        // Files the command opens do not take the closed descriptor's number.
        let plan = dir.path("closed.json")
        let solve = try RedirectedRun.run(["solve", Self.seed, "-o", plan], stdout: .closed)
        #expect(solve.exitStatus == 0, "\(solve)")
        #expect(Self.isPlan(try String(contentsOfFile: plan, encoding: .utf8)))
    }

    @Test func standardErrorThatCannotBeWrittenIsIgnored() throws {
        // Bad input: the message cannot be written, the exit status still says it.
        for stderr in [RedirectedRun.Target.file("/dev/full"), .closed, .pipeWithoutReader] {
            let bad = try RedirectedRun.run(["validate", Self.seed, Self.seed], stdout: .file("/dev/null"), stderr: stderr)
            #expect(bad.exitStatus == 2, "\(stderr): \(bad)")
            let full = try RedirectedRun.run(["solvers"], stdout: .file("/dev/full"), stderr: stderr)
            #expect(full.exitStatus == 2, "\(stderr): \(full)")
            let fine = try RedirectedRun.run(["solve", Self.seed], stdout: .file("/dev/null"), stderr: stderr)
            #expect(fine.exitStatus == 0, "\(stderr): \(fine)")
        }
    }

    // MARK: Arguments

    @Test func refusesAnOutputThatIsAnInput() throws {
        let dir = try TemporaryDirectory()
        let instance = dir.path("seed.json")
        try FileManager.default.copyItem(atPath: Self.seed, toPath: instance)
        try FileManager.default.createDirectory(atPath: dir.path("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.path("alias.json"), withDestinationPath: "seed.json")
        try FileManager.default.linkItem(atPath: instance, toPath: dir.path("hard.json"))
        let policy = try dir.write("policy.json", #"{"slaTierDays": {"high": 2}}"#)
        let original = try Data(contentsOf: URL(fileURLWithPath: instance))
        let cases: [[String]] = [
            ["solve", instance, "-o", instance],
            ["solve", instance, "--output", dir.path("sub/../seed.json")],
            ["solve", instance, "-o", dir.path("alias.json")],
            ["solve", dir.path("alias.json"), "-o", instance],
            ["solve", instance, "-o", dir.path("hard.json")],
            ["solve", instance, "--policy", policy, "-o", policy],
            ["export", instance, "--format", "lp", "-o", instance],
            ["import-solution", instance, instance, "-o", instance],
        ]
        for arguments in cases {
            let result = try CLIHarness.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is the same file as"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("writing it would replace the input, so choose another file"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: instance)) == original)
        #expect(Self.linkTarget(dir.path("alias.json")) == "seed.json")
        // Another file in the same folder is fine.
        #expect(try CLIHarness.run(["solve", instance, "-o", dir.path("plan.json"), "--quiet"]).status == 0)
    }

    @Test func readsStandardInputOnlyOnce() throws {
        let cases: [([String], String)] = [
            (["validate", "-", "-"], "<instance> and <plan>"),
            (["score", Self.seed, "-", "--previous", "-"], "<plan> and --previous"),
            (["compare", "-", "-", "-"], "<instance>, <plan-a> and <plan-b>"),
            (["solve", "-", "--policy", "-"], "<instance> and --policy"),
            (["import-solution", "-", "-"], "<instance> and <solution>"),
        ]
        for (arguments, names) in cases {
            let result = try CLIHarness.run(arguments, stdin: "{}")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix("Error: standard input (-) can be read only once, but it is given for \(names)\n"),
                "\(arguments): \(result.stderr)")
        }
    }

    @Test func usageErrorsAreBadInput() throws {
        let cases: [[String]] = [
            ["solve"], ["solve", Self.seed, "--no-such-option"], ["validate", Self.seed], ["frobnicate"],
            ["solve", Self.seed, "--solver", "magic"], ["export", Self.seed, "--format", "mathprog", "--makespan", "3"],
            ["generate", "--family", "tiny", "--seed", "-1"], ["compare", Self.seed, "a", "b", "--format", "yaml"],
        ]
        for arguments in cases {
            let result = try CLIHarness.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: "), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let help = try CLIHarness.run(["--help"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("2 bad input (a usage error too) or output that cannot be written"), "\(help.stdout)")
    }

    @Test(arguments: ["--time-limit", "--gap", "--node-limit"])
    func negativeNumbersAreExplained(_ option: String) throws {
        let message = [
            "--time-limit": "--time-limit must be a positive number of seconds", "--gap": "--gap must be 0 or more",
            "--node-limit": "--node-limit must be at least 1",
        ][option] ?? ""
        for arguments in [[option, "-5"], ["\(option)=-5"]] {
            let result = try CLIHarness.run(["solve", Self.seed] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func negativeNumbersAreExplainedInEveryCommand() throws {
        let cases: [([String], String)] = [
            (["bench", "--time-limit", "-5"], "--time-limit must be a positive number of seconds"),
            (["bench", "--memory-cap", "-1"], "--memory-cap must be a positive number of GiB"),
            (["export", Self.seed, "--format", "lp", "--makespan", "-1"], "--makespan must be 0 or more"),
            (["generate", "--family", "tiny", "--lines", "-1"], "--lines must be between 1 and 5000000"),
            (["regress", "--update", "--node-limit", "-1"], "--node-limit must be at least 1"),
            (["regress", "--update", "--max-lines", "-1"], "--max-lines must be 0 or more"),
        ]
        for (arguments, message) in cases {
            let result = try CLIHarness.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(arguments): \(result.stderr)")
        }
    }

    // MARK: bench's folders

    @Test func benchNeedsItsInstancesFolder() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path("nonexistent")
        let result = try CLIHarness.run(["bench", "--instances", missing, "--results", dir.path("results")])
        #expect(result.status == 2)
        #expect(result.stderr == "rota: error: \(missing): cannot read the instances (--instances): no such folder\n")
        let file = try dir.write("file.json", "{}")
        let notFolder = try CLIHarness.run(["bench", "--instances", file, "--results", dir.path("results")])
        #expect(notFolder.status == 2)
        #expect(notFolder.stderr == "rota: error: \(file): cannot read the instances (--instances): not a folder\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("results")))
    }

    @Test func benchChecksItsResultsFolderBeforeRunning() throws {
        let dir = try TemporaryDirectory()
        let instances = dir.path("instances")
        try FileManager.default.createDirectory(atPath: instances, withIntermediateDirectories: false)
        let file = try dir.write("results", "")
        var folders = [(file, "\(file): cannot write: not a folder"), ("\(file)/sub", "\(file): cannot write: not a folder")]
        #if os(Linux)
            // Nobody, root included, makes files in /proc/self.
            folders.append(("/proc/self", "/proc/self: cannot write: "))
        #endif
        for (results, message) in folders {
            let result = try CLIHarness.run(["bench", "--instances", instances, "--results", results, "--solver", "greedy"])
            #expect(result.status == 2, "\(results): \(result.stderr)")
            #expect(result.stderr.hasPrefix("rota: error: \(message)"), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("(the folder for --results)\n"), "\(result.stderr)")
            #expect(!result.stderr.contains("quick suite"), "nothing ran: \(result.stderr)")
        }
        // A missing folder is made, with its parents.
        let nested = dir.path("new/figures")
        let made = try CLIHarness.run(["bench", "--instances", instances, "--results", nested, "--solver", "greedy", "--quiet"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: nested).sorted() == ["bench-quick.jsonl", "bench-quick.md"])
    }
}

/// Runs the built `rota` with standard output and standard error set up as a test needs
/// (posix_spawn; SIGPIPE at its default, as a shell leaves it) and captures standard error.
struct RedirectedRun: CustomStringConvertible {
    enum Target: Sendable {
        /// Captured through a pipe (standard error only).
        case captured
        /// A file opened for writing.
        case file(String)
        /// The write end of a pipe whose read end is already closed.
        case pipeWithoutReader
        /// No open descriptor at all.
        case closed
    }

    /// The exit status, or nil when a signal ended the process.
    var exitStatus: Int32?
    var signal: Int32?
    var stderr: String

    var description: String { "exit \(exitStatus.map(String.init) ?? "-"), signal \(signal.map(String.init) ?? "-"): \(stderr)" }

    static func run(_ arguments: [String], stdout: Target, stderr: Target = .captured) throws -> RedirectedRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        var parentEnds: [Int32] = []
        defer { for fd in parentEnds { close(fd) } }
        var captured: Int32 = -1
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (fd, target) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch target {
            case .captured:
                let (read, write) = try pipeEnds()
                parentEnds.append(write)
                captured = read
                posix_spawn_file_actions_adddup2(&actions, write, fd)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY, 0)
            case .pipeWithoutReader:
                let (read, write) = try pipeEnds()
                close(read)
                parentEnds.append(write)
                posix_spawn_file_actions_adddup2(&actions, write, fd)
            case .closed:
                posix_spawn_file_actions_addclose(&actions, fd)
            }
        }
        let argv = ([CLIHarness.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLIHarness.executable.path, &actions, &attributes, argv, environ)
        for fd in parentEnds { close(fd) }
        parentEnds = []
        guard spawned == 0 else {
            if captured >= 0 { close(captured) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        var bytes: [UInt8] = []
        if captured >= 0 {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = Glibc.read(captured, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                bytes += buffer[..<n]
            }
            close(captured)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = status & 0x7f != 0
        return RedirectedRun(
            exitStatus: signalled ? nil : (status >> 8) & 0xff, signal: signalled ? status & 0x7f : nil,
            stderr: String(decoding: bytes, as: UTF8.self))
    }

    /// A pipe whose ends are closed in spawned processes (FD_CLOEXEC), so that only the
    /// descriptors set up for a run reach it.
    private static func pipeEnds() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }
}
