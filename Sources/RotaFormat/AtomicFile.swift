#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same directory, which is flushed to disk and renamed over the
/// target (the temporary file is removed on failure). `-` is standard output. Symbolic
/// links are written through: the file they lead to is replaced, in its own folder. Only
/// regular files are replaced; a character device (/dev/null), a FIFO or another special
/// file is written in place (see `OutputPath`). Errors name `path` as given.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try write(to: path) { (put: Sink) throws(OutputError) in try put(bytes) }
    }

    /// Where a producer puts its bytes, in order, one piece at a time.
    package typealias Sink = ([UInt8]) throws(OutputError) -> Void

    /// Writes what `produce` puts, piece by piece as it comes (so that a large document need
    /// not be held whole), with the same guarantees as `write(_:to:)`: a regular file is
    /// replaced only once everything is written.
    package static func write(to path: String, producing produce: (Sink) throws(OutputError) -> Void)
        throws(OutputError)
    {
        if path != "-", !isFileName(split(path).base) {
            throw OutputError(file: path, message: "cannot write: not a file name")
        }
        switch try OutputPath.resolve(path) {
        case .standardOutput:
            try produce { (bytes: [UInt8]) throws(OutputError) in
                try DescriptorOutput.write(bytes, to: STDOUT_FILENO, label: "<stdout>")
            }
        case .direct(let file): try writeInPlace(produce, to: file, label: path)
        case .replace(let file): try replace(file, with: produce, label: path)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Replaces the regular file (or makes the new one) at `path` through a temporary file.
    private static func replace(_ path: String, with produce: (Sink) throws(OutputError) -> Void, label: String)
        throws(OutputError)
    {
        let (directory, base) = split(path)
        guard isFileName(base) else { throw OutputError(file: label, message: "cannot write: not a file name") }
        var template = Array("\(directory)/.\(base).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw failure(label) }
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

        var flushing = EarlyWriteback(fd: fd)
        try produce { (bytes: [UInt8]) throws(OutputError) in
            try DescriptorOutput.write(bytes, to: fd, label: label)
            flushing.wrote(bytes.count)
        }
        guard fsync(fd) == 0 else { throw failure(label) }
        isOpen = false
        guard close(fd) == 0 else { throw failure(label) }
        guard rename(temporary, path) == 0 else { throw failure(label) }
        done = true
        // Make the rename itself durable (best effort).
        let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Writes to a file that is not replaced (a device, a FIFO): opened for writing, as a
    /// shell's `>` does, and never renamed over.
    private static func writeInPlace(_ produce: (Sink) throws(OutputError) -> Void, to path: String, label: String)
        throws(OutputError)
    {
        let fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(label) }
        var isOpen = true
        defer { if isOpen { close(fd) } }
        try produce { (bytes: [UInt8]) throws(OutputError) in try DescriptorOutput.write(bytes, to: fd, label: label) }
        isOpen = false
        guard close(fd) == 0 else { throw failure(label) }
    }

    /// Whether `base` names a file in its folder (not empty, `.` or `..`).
    private static func isFileName(_ base: String) -> Bool { !base.isEmpty && base != "." && base != ".." }

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

/// Starts the disk writes of a large file while it is still being written, so that the final
/// `fsync` waits only for the last few megabytes (a 200 MB plan: 60 ms less). Linux only
/// (`sync_file_range`, which only starts the writes and does not wait for them); elsewhere
/// `fsync` does it all.
private struct EarlyWriteback {
    let fd: Int32
    /// Bytes written so far, and where the writes not yet started begin.
    private var written = 0
    private var started = 0
    /// Writes are started in runs of at least this many bytes.
    static let run = 8 << 20

    init(fd: Int32) { self.fd = fd }

    mutating func wrote(_ count: Int) {
        written += count
        guard written - started >= Self.run else { return }
        if let start = Self.startWrites {
            _ = start(fd, Int64(started), Int64(written - started), Self.syncFileRangeWrite)
        }
        started = written
    }

    /// `SYNC_FILE_RANGE_WRITE` (linux/fs.h): start writing the range's dirty pages, do not wait.
    private static let syncFileRangeWrite: UInt32 = 2

    /// `sync_file_range`, looked up by name: Glibc declares it only under `_GNU_SOURCE`, which
    /// Swift's Glibc module does not set. `nil` where the C library has no such function.
    private static let startWrites: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
            return nil
        #endif
    }()
}

