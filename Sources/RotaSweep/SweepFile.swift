import Foundation
import Rota

/// Reads a sweep file (JSON Lines: the header, then one line per run). The last line may be
/// torn (no final newline: a sweep stopped mid-write); `read` reports it and the length of
/// the complete lines, so a resume can cut it off and redo that run.
package enum SweepFile {
    /// A sweep file's complete lines.
    package struct Contents: Sendable {
        /// Nil for an empty file (or one whose only line, the header, is torn).
        package var header: SweepHeader?
        /// In file order.
        package var records: [SweepRecord]
        /// Bytes up to and including the last newline.
        package var completeLength: Int
        /// Whether bytes follow the last newline (a torn line).
        package var torn: Bool
    }

    /// The file's contents, or nil when it does not exist. Every complete line must parse:
    /// the header first, then runs of that sweep, each at most once.
    package static func read(_ path: String) throws(InputErrors) -> Contents? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try InputFile.read(path, as: .bytes)
        return try parse(bytes, file: path)
    }

    static func parse(_ bytes: [UInt8], file: String) throws(InputErrors) -> Contents {
        let completeLength = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        // No complete line: only the start of a header may be cut off and redone; anything
        // else is some other file, never to be overwritten.
        if completeLength == 0 && !bytes.isEmpty {
            let start = Array("{\"format\":\"\(SweepHeader.formatTag)\"".utf8)
            guard bytes.starts(with: start) || start.starts(with: bytes) else {
                throw InputErrors(InputError(
                    file: file, path: "", message: "not a sweep file (no rota-sweep/1 header); choose another output file", line: 1))
            }
        }
        var contents = Contents(header: nil, records: [], completeLength: completeLength, torn: completeLength < bytes.count)
        var seen: [Int: Int] = [:]
        var lineNumber = 0
        var start = 0
        while start < completeLength {
            let end = bytes[start..<completeLength].firstIndex(of: UInt8(ascii: "\n"))!
            lineNumber += 1
            let line = Array(bytes[start..<end])
            start = end + 1
            func fail(_ message: String) -> InputErrors {
                InputErrors(InputError(file: file, path: "", message: message, line: lineNumber))
            }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line)
            } catch {
                throw fail("\(error.description); a sweep file has one JSON object per line")
            }
            guard let header = contents.header else {
                switch SweepHeader.decode(value) {
                case .success(let header): contents.header = header
                case .failure(let problem): throw fail(problem.message)
                }
                continue
            }
            switch SweepRecord.decode(value, layout: header.layout) {
            case .success(let record):
                if let first = seen[record.run] {
                    throw fail("run \(record.run) again (first on line \(first)); a run appears once in a sweep file")
                }
                seen[record.run] = lineNumber
                contents.records.append(record)
            case .failure(let problem):
                throw fail(problem.message)
            }
        }
        return contents
    }
}

/// Appends lines to a sweep file, each followed by `fsync`, so a crash loses at most the runs
/// that were not yet written. A new file's folder is synced too, so the file itself survives.
final class SweepAppender {
    private let fd: Int32
    let path: String

    /// Opens `path` for appending, first cutting it to `length` bytes when given (dropping a
    /// torn last line), and writes `header` when the file is empty.
    init(path: String, truncatingTo length: Int?, header: String) throws(SweepError) {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SweepError("\(path): cannot open for writing: \(String(cString: strerror(errno)))") }
        if let length, ftruncate(fd, off_t(length)) != 0 {
            let message = String(cString: strerror(errno))
            close(fd)
            throw SweepError("\(path): cannot cut off the torn last line: \(message)")
        }
        var status = stat()
        fstat(fd, &status)
        if status.st_size == 0 {
            do { try append(header) } catch {
                close(fd)
                throw error
            }
        }
        if !existed { Self.syncFolder(of: path) }
    }

    /// Writes `line` and a newline, then syncs the file.
    func append(_ line: String) throws(SweepError) {
        do {
            try DescriptorOutput.write(Array((line + "\n").utf8), to: fd, label: path)
        } catch {
            throw SweepError(error.description)
        }
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw SweepError("\(path): cannot sync: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return }
        fsync(dir)
        close(dir)
    }
}
