import RotaCore

/// A strict JSON parser (RFC 8259) over UTF-8 bytes.
///
/// It never traps on bad input: malformed text, invalid UTF-8, numbers out of `Double`'s
/// range and nesting deeper than `maximumDepth` are all `JSONSyntaxError`s with a line
/// and column. A leading UTF-8 byte order mark is skipped.
package enum JSONParser {
    /// Arrays and objects may nest this deep.
    package static let maximumDepth = 512

    /// Parses one JSON document (surrounding whitespace allowed, nothing else).
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, ByteParser.Failure> = bytes.withUnsafeBufferPointer { buffer in
            var parser = ByteParser(bytes: buffer)
            do throws(ByteParser.Failure) {
                return .success(try parser.document())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let failure):
            let (line, column) = location(of: failure.offset, in: bytes)
            throw JSONSyntaxError(line: line, column: column, message: failure.message)
        }
    }

    /// Parses a document, handing each element of the top-level object's array member `key`
    /// to `element` instead of keeping it: `element` reads the element's bytes itself with a
    /// `PlainScanner` placed at its first byte (whitespace skipped), and leaves the scanner
    /// just past it. That member is left an empty array in the result, so a plan's million
    /// tasks or an instance's orders never form one tree. `nil` when the text is not JSON or
    /// `element` returns false (the caller then parses the usual way, which reports any
    /// problem).
    static func parse(_ bytes: [UInt8], streaming key: String, _ element: (inout PlainScanner) -> Bool) -> JSONValue? {
        parse(bytes, streaming: [key]) { _, scanner in element(&scanner) }
    }

    /// `parse(_:streaming:_:)` for several top-level array members: `element` is told which
    /// member (its index in `keys`) the element belongs to.
    static func parse(_ bytes: [UInt8], streaming keys: [String], _ element: (Int, inout PlainScanner) -> Bool)
        -> JSONValue?
    {
        withoutActuallyEscaping(element) { element in
            bytes.withUnsafeBufferPointer { buffer -> JSONValue? in
                var parser = ByteParser(bytes: buffer)
                parser.streamKeys = keys
                parser.streamElement = element
                return try? parser.document()
            }
        }
    }

    /// Parses the UTF-8 of `text`.
    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for b in bytes[0..<min(max(0, offset), bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// The parser's state: a cursor over the bytes. Errors carry a byte offset, turned into a
/// line and column only when reported.
struct ByteParser {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The top-level members whose array elements go to `streamElement`, with the member's
    /// index here (see `JSONParser.parse(_:streaming:_:)`).
    var streamKeys: [String] = []
    var streamElement: ((Int, inout PlainScanner) -> Bool)?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    mutating func document() throws(Failure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if i < bytes.count { throw Failure(offset: i, message: "unexpected \(describe(at: i)) after the JSON value") }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// "end of input", "'x'" or "byte 0xFF".
    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x\(hex.count < 2 ? "0" + hex : hex)"
    }

    /// "expected X", or "unexpected end of input, expected X" at the end.
    func expected(_ what: String) -> Failure {
        if i >= bytes.count { return Failure(offset: i, message: "unexpected end of input, expected \(what)") }
        return Failure(offset: i, message: "expected \(what)")
    }

    mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        skipWhitespace()
        guard i < bytes.count else { throw expected("a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case Self.quote: return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw Failure(offset: i, message: "expected a value, got \(describe(at: i))")
        }
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        let start = i
        let count = word.utf8CodeUnitCount
        let text = word.utf8Start
        for k in 0..<count {
            guard i + k < bytes.count, bytes[i + k] == text[k] else {
                throw Failure(offset: start, message: "expected a value, got \(describe(at: start))")
            }
        }
        i += count
    }

    mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        if depth > JSONParser.maximumDepth {
            throw Failure(offset: i, message: "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(4)  // most objects (a line, an account's cap) fit; a task grows once
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == Self.quote else { throw expected("a string key") }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw expected("':'") }
            i += 1
            if depth == 1, let streamElement, let stream = streamKeys.firstIndex(of: key) {
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
                    try streamArray(depth: depth + 1) { streamElement(stream, &$0) }
                    members.append((key: key, value: .array([])))
                    skipWhitespace()
                    guard i < bytes.count else { throw expected("',' or '}'") }
                    switch bytes[i] {
                    case UInt8(ascii: ","):
                        i += 1
                        continue
                    case UInt8(ascii: "}"):
                        i += 1
                        return .object(members)
                    default: throw expected("',' or '}'")
                    }
                }
            }
            let value = try parseValue(depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            guard i < bytes.count else { throw expected("',' or '}'") }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return .object(members)
            default: throw expected("',' or '}'")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        if depth > JSONParser.maximumDepth {
            throw Failure(offset: i, message: "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard i < bytes.count else { throw expected("',' or ']'") }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return .array(elements)
            default: throw expected("',' or ']'")
            }
        }
    }

    /// An array whose elements go to `element` one by one; it stops (a failure) when
    /// `element` returns false.
    mutating func streamArray(depth: Int, to element: (inout PlainScanner) -> Bool) throws(Failure) {
        if depth > JSONParser.maximumDepth {
            throw Failure(offset: i, message: "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        i += 1
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            skipWhitespace()
            var scanner = PlainScanner(bytes: bytes, at: i)
            guard element(&scanner) else { throw Failure(offset: i, message: "refused") }
            i = scanner.i
            skipWhitespace()
            guard i < bytes.count else { throw expected("',' or ']'") }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return
            default: throw expected("',' or ']'")
            }
        }
    }

    // MARK: Strings

    /// A string starting at the opening quote `bytes[i]`.
    mutating func parseString() throws(Failure) -> String {
        let start = i
        i += 1
        let contentStart = i
        var seen: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.quote {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<i])
                i += 1
                if seen < 0x80 { return String(decoding: content, as: UTF8.self) }
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw Failure(offset: start, message: "invalid UTF-8 in string")
                }
                return text
            }
            if b == Self.backslash { return try parseEscapedString(start: start, contentStart: contentStart) }
            if b < 0x20 { throw Failure(offset: i, message: "unescaped control character in string") }
            seen |= b
            i += 1
        }
        throw Failure(offset: start, message: "unterminated string")
    }

    /// The slow path, from the first backslash on.
    mutating func parseEscapedString(start: Int, contentStart: Int) throws(Failure) -> String {
        var buffer = Array(bytes[contentStart..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.quote {
                i += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw Failure(offset: start, message: "invalid UTF-8 in string")
                }
                return text
            }
            if b < 0x20 { throw Failure(offset: i, message: "unescaped control character in string") }
            if b != Self.backslash {
                buffer.append(b)
                i += 1
                continue
            }
            let escape = i
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case Self.quote: buffer.append(Self.quote)
            case Self.backslash: buffer.append(Self.backslash)
            case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                i += 1
                var scalar = try hex4(escape: escape)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == Self.backslash, bytes[i + 1] == UInt8(ascii: "u") else {
                        throw Failure(offset: escape, message: "unpaired surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4(escape: escape)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw Failure(offset: escape, message: "unpaired surrogate in \\u escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Failure(offset: escape, message: "unpaired surrogate in \\u escape")
                }
                appendUTF8(scalar, to: &buffer)
                continue
            default:
                throw Failure(offset: escape, message: "invalid escape \\\(describe(at: i).trimmingQuotes)")
            }
            i += 1
        }
        throw Failure(offset: start, message: "unterminated string")
    }

    /// Four hex digits at `i` (advancing past them).
    mutating func hex4(escape: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw Failure(offset: escape, message: "invalid \\u escape") }
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw Failure(offset: escape, message: "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    // MARK: Numbers

    @inline(__always)
    func isDigit(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard isDigit(i) else { throw Failure(offset: start, message: "invalid number") }

        // Significant digits (at most 19) go into `mantissa`; the rest only shift the exponent.
        var mantissa: UInt64 = 0
        var significant = 0
        var truncated = false
        var exponent = 0

        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw Failure(offset: start, message: "invalid number (leading zero)") }
        } else {
            while isDigit(i) {
                let digit = UInt64(bytes[i] - UInt8(ascii: "0"))
                if significant < 19 {
                    mantissa = mantissa * 10 + digit
                    significant += 1
                } else {
                    exponent += 1
                    if digit != 0 { truncated = true }
                }
                i += 1
            }
        }
        var integral = true
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard isDigit(i) else { throw Failure(offset: start, message: "invalid number") }
            while isDigit(i) {
                let digit = UInt64(bytes[i] - UInt8(ascii: "0"))
                if mantissa == 0 && digit == 0 {
                    exponent -= 1  // leading zeros of a fraction are not significant
                } else if significant < 19 {
                    mantissa = mantissa * 10 + digit
                    significant += 1
                    exponent -= 1
                } else if digit != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            integral = false
            i += 1
            var exponentNegative = false
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard isDigit(i) else { throw Failure(offset: start, message: "invalid number") }
            var written = 0
            while isDigit(i) {
                if written < 100_000 { written = written * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }

        if integral && !truncated && exponent == 0 {
            if negative {
                if mantissa <= UInt64(Int.max) + 1 { return .integer(mantissa == UInt64(Int.max) + 1 ? Int.min : -Int(mantissa)) }
            } else if mantissa <= UInt64(Int.max) {
                return .integer(Int(mantissa))
            }
        }
        // Clinger's fast path: exact when the mantissa and the power of ten are exact doubles.
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * Self.powersOfTen[exponent] : value / Self.powersOfTen[-exponent]
            return .number(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text) else { throw Failure(offset: start, message: "invalid number") }
        guard value.isFinite else { throw Failure(offset: start, message: "number out of range: \(InputExcerpt.plain(text))") }
        return .number(value)
    }
}

extension String {
    /// `'x'` → `x`.
    fileprivate var trimmingQuotes: String {
        guard count >= 3, first == "'", last == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
