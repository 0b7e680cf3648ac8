import RotaCore

/// Reads typed fields out of a parsed document, recording every problem with its JSON path
/// instead of stopping at the first.
///
/// The path is a stack of keys and indices pushed while descending (`at(_:_:)`), rendered as
/// text only when a problem is reported. Readers return `nil` after reporting a problem, so
/// decoding goes on and collects the problems of the whole document.
final class JSONReader {
    enum Component {
        case key(String)
        case index(Int)
    }

    let file: String?
    private var components: [Component] = []
    private(set) var errors: [InputError] = []

    init(file: String?) { self.file = file }

    var hasErrors: Bool { !errors.isEmpty }

    /// The current path, e.g. `orders[3].lines[0]`.
    var path: String { Self.render(components) }

    static func render(_ components: [Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if isPlainKey(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\(InputExcerpt.quoted(key))]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// `path` extended by `key` (`a.b`, or `a["odd key"]`).
    static func appending(_ path: String, key: String) -> String {
        if isPlainKey(key) { return path.isEmpty ? key : path + "." + key }
        return path + "[\(InputExcerpt.quoted(key))]"
    }

    /// A key written bare in a path: short, letters, digits, `_` and `-` only (others are
    /// quoted in brackets, and cut when long).
    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= InputExcerpt.maximumCharacters
            && key.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
                    || b == 0x2D
            }
    }

    /// Reports a problem at the current path.
    func fail(_ message: String) {
        errors.append(InputError(file: file, path: path, message: message))
    }

    /// Reports a problem at the current path extended by `key`.
    func fail(_ key: String, _ message: String) {
        at(key) { fail(message) }
    }

    func at<T>(_ key: String, _ body: () -> T) -> T {
        components.append(.key(key))
        defer { components.removeLast() }
        return body()
    }

    func at<T>(_ index: Int, _ body: () -> T) -> T {
        components.append(.index(index))
        defer { components.removeLast() }
        return body()
    }

    // MARK: Whole values, at the current path

    /// The members of an object, or `nil` (reported) for anything else.
    func object(_ value: JSONValue) -> JSONObjectView? {
        if case .object(let members) = value { return JSONObjectView(members: members) }
        fail("expected an object, got \(value.kindDescription)")
        return nil
    }

    /// Each element of an array decoded by `body` at its index; elements that fail are left out.
    func elements<T>(_ value: JSONValue, _ body: (JSONValue) -> T?) -> [T]? {
        guard case .array(let values) = value else {
            fail("expected an array, got \(value.kindDescription)")
            return nil
        }
        var result: [T] = []
        result.reserveCapacity(values.count)
        for (index, element) in values.enumerated() {
            components.append(.index(index))
            if let decoded = body(element) { result.append(decoded) }
            components.removeLast()
        }
        return result
    }

    func string(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        fail("expected a string, got \(value.kindDescription)")
        return nil
    }

    /// An id: a non-empty string without control characters.
    func identifier(_ value: JSONValue) -> String? {
        guard let text = string(value) else { return nil }
        guard !text.isEmpty else {
            fail("expected a non-empty id")
            return nil
        }
        return withoutControlCharacters(text, "an id")
    }

    /// A name (of an instance, a client, a tier): a string without control characters.
    func name(_ value: JSONValue) -> String? {
        guard let text = string(value) else { return nil }
        return withoutControlCharacters(text, "a name")
    }

    /// `text`, or `nil` (reported) when it holds a control character (U+0000–U+001F, U+007F),
    /// which would break the lines of reports and the names of exported models.
    private func withoutControlCharacters(_ text: String, _ what: String) -> String? {
        guard Self.hasControlCharacter(text) else { return text }
        fail("expected \(what) without control characters (U+0000–U+001F, U+007F), got \(InputExcerpt.quoted(text))")
        return nil
    }

    static func hasControlCharacter(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    }

    func int(_ value: JSONValue) -> Int? {
        switch value {
        case .integer(let number):
            return number
        case .number(let number):
            if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 { return Int(number) }
            fail("expected an integer, got \(number)")
            return nil
        default:
            fail("expected an integer, got \(value.kindDescription)")
            return nil
        }
    }

