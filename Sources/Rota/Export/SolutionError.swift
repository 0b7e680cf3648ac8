/// A solution file that cannot be read back into a plan: its line (1-based, when one line is
/// at fault) and what is wrong.
package struct SolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    package var line: Int?
    package var message: String

    package init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`, or the message alone.
    package var description: String { line.map { "line \($0): \(message)" } ?? message }
}
