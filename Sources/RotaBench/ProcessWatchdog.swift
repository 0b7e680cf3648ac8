import Foundation

/// Who got there first for a child process: its deadline, its memory cap or its end
/// (`MeasuredProcess`, and `rota bench`'s isolated runs).
package final class ProcessWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var fired = false
    private var killedForMemory = false

    package init() {}

    /// The deadline passed: true when the process is still running (and is now marked timed out).
    package func fire() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        fired = true
        return true
    }

    /// The memory cap was passed: true when the process is still running (and is now marked).
    package func overMemory() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        killedForMemory = true
        return true
    }

    package var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !done
    }

    /// The process ended: whether the deadline had fired, whether the memory cap had.
    package func finish() -> (timedOut: Bool, overMemory: Bool) {
        lock.lock()
        defer { lock.unlock() }
        done = true
        return (fired, killedForMemory)
    }
}
