/// Values from input files as error messages echo them: whole when short, else their first
/// 100 characters, "…" and the total length, so that a one-megabyte value still gives a
/// one-line message.
public enum InputExcerpt {
    /// Values longer than this many characters are cut.
    public static let maximumCharacters = 100

    /// `text` in JSON quotes (escaped as rota writes JSON, and DEL as `\u007f`, so that no
    /// control character reaches a terminal), cut when long: `"abc…" (1048576 characters)`.
    public static func quoted(_ text: String) -> String {
        guard let (head, count) = cut(text) else { return escaped(text) }
        return escaped(head + "…") + " (\(count) characters)"
    }

    /// `text` as a JSON string literal, escaped as rota's JSON writer escapes it (`\"`, `\\`,
    /// `\n`, `\r`, `\t`, other control characters as `\u00XX`), and DEL as `\u007f`.
    private static func escaped(_ text: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20, 0x7F: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as it is, cut when long: `abc… (1048576 characters)`.
    public static func plain(_ text: String) -> String {
        guard let (head, count) = cut(text) else { return text }
        return head + "… (\(count) characters)"
    }

    /// The first `maximumCharacters` characters and the total, or `nil` when `text` is short.
    private static func cut(_ text: String) -> (head: String, count: Int)? {
        // Cheap test first: a short text in UTF-8 bytes is short in characters too.
        guard text.utf8.count > maximumCharacters else { return nil }
        let count = text.count
        guard count > maximumCharacters else { return nil }
        return (String(text.prefix(maximumCharacters)), count)
    }
}
