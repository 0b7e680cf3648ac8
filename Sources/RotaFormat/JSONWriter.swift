import RotaCore

/// Writes JSON as deterministic UTF-8: pretty (2-space indent, `": "` after keys) or compact
/// (no whitespace at all), keys in the order given, integers without a fraction, other numbers
/// in shortest round-trip form, a final newline. Both forms hold the same values.
///
/// JSON has no infinities or NaN: a non-finite number is written as `null`.
package struct JSONWriter {
    /// The bytes written so far (`PlanWriter` writes into it and drains it in chunks).
    package var out: [UInt8] = []
    /// Whether whitespace is left out.
    package let compact: Bool

    package init(compact: Bool = false) { self.compact = compact }

    /// The document for `value`, ending with a newline.
    package static func write(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.out.reserveCapacity(4096)
        writer.write(value, indent: 0)
        writer.out.append(0x0A)
        return writer.out
    }

    /// The document for `value` as a string.
    package static func string(_ value: JSONValue) -> String {
        String(decoding: write(value), as: UTF8.self)
    }

    /// `text` as a JSON string literal (quotes included).
    package static func encodedString(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.writeString(text)
        return writer.out
    }

    /// `text` as a JSON string literal, for messages: `"a \"b\""`.
    package static func quoted(_ text: String) -> String {
        String(decoding: encodedString(text), as: UTF8.self)
    }

    /// A line break and `indent` spaces; nothing when compact.
    package mutating func newline(_ indent: Int) {
        if compact { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    /// `"key":` (pretty: `"key": `), the key escaped.
    package mutating func writeKey(_ key: String) {
        writeString(key)
        out.append(UInt8(ascii: ":"))
        if !compact { out.append(0x20) }
    }

    /// `value` as it would appear nested `indent` spaces deep (the indent of its own line).
    package mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number):
            writeInteger(number)
        case .number(let number):
            if number.isFinite {
                out.append(contentsOf: number.description.utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let text):
            writeString(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2)
                write(element, indent: indent + 2)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2)
                writeKey(member.key)
                write(member.value, indent: indent + 2)
            }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    package mutating func writeInteger(_ number: Int) {
        if number == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    package mutating func writeString(_ text: String) {
        // Most strings (ids, dates, names) need no escape: their bytes go in at once.
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { JSONEscaping.append(text, to: &out) }
    }
}
