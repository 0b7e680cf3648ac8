#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RotaCore
import RotaFormat

/// What went wrong reading or extending an audit log.
package enum AuditLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A line that is not a record (the caller adds where).
    case malformed(String)
    /// A problem at a line of a file: `"<file>:<line>: <message>"`.
    case atLine(file: String, line: Int, message: String)
    /// The file could not be read or written.
    case io(String)

    package var description: String {
        switch self {
        case .malformed(let message): message
        case .atLine(let file, let line, let message): "\(file):\(line): \(message)"
        case .io(let message): message
        }
    }
}

/// An append-only audit log file (docs/AUDIT.md): JSON Lines, one `AuditRecord` per line,
/// each chained to the one before by its `prev` hash.
///
/// Appending writes every record of a run with one `write` on a descriptor opened with
/// `O_APPEND`, then `fsync`s it (and the folder, when the file is new) before returning, so
/// a caller that renames its plan into place afterwards never has a plan whose records are
/// not on disk. A torn last line (a crash during a write) is reported, never dropped or
/// appended after.
package struct AuditLog: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    /// The log's complete lines (without newlines) and, when the last line has no newline (a
    /// write cut short), that torn line's number; an absent file has no lines. The one place a
    /// log is split into lines: `lines()` refuses a torn tail, `AuditVerification` checks the
    /// lines before it and reports it.
    package func readLines() throws(AuditLogError) -> (lines: [String], tornLine: Int?) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return ([], nil) }
            throw .io("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, as: .text)
        } catch {
            throw .io(error.description)
        }
        if bytes.isEmpty { return ([], nil) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        // After a final newline the split leaves an empty last piece; without one, the last piece is torn.
        let torn = bytes.last == UInt8(ascii: "\n") ? nil : lines.count
        lines.removeLast()
        return (lines, torn)
    }

    /// The log's lines (without newlines); an absent file has none, a torn last line is an error.
    package func lines() throws(AuditLogError) -> [String] {
        let read = try readLines()
        if let torn = read.tornLine { throw tornError(line: torn) }
        return read.lines
    }

    /// The error that reports a torn last line.
    package func tornError(line: Int) -> AuditLogError {
        .atLine(
            file: path, line: line,
            message: "torn record: the last line has no newline (a write was cut short); `rota audit verify` shows it, and nothing is appended after it")
    }

    /// Every record, in order; the first unreadable line is an error.
    package func records() throws(AuditLogError) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for (index, line) in try lines().enumerated() {
            do {
                records.append(try AuditRecord.decode(line: line))
            } catch {
                throw .atLine(file: path, line: index + 1, message: error.description)
            }
        }
        return records
    }

    /// Appends `records` (their `sequence`, `prev` and `hash` are set here, continuing the
    /// chain), synced to disk before returning. Returns them as written.
    @discardableResult
    package func append(_ records: [AuditRecord]) throws(AuditLogError) -> [AuditRecord] {
        let existing = try lines()
        var sequence = existing.count
        if let last = existing.last {
            do {
                sequence = try AuditRecord.decode(line: last).sequence
            } catch {
                throw .atLine(file: path, line: existing.count, message: "\(error.description); nothing appended")
            }
        }
        let sealed = AuditRecord.chained(records, after: sequence, previousLine: existing.last)
        let text = sealed.map { $0.text + "\n" }.joined()
        guard !text.isEmpty else { return [] }
        let isNew = existing.isEmpty && access(path, F_OK) != 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("\(path): cannot write: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        do {
            try DescriptorOutput.write(Array(text.utf8), to: fd, label: path)
        } catch {
            throw .io(error.description)
        }
        guard fsync(fd) == 0 else { throw .io("\(path): cannot sync: \(String(cString: strerror(errno)))") }
        if isNew {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? "."
            let dirFD = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
            if dirFD >= 0 {
                _ = fsync(dirFD)
                close(dirFD)
            }
        }
        return sealed
    }
}
