#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Short words for the system errors files commonly meet.
enum POSIXErrorText {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case EPIPE: return "broken pipe (nothing reads it any more)"
        case EBADF: return "not open (closed)"
        default:
            guard let text = strerror(code) else { return "system error \(code)" }
            return String(cString: text)
        }
    }
}
