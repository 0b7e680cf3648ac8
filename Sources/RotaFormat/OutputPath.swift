#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What writing to an output path means. `-` is standard output. Symbolic links are
/// followed to their target (chains of links; a relative link is relative to its own
/// folder; a dangling link names the file to create). A regular file, existing or new, is
/// replaced atomically at its real path; anything else that is not a folder (a character
/// device such as /dev/null, a FIFO, a socket) is written in place and never renamed over.
package enum OutputPath: Hashable, Sendable {
    /// Standard output (`-`).
    case standardOutput
    /// A regular file, existing or not: the path at which it is replaced, every link followed.
    case replace(String)
    /// A file that is written in place, through the path as given.
    case direct(String)

    /// How many links a chain may have, as Linux allows (beyond it: a loop).
    private static let maximumLinks = 40

    /// Where writing to `path` goes; errors name `path`.
    package static func resolve(_ path: String) throws(OutputError) -> OutputPath {
        if path == "-" { return .standardOutput }
        if path.isEmpty { throw OutputError(file: path, message: "cannot write: empty file name") }
        var current = path
        var links = 0
        var info = stat()
        while true {
            guard lstat(current, &info) == 0 else {
                let code = errno
                guard code == ENOENT else { throw failure(path, code) }
                // A new file, unless the kernel follows a link we cannot (e.g. /proc/self/fd/1 to a pipe).
                return links > 0 && exists(path) ? try inPlace(path) : .replace(current)
            }
            guard kind(of: info) == S_IFLNK else { break }
            links += 1
            guard links <= maximumLinks else { throw failure(path, ELOOP) }
            let target = try linkTarget(current, naming: path)
            current = target.hasPrefix("/") ? target : "\(AtomicFile.split(current).directory)/\(target)"
        }
        switch kind(of: info) {
        case S_IFDIR:
            throw OutputError(file: path, message: "cannot write: is a directory")
        case S_IFREG:
            // The link chain must lead where the kernel goes; /proc's links may not (a deleted file).
            var followed = stat()
            if links > 0, stat(path, &followed) == 0, followed.st_dev != info.st_dev || followed.st_ino != info.st_ino {
                return try inPlace(path)
            }
            return .replace(current)
        default:
            return .direct(path)
        }
    }

    /// Whether writing here replaces the file at `input`: the same device and inode when both
    /// exist, else the same canonical path. Standard output and files written in place
    /// replace nothing.
    package func replaces(_ input: String) -> Bool {
        guard case .replace(let file) = self, input != "-", !input.isEmpty else { return false }
        var output = stat(), source = stat()
        if stat(file, &output) == 0 && stat(input, &source) == 0 {
            return output.st_dev == source.st_dev && output.st_ino == source.st_ino
        }
        guard case .replace(let inputFile)? = try? Self.resolve(input) else { return false }
        return Self.canonical(file) == Self.canonical(inputFile)
    }

    /// `path` with its folder's real path (links and `..` resolved), as far as it exists.
    private static func canonical(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let (directory, base) = AtomicFile.split(path)
        guard let folder = realPath(directory) else { return path }
        return folder == "/" ? "/\(base)" : "\(folder)/\(base)"
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` written in place, unless it is a folder.
    private static func inPlace(_ path: String) throws(OutputError) -> OutputPath {
        var info = stat()
        if stat(path, &info) == 0, kind(of: info) == S_IFDIR {
            throw OutputError(file: path, message: "cannot write: is a directory")
        }
        return .direct(path)
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func kind(of info: stat) -> mode_t { info.st_mode & S_IFMT }

    /// The text of the symbolic link at `link`.
    private static func linkTarget(_ link: String, naming path: String) throws(OutputError) -> String {
        var size = 256
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let count = buffer.withUnsafeMutableBufferPointer { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return readlink(link, base, raw.count)
            }
            guard count >= 0 else { throw failure(path, errno) }
            if count < size { return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            size *= 2
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputError {
        OutputError(file: path, message: "cannot write: \(POSIXErrorText.describe(code))")
    }
}
