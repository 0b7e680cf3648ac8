/// A malformed JSON document: where it went wrong (1-based line and column) and what was expected.
package struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line (lines end at `\n`).
    package var line: Int
    /// 1-based column, counted in Unicode scalars.
    package var column: Int
    /// What was wrong, e.g. "expected ',' or '}'".
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "malformed JSON at line 3, column 14: expected ',' or '}'"
    package var description: String { "malformed JSON at line \(line), column \(column): \(message)" }
}
