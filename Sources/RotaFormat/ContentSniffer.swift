#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches the bytes of an input file as they are read, and finds the first one that shows
/// the file cannot hold what `InputFile.Content` expects: for JSON, a first byte other than
/// `{` or `[` (after an optional UTF-8 byte order mark and white space) or a NUL byte; for
/// text, a control byte other than tab, line feed, vertical tab, form feed and carriage return.
struct ContentSniffer {
    let content: InputFile.Content
    /// Bytes of the UTF-8 byte order mark matched at the start.
    private var markBytes = 0
    /// Whether the JSON document's first byte (`{` or `[`) was seen.
    private var started = false

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(content: InputFile.Content) { self.content = content }

    /// The offset of the first unexpected byte in `bytes[from..<to]` (the bytes before `from`
    /// were seen by earlier calls), or `nil`.
    mutating func firstUnexpected(in bytes: [UInt8], from: Int, to: Int) -> Int? {
        switch content {
        case .bytes:
            return nil
        case .text:
            return (from..<to).first { Self.isBinary(bytes[$0]) }
        case .json:
            var i = from
            while !started, i < to {
                let b = bytes[i]
                if i == markBytes, i < Self.byteOrderMark.count, b == Self.byteOrderMark[i] {
                    markBytes += 1
                } else if markBytes > 0, markBytes < Self.byteOrderMark.count {
                    return 0  // a broken byte order mark
                } else if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                    // White space before the document.
                } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                    started = true
                } else {
                    return i
                }
                i += 1
            }
            // `memchr` scans a 200 MB plan for a NUL many bytes at a time (a Swift loop with an
            // early exit is not vectorized).
            guard i < to else { return nil }
            return bytes.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress,
                    let hit = memchr(base + i, 0, to - i)
                else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
        }
    }

    /// What is wrong with the byte at `offset` (one `firstUnexpected` returned).
    func message(at offset: Int, in bytes: [UInt8]) -> String {
        let (line, column) = JSONParser.location(of: offset, in: bytes)
        let place = "at line \(line), column \(column)"
        let byte = bytes[offset]
        switch content {
        case .json where !started:
            return "expected a JSON document starting with '{' or '[', got \(Self.describe(byte)) \(place)"
        case .json, .bytes:
            return "expected JSON text, got a NUL byte \(place) (a binary file?)"
        case .text:
            return "expected text, got the control byte 0x\(Self.hex(byte)) \(place) (a binary file?)"
        }
    }

    /// A control byte that text does not hold.
    private static func isBinary(_ b: UInt8) -> Bool { b < 0x20 && !(0x09...0x0D).contains(b) }

    /// `'x'` for a visible ASCII character, `byte 0x00` for anything else.
    private static func describe(_ b: UInt8) -> String {
        (0x21...0x7E).contains(b) ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + hex(b)
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
    }
}
