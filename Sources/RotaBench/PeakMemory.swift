#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's peak resident set size so far: a high-water mark that never goes down, so a
/// clean figure per run needs a process per run.
///
/// On Linux it is `VmHWM` of /proc/self/status, the peak of this program's own address space.
/// `getrusage`'s `ru_maxrss` is the fallback elsewhere: Linux carries it over `execve` from
/// the parent, so a child started by a large process would report at least the parent's size.
package enum PeakMemory {
    /// Bytes; 0 when the system does not say.
    package static var bytes: Int {
        if let hwm = highWaterMark() { return hwm }
        return maxResidentSet()
    }

    /// `VmHWM` in bytes, or `nil` without /proc.
    static func highWaterMark() -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 512)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard line.hasPrefix("VmHWM:") else { continue }
            let digits = line.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// `getrusage(RUSAGE_SELF)`'s `ru_maxrss` in bytes; 0 on failure.
    static func maxResidentSet() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
            return Int(usage.ru_maxrss)  // bytes on macOS
        #else
            return Int(usage.ru_maxrss) * 1024  // kibibytes on Linux
        #endif
    }

    /// Bytes as mebibytes with one decimal (`"123.4"`).
    package static func mebibytes(_ bytes: Int) -> Double {
        (Double(bytes) / 1_048_576 * 10).rounded() / 10
    }
}
