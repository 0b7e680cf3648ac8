import RotaCore

/// RFC 3339 timestamps, as events record when they happened (`2026-12-05T09:14:00Z`,
/// `2026-12-05T10:14:00.250+01:00`).
enum Timestamp {
    /// Whether `text` is `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`,
    /// with an existing date and time (a leap second, `:60`, is allowed as RFC 3339 allows it).
    static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 40 else { return false }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<from + count {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            b[16] == UInt8(ascii: ":"), let second = digits(17, 2),
            Day(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second <= 60
        else { return false }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count,
            let offsetHours = digits(i + 1, 2), b[i + 3] == UInt8(ascii: ":"), let offsetMinutes = digits(i + 4, 2)
        else { return false }
        return offsetHours < 24 && offsetMinutes < 60
    }
}
