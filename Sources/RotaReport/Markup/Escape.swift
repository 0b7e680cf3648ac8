/// XML escaping for text and attribute values. Plot escapes `<` and `>` in text but passes
/// `&name;` sequences through and leaves attribute values as they are, so every string that
/// comes from an input file (ids, reasons, actors) goes through here first: the output is
/// well-formed XHTML whatever the ids contain.
package enum Escape {
    /// Text content: `&`, `<`, `>` escaped.
    package static func text(_ s: String) -> String { escape(s, quotes: false) }

    /// An attribute value (in double quotes): also `"` escaped, and newlines kept as `&#10;`.
    package static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || (quotes && (b == 0x22 || b == 0x0A)) || b < 0x09 {
            needs = true
            break
        }
        guard needs else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22 where quotes: out.append(contentsOf: "&quot;".utf8)
            case 0x0A where quotes: out.append(contentsOf: "&#10;".utf8)
            // Control characters are not allowed in XML 1.0: shown as a replacement character.
            case 0..<0x09, 0x0B, 0x0C, 0x0E..<0x20: out.append(contentsOf: "\u{FFFD}".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
