/// A calendar day (ISO `YYYY-MM-DD`), stored as a count of days since 1970-01-01.
///
/// Day arithmetic is in whole days and independent of time zones and locales.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// 0000-01-01, the first day a date `YYYY-MM-DD` can name.
    public static let earliest = Day(ordinal: -719_528)
    /// 9999-12-31, the last day a date `YYYY-MM-DD` can name: no task, due date or horizon of
    /// an instance goes past it.
    public static let latest = Day(ordinal: 2_932_896)

    /// The day with this proleptic-Gregorian date, or `nil` when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day); `nil` otherwise.
    public init?(iso text: String) {
        // Ten bytes at most are read, with no copy of the text (a plan has a million dates).
        var digits = (0, 0, 0)
        var count = 0
        var valid = true
        for b in text.utf8 {
            count += 1
            guard count <= 10 else {
                valid = false
                break
            }
            if count == 5 || count == 8 {
                if b != UInt8(ascii: "-") { valid = false }
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else {
                valid = false
                break
            }
            let digit = Int(b - UInt8(ascii: "0"))
            switch count {
            case 1...4: digits.0 = digits.0 * 10 + digit
            case 6...7: digits.1 = digits.1 * 10 + digit
            default: digits.2 = digits.2 * 10 + digit
            }
        }
        guard valid, count == 10 else { return nil }
        self.init(year: digits.0, month: digits.1, day: digits.2)
    }

    /// Writes the ISO form's 10 bytes at `out` and answers true when the year has four digits
    /// (0 to 9999: every day from `earliest` to `latest`); writes nothing and answers false
    /// otherwise (`appendISO` writes those). The plan writer's fast path.
    @inline(__always)
    package func writeISO(at out: UnsafeMutablePointer<UInt8>) -> Bool {
        let c = components
        guard c.year >= 0 && c.year <= 9999 else { return false }
        out[0] = UInt8(ascii: "0") + UInt8(c.year / 1000)
        out[1] = UInt8(ascii: "0") + UInt8(c.year / 100 % 10)
        out[2] = UInt8(ascii: "0") + UInt8(c.year / 10 % 10)
        out[3] = UInt8(ascii: "0") + UInt8(c.year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(ascii: "0") + UInt8(c.month / 10)
        out[6] = UInt8(ascii: "0") + UInt8(c.month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(ascii: "0") + UInt8(c.day / 10)
        out[9] = UInt8(ascii: "0") + UInt8(c.day % 10)
        return true
    }

    /// Appends the ISO form, `YYYY-MM-DD` (the bytes of `iso`), to `out`.
    package func appendISO(to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 10))
        if out.withUnsafeMutableBufferPointer({ writeISO(at: $0.baseAddress! + start) }) { return }
        out.removeLast(10)
        let c = components
        func put(_ value: Int, _ width: Int) {
            // Wider values (a year past 9999) are written in full, as `iso` does.
            let text = Array(String(value).utf8)
            if text.count < width {
                for _ in 0..<(width - text.count) { out.append(UInt8(ascii: "0")) }
            }
            out.append(contentsOf: text)
        }
        put(c.year, 4)
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(ascii: "0") + UInt8(c.month / 10))
        out.append(UInt8(ascii: "0") + UInt8(c.month % 10))
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(ascii: "0") + UInt8(c.day / 10))
        out.append(UInt8(ascii: "0") + UInt8(c.day % 10))
    }

    /// (year, month, day) of this day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The ISO form, `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal + days) }
    public static func - (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal - days) }
    /// Whole days from `b` to `a`.
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
