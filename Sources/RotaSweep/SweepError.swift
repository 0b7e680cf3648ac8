/// A sweep that cannot go on, with a message that names the file and says what to do:
/// a file written by another sweep, duplicate or missing runs in a merge, a failed write.
package struct SweepError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
