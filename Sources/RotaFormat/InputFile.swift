#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files whole; `-` is standard input. Problems (missing, unreadable, a
/// directory, larger than the `InputLimit`, not the expected kind of content) are
/// `InputError`s naming the file.
///
/// Reading stops early on content that cannot be what is expected, so that `/dev/zero` or
/// a binary file is refused at once instead of being read to the limit.
package enum InputFile {
    /// What the file should hold; checked while reading.
    package enum Content: Hashable, Sendable {
        /// A JSON document: after an optional UTF-8 byte order mark and white space, the
        /// first byte is `{` or `[`, and no byte is NUL.
        case json
        /// Text: no control bytes but tab, line feed, vertical tab, form feed and carriage return.
        case text
        /// Anything.
        case bytes
    }

    /// How errors name the input: the path, or `<stdin>` for `-`.
    package static func label(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The file's bytes, at most `limit` of them (`nil`: `InputLimit.current()`).
    package static func read(_ path: String, as content: Content = .text, limit given: InputLimit? = nil)
        throws(InputErrors) -> [UInt8]
    {
        let limit: InputLimit
        if let given { limit = given } else { limit = try InputLimit.current() }
        if path == "-" {
            return try readAll(0, sizeHint: 0, content: content, limit: limit, label: label(path))
        }
        if path.isEmpty { throw failure(path, "cannot read: empty file name") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot read: \(POSIXErrorText.describe(errno))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, "cannot read: \(POSIXErrorText.describe(errno))") }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw failure(path, "cannot read: is a directory") }
        let size = type == S_IFREG ? Int(info.st_size) : 0
        if size > limit.bytes { throw failure(path, limit.exceededMessage) }
        return try readAll(fd, sizeHint: size, content: content, limit: limit, label: path)
    }

    private static func failure(_ file: String, _ message: String) -> InputErrors {
        InputErrors(InputError(file: file, path: "", message: message))
    }
}

/// Reads `fd` to its end, or until more than `limit` bytes came or the content cannot be
/// what `content` expects.
private func readAll(_ fd: Int32, sizeHint: Int, content: InputFile.Content, limit: InputLimit, label: String)
    throws(InputErrors) -> [UInt8]
{
    func failure(_ message: String) -> InputErrors {
        InputErrors(InputError(file: label, path: "", message: message))
    }
    // One byte over the limit tells a file of exactly the limit from a larger one.
    let ceiling = limit.bytes == Int.max ? Int.max : limit.bytes + 1
    // Left uninitialized: `read` fills it, and only the bytes it filled are looked at (zeroing
    // a 200 MB plan's buffer first cost as much as reading it).
    let initial = min(ceiling, max(sizeHint + 1, 1 << 16))
    var buffer = [UInt8](unsafeUninitializedCapacity: initial) { _, initialized in initialized = initial }
    var count = 0
    var sniffer = ContentSniffer(content: content)
    while true {
        if count == buffer.count {
            if count >= ceiling { throw failure(limit.exceededMessage) }
            buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, ceiling - buffer.count)))
        }
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return read(fd, base + count, raw.count - count)
        }
        if n < 0 {
            if errno == EINTR { continue }
            throw failure("cannot read: \(POSIXErrorText.describe(errno))")
        }
        if n == 0 { break }
        if let offset = sniffer.firstUnexpected(in: buffer, from: count, to: count + n) {
            throw failure(sniffer.message(at: offset, in: buffer))
        }
        count += n
        if count > limit.bytes { throw failure(limit.exceededMessage) }
    }
    buffer.removeLast(buffer.count - count)
    return buffer
}
