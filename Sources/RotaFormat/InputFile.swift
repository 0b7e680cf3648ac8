#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files whole; `-` is standard input. Problems (missing, unreadable, a
/// directory) are `InputError`s naming the file.
public enum InputFile {
    /// How errors name the input: the path, or `<stdin>` for `-`.
    public static func label(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The file's bytes.
    public static func read(_ path: String) throws(InputErrors) -> [UInt8] {
        if path == "-" { return try readAll(0, sizeHint: 0, label: label(path)) }
        if path.isEmpty { throw failure(path, "cannot read: empty file name") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot read: \(POSIXErrorText.describe(errno))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, "cannot read: \(POSIXErrorText.describe(errno))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(path, "cannot read: is a directory") }
        return try readAll(fd, sizeHint: Int(info.st_size), label: path)
    }

    private static func failure(_ file: String, _ message: String) -> InputErrors {
        InputErrors(InputError(file: file, path: "", message: message))
    }
}

/// Reads `fd` to its end.
private func readAll(_ fd: Int32, sizeHint: Int, label: String) throws(InputErrors) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: max(sizeHint + 1, 1 << 16))
    var count = 0
    while true {
        if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return read(fd, base + count, raw.count - count)
        }
        if n < 0 {
            if errno == EINTR { continue }
            throw InputErrors(InputError(file: label, path: "", message: "cannot read: \(POSIXErrorText.describe(errno))"))
        }
        if n == 0 { break }
        count += n
    }
    buffer.removeLast(buffer.count - count)
    return buffer
}
