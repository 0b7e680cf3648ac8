/// JSON string literals as rota writes them: `"` and `\` escaped, newline, carriage return and
/// tab as `\n`, `\r`, `\t`, other control characters as `\u00XX`, everything else as is. The
/// JSON writer and the quoting of input values in error messages share it.
package enum JSONEscaping {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string literal to `out`; with `escapingDelete`, DEL (U+007F)
    /// too is written `\u007f`, so that no control character reaches a terminal.
    package static func append(_ text: String, to out: inout [UInt8], escapingDelete: Bool = false) {
        out.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""):
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "\\"))
            case 0x0A:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                appendUnicodeEscape(b, to: &out)
            case 0x7F where escapingDelete:
                appendUnicodeEscape(b, to: &out)
            default:
                out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u00XX` for a byte below 0x80.
    private static func appendUnicodeEscape(_ b: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u00".utf8)
        out.append(hexDigits[Int(b >> 4)])
        out.append(hexDigits[Int(b & 0x0F)])
    }
}
