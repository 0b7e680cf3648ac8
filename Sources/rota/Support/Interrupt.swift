import Dispatch
import Foundation

/// Ctrl-C during a solve: the first press asks the solver to stop and return the best plan
/// found so far (marked as interrupted); a second press ends the program at once.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var presses = 0
    private var source: DispatchSourceSignal?

    /// Starts listening for SIGINT (until the value goes away).
    func install(quiet: Bool) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            self.presses += 1
            let presses = self.presses
            self.lock.unlock()
            if presses >= 2 {
                Terminal.standardError("\nrota: interrupted twice; stopping without a plan\n")
                exit(130)
            }
            if !quiet {
                Terminal.standardError(
                    "\nrota: stopping the search; the best plan found so far will be written (Ctrl-C again to abort)\n")
            }
        }
        source.resume()
        self.source = source
    }

    /// Whether Ctrl-C was pressed.
    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return presses > 0
    }

    deinit {
        source?.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
