import Foundation

/// A pause point for tests only: lets a test kill `rota reschedule` at the one moment that
/// matters for durability, after the audit records are appended and synced and before any
/// output file is renamed into place (docs/AUDIT.md, "Durability").
///
/// When the environment variable `ROTA_TEST_PAUSE_AFTER_AUDIT` names a path, the command
/// creates that file (the test's signal that the pause began) and sleeps for up to ten minutes,
/// then goes on. Nothing else reads the variable; it is not an option and not for operators.
enum TestPausePoint {
    static let variable = "ROTA_TEST_PAUSE_AFTER_AUDIT"

    /// Pauses when the variable is set (see the type's comment); returns at once otherwise.
    static func afterAuditAppend() {
        guard let marker = ProcessInfo.processInfo.environment[variable], !marker.isEmpty else { return }
        let fd = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { close(fd) }
        for _ in 0..<600 { sleep(1) }
    }
}
