#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes bytes to an open file descriptor with POSIX `write`, to the last byte: a short
/// write continues, an interrupted call is retried and a full non-blocking descriptor is
/// waited for. Any other failure (a closed pipe, a full disk, a closed descriptor) is an
/// `OutputError` naming `label`; it never traps. Ignore SIGPIPE (see `ignoreBrokenPipes`)
/// so that a pipe without a reader fails with EPIPE instead of ending the process.
package enum DescriptorOutput {
    /// Writes all of `bytes` to `fd`.
    package static func write(_ bytes: [UInt8], to fd: Int32, label: String) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemWrite(fd, base + written, raw.count - written)
            }
            if n >= 0 {
                written += n
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK, waitUntilWritable(fd) { continue }
            throw OutputError(file: label, message: "cannot write: \(POSIXErrorText.describe(code))")
        }
    }

    /// Makes writes to a pipe without a reader fail with EPIPE rather than end the process.
    package static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits until `fd` takes more bytes; false when it cannot be waited for.
    private static func waitUntilWritable(_ fd: Int32) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            let ready = poll(&request, 1, -1)
            if ready > 0 { return request.revents & Int16(POLLOUT) != 0 }
            if ready < 0 && errno == EINTR { continue }
            return false
        }
    }
}

/// POSIX `write`, under a name that `DescriptorOutput.write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
