/// Values from input files as error messages echo them: whole when short, else their first
/// 100 characters, "…" and the total length, so that a one-megabyte value still gives a
/// one-line message.
package enum InputExcerpt {
    /// Values longer than this many characters are cut.
    package static let maximumCharacters = 100

    /// `text` in JSON quotes (escaped as rota writes JSON, and DEL as `\u007f`, so that no
    /// control character reaches a terminal), cut when long: `"abc…" (1048576 characters)`.
    package static func quoted(_ text: String) -> String {
        guard let (head, count) = cut(text) else { return escaped(text) }
        return escaped(head + "…") + " (\(count) characters)"
    }

    /// `text` as a JSON string literal, escaped as rota's JSON writer escapes it, and DEL as
    /// `\u007f`.
    private static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        JSONEscaping.append(text, to: &out, escapingDelete: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as it is, cut when long: `abc… (1048576 characters)`.
    package static func plain(_ text: String) -> String {
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