    func double(_ value: JSONValue) -> Double? {
        if let number = value.doubleValue { return number }
        fail("expected a number, got \(value.kindDescription)")
        return nil
    }

    func day(_ value: JSONValue) -> Day? {
        guard let text = string(value) else { return nil }
        if let day = Day(iso: text) { return day }
        fail("expected a date YYYY-MM-DD, got \(InputExcerpt.quoted(text))")
        return nil
    }

    /// One of the enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ value: JSONValue, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let text = string(value) else { return nil }
        if let result = E(rawValue: text) { return result }
        var names = E.allCases.map { JSONWriter.quoted($0.rawValue) }
        let last = names.popLast() ?? ""
        let list = names.isEmpty ? last : names.joined(separator: ", ") + " or " + last
        fail("expected \(list), got \(InputExcerpt.quoted(text))")
        return nil
    }

    /// An object whose values are all decoded by `body` (keys kept as written, first wins).
    /// Keys that are names (tiers, index names) may not hold control characters.
    func map<T>(_ value: JSONValue, keysAreNames: Bool = false, _ body: (JSONValue) -> T?) -> [String: T]? {
        guard let view = object(value) else { return nil }
        var result: [String: T] = [:]
        result.reserveCapacity(view.members.count)
        for member in view.members {
            guard result[member.key] == nil else {
                fail(member.key, "given more than once")
                continue
            }
            if keysAreNames, Self.hasControlCharacter(member.key) {
                fail(member.key, "expected a name without control characters (U+0000–U+001F, U+007F)")
                continue
            }
            if let decoded = at(member.key, { body(member.value) }) { result[member.key] = decoded }
        }
        return result
    }

    // MARK: Fields of an object

    /// The field's value. Absent: `nil`, reported as `missing` when required. `null`: `nil`
    /// for an optional field (absent and null mean the same), kept for a required one so that
    /// its type check reports it.
    func field(_ view: JSONObjectView, _ key: String, required: Bool) -> JSONValue? {
        var found: JSONValue?
        var repeated = false
        for member in view.members where member.key == key {
            if found == nil { found = member.value } else { repeated = true }
        }
        if repeated { fail(key, "given more than once") }
        guard let found else {
            if required { fail(key, "missing") }
            return nil
        }
        if case .null = found, !required { return nil }
        return found
    }

    func string(_ view: JSONObjectView, _ key: String, required: Bool = false) -> String? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { string(value) }
    }

    func identifier(_ view: JSONObjectView, _ key: String, required: Bool = false) -> String? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { identifier(value) }
    }

    func name(_ view: JSONObjectView, _ key: String, required: Bool = false) -> String? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { name(value) }
    }

    func int(_ view: JSONObjectView, _ key: String, required: Bool = false) -> Int? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { int(value) }
    }

    func double(_ view: JSONObjectView, _ key: String, required: Bool = false) -> Double? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { double(value) }
    }

    func day(_ view: JSONObjectView, _ key: String, required: Bool = false) -> Day? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { day(value) }
    }

    func choice<E: RawRepresentable & CaseIterable>(
        _ view: JSONObjectView, _ key: String, _ type: E.Type, required: Bool = false
    ) -> E? where E.RawValue == String {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { choice(value, type) }
    }

    /// A cap: absent gives `defaultValue`, `null` means unlimited (`nil`). A required cap
    /// reports `missing` when absent but still takes `null` as unlimited. After a reported
    /// problem the result is `defaultValue` (the document is rejected anyway).
    func cap(_ view: JSONObjectView, _ key: String, default defaultValue: Int?, required: Bool = false) -> Int? {
        guard let value = field(view, key, required: false) else {
            if view.has(key) { return nil }  // null: unlimited
            if required { fail(key, "missing") }
            return defaultValue
        }
        return at(key) { int(value) } ?? defaultValue
    }

    /// A nested object field (absent or `null` is `nil` when optional).
    func object(_ view: JSONObjectView, _ key: String, required: Bool = false) -> JSONObjectView? {
        guard let value = field(view, key, required: required) else { return nil }
        return at(key) { object(value) }
    }
}

/// The members of one JSON object, as read by `JSONReader`.
struct JSONObjectView {
    let members: [(key: String, value: JSONValue)]

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
}
