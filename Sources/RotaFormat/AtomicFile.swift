#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same directory, which is flushed to disk and renamed over the
/// target (the temporary file is removed on failure). `-` is standard output.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        if path == "-" {
            try writeAll(1, bytes, label: "<stdout>")
            return
        }
        let (directory, base) = split(path)
        guard !base.isEmpty, base != ".", base != ".." else {
            throw OutputError(file: path, message: "cannot write: not a file name")
        }
        var template = Array("\(directory)/.\(base).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw failure(path) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var isOpen = true
        var done = false
        defer {
            if isOpen { close(fd) }
            if !done { unlink(temporary) }
        }
        // Keep an existing file's permissions; new files get rw-r--r--.
        var existing = stat()
        let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        _ = fchmod(fd, mode)

        try writeAll(fd, bytes, label: path)
        guard fsync(fd) == 0 else { throw failure(path) }
        isOpen = false
        guard close(fd) == 0 else { throw failure(path) }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        done = true
        // Make the rename itself durable (best effort).
        let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// The error for the system call that just failed.
    private static func failure(_ path: String) -> OutputError {
        OutputError(file: path, message: "cannot write: \(POSIXErrorText.describe(errno))")
    }

    /// (directory, last component) of `path`; the directory is `.` for a bare name.
    static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

/// Writes all of `bytes` to `fd`.
private func writeAll(_ fd: Int32, _ bytes: [UInt8], label: String) throws(OutputError) {
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return write(fd, base + written, raw.count - written)
        }
        if n < 0 {
            if errno == EINTR { continue }
            throw OutputError(file: label, message: "cannot write: \(POSIXErrorText.describe(errno))")
        }
        written += n
    }
}
