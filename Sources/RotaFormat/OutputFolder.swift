#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder that outputs go to, made ready before any work is done: it is created with its
/// parents, and a file is made in it (and removed at once) to prove it can be written.
package enum OutputFolder {
    /// Creates `path` as needed and checks that files can be made in it; errors name `path`.
    package static func prepare(_ path: String) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(file: path, message: "cannot write: empty folder name") }
        try create(path)
        var template = Array("\(path)/.rota-probe.XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw failure(path, errno) }
        close(fd)
        template.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { _ = unlink(base) }
        }
    }

    /// `mkdir -p`: the folder and its missing parents.
    private static func create(_ path: String) throws(OutputError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError(file: path, message: "cannot write: not a folder")
            }
            return
        }
        let parent = AtomicFile.split(path).directory
        if parent != path, parent != ".", parent != "/" { try create(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path, errno) }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputError {
        OutputError(file: path, message: "cannot write: \(POSIXErrorText.describe(code))")
    }
}
