import Foundation
import Testing
@testable import RotaBench

/// A child process timed from outside: exit status, the last line of standard error, wall
/// seconds and `ru_maxrss`, and a stop at the deadline.
@Suite struct MeasuredProcessTests {
    static func errorFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rota-measured-\(UUID().uuidString).err").path
    }

    @Test func measuresASuccessfulChild() throws {
        let errors = Self.errorFile()
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let result = try MeasuredProcess.run("/bin/sh", ["-c", "exit 0"], deadline: 30, errorFile: errors)
        #expect(result.succeeded)
        #expect(result.status == 0 && !result.signalled && !result.timedOut)
        #expect(result.seconds > 0 && result.seconds < 30)
        #expect(result.peakBytes > 0)
        #expect(result.lastError == nil)
    }

    @Test func reportsTheExitStatusAndTheLastErrorLine() throws {
        let errors = Self.errorFile()
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let result = try MeasuredProcess.run(
            "/bin/sh", ["-c", "echo first >&2; echo 'bad input' >&2; echo >&2; exit 2"], deadline: 30, errorFile: errors)
        #expect(!result.succeeded)
        #expect(result.status == 2 && !result.signalled)
        #expect(result.lastError == "bad input")
        #expect(result.failureText == "exited with status 2: bad input")
    }

    @Test func stopsAChildAtItsDeadline() throws {
        let errors = Self.errorFile()
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let result = try MeasuredProcess.run("/bin/sh", ["-c", "exec sleep 30"], deadline: 1, errorFile: errors)
        #expect(result.timedOut)
        #expect(result.signalled && result.status == SIGTERM)
        #expect(result.seconds < 10)
        #expect(result.failureText == "stopped at its deadline")
    }

    @Test func aMissingExecutableIsAnError() {
        let errors = Self.errorFile()
        defer { try? FileManager.default.removeItem(atPath: errors) }
        #expect(throws: MeasuredProcess.SpawnError.self) {
            try MeasuredProcess.run("/nonexistent/rota", [], deadline: 5, errorFile: errors)
        }
    }
}
