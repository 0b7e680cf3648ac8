import RotaCore

/// A cursor over UTF-8 bytes that reads values in rota's own layout straight into Swift
/// values, with no document tree (the tree-free reader of `PlanDecoder.streamed` and
/// `InstanceDecoder.streamed`).
///
/// It is deliberately narrow: strings (plain printable ASCII on the fast path; escapes and
/// other UTF-8 decoded on a slow one), integers and decimal numbers without exponents, dates
/// `YYYY-MM-DD`, keys and enumerations as plain ASCII. Whatever else it meets
/// — another layout, an escaped key, a bad date, an exponent, malformed JSON — makes it answer
/// `nil` or `false`; the caller then reads the whole document with the checked tree reader,
/// which accepts what this accepts with the same values and reports every problem with its
/// JSON path. So the scanner never decides what an error message says.
struct PlainScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var i: Int

    init(bytes: UnsafeBufferPointer<UInt8>, at i: Int) {
        self.bytes = bytes
        self.i = i
    }

    private static let quote = UInt8(ascii: "\"")

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// Skips whitespace and then `byte`, if it is next.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// Whether the next non-blank byte is `byte` (not consumed).
    @inline(__always)
    mutating func peek(_ byte: UInt8) -> Bool {
        skipWhitespace()
        return i < bytes.count && bytes[i] == byte
    }

    /// The bytes between the quotes of the next string, when it is plain: printable ASCII
    /// (0x20…0x7E) with no backslash. The cursor moves past the closing quote.
    @inline(__always)
    mutating func plainBytes() -> UnsafeBufferPointer<UInt8>? {
        guard take(Self.quote) else { return nil }
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.quote {
                let content = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                return content
            }
            // Control characters, DEL, escapes and non-ASCII are the checked reader's business.
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        return nil
    }

    /// A member key followed by `:`; the key's bytes.
    @inline(__always)
    mutating func key() -> UnsafeBufferPointer<UInt8>? {
        guard let key = plainBytes(), take(UInt8(ascii: ":")) else { return nil }
        return key
    }

    /// A name as `JSONReader.name` accepts it: a string without control characters.
    mutating func plainString() -> String? {
        let start = i
        if let text = plainBytes() { return String(decoding: text, as: UTF8.self) }
        i = start
        guard let text = escapedString(), !JSONReader.hasControlCharacter(text) else { return nil }
        return text
    }

    /// An id as `JSONReader.identifier` accepts it: a non-empty string without control characters.
    mutating func identifier() -> String? {
        identifier(reusing: nil)
    }

    /// An id, reusing `previous` when the bytes spell it (consecutive tasks share their line,
    /// order, item and account: no new string is made for them).
    mutating func identifier(reusing previous: String?) -> String? {
        let start = i
        if let text = plainBytes() {
            guard !text.isEmpty else { return nil }
            if let previous, Self.spells(text, previous) { return previous }
            return String(decoding: text, as: UTF8.self)
        }
        i = start
        guard let text = escapedString(), !text.isEmpty, !JSONReader.hasControlCharacter(text) else { return nil }
        return text
    }

    /// The next string with its escapes decoded as JSON says (RFC 8259: `\"`, `\\`, `\/`,
    /// `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX` with surrogate pairs) and its UTF-8 validated:
    /// the slow path of strings that are not plain. `nil` for anything malformed (the checked
    /// reader then reports it).
    mutating func escapedString() -> String? {
        guard take(Self.quote) else { return nil }
        var buffer: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == Self.quote { return String(validating: buffer, as: UTF8.self) }
            guard b >= 0x20 else { return nil }
            guard b == UInt8(ascii: "\\") else {
                buffer.append(b)
                continue
            }
            guard i < bytes.count else { return nil }
            let escape = bytes[i]
            i += 1
            switch escape {
            case Self.quote, UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        return nil
                    }
                    i += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }  // a lone low surrogate
                UTF8.encode(unicode) { buffer.append($0) }
            default:
                return nil
            }
        }
        return nil
    }

    /// Four hex digits (advancing past them).
    private mutating func hex4() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { return nil }
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// Whether `text` is exactly the UTF-8 of `string`.
    @inline(__always)
    static func spells(_ text: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            guard utf8.count == text.count else { return false }
            for k in 0..<text.count where utf8[k] != text[k] { return false }
            return true
        }
    }

    /// A date `YYYY-MM-DD` that exists (what `Day(iso:)` accepts).
    mutating func day() -> Day? {
        guard let text = plainBytes(), text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-")
        else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<(from + count) {
                let b = text[k]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Whether the bytes are exactly `word`.
    @inline(__always)
    static func equals(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let start = word.utf8Start
        for k in 0..<text.count where text[k] != start[k] { return false }
        return true
    }

    /// A number written as an integer (optional minus, no leading zero) that fits well within
    /// an `Int` (at most 18 digits).
    mutating func integer() -> Int? {
        skipWhitespace()
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            // Past 18 digits the number is refused below; stop adding before it could overflow.
            if i - start < 18 { value = value * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
            i += 1
        }
        let count = i - start
        guard count >= 1, count <= 18, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        // A fraction or exponent after the digits: not an integer in this layout.
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            return nil
        }
        return negative ? -value : value
    }

    /// A number with an optional fraction and no exponent (at most 18 characters), as the
    /// correctly rounded `Double` (what the parser gives too).
    mutating func number() -> Double? {
        skipWhitespace()
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        var digits = 0
        var dot = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
            } else if b == UInt8(ascii: "."), !dot, digits > 0 {
                dot = true
                digits = 0  // at least one digit must follow the dot
            } else {
                break
            }
            i += 1
        }
        guard digits > 0, i - start <= 18 else { return nil }
        // No leading zero ("01"), as JSON says.
        if bytes[digitsStart] == UInt8(ascii: "0"), digitsStart + 1 < i, bytes[digitsStart + 1] != UInt8(ascii: ".") {
            return nil
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
        if !dot {
            // An integer: the parser gives `.integer`, read as `Double(Int)` (so "-0" is 0).
            i = start
            return integer().map(Double.init)
        }
        return Double(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
    }

    /// Any JSON number, read by the document parser's own number reader (`ByteParser.parseNumber`),
    /// so the value is the one the checked reader would get: an integer as `Double(Int)`,
    /// anything else correctly rounded. `nil` when the next value is not a number.
    mutating func anyNumber() -> Double? {
        skipWhitespace()
        guard i < bytes.count else { return nil }
        var parser = ByteParser(bytes: bytes)
        parser.i = i
        guard let value = try? parser.parseNumber(), let number = value.doubleValue else { return nil }
        i = parser.i
        return number
    }

    /// After a member's value: `,` (true, more members) or the `close` byte (false, done);
    /// `nil` for anything else.
    @inline(__always)
    mutating func next(closing close: UInt8) -> Bool? {
        skipWhitespace()
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") {
            i += 1
            return true
        }
        if bytes[i] == close {
            i += 1
            return false
        }
        return nil
    }
}
