import RotaCore

/// Day arithmetic that cannot trap, for caps and lags read from untrusted input.
extension Day {
    /// Days from `other` to this day, saturating at the ends of `Int`.
    func days(since other: Day) -> Int {
        let (difference, overflow) = ordinal.subtractingReportingOverflow(other.ordinal)
        guard overflow else { return difference }
        return ordinal > other.ordinal ? Int.max : Int.min
    }

    /// This day moved by `days`, or `nil` when that leaves any sensible calendar
    /// (more than about 27,000 years from 1970).
    func adding(days: Int) -> Day? {
        let (ordinal, overflow) = ordinal.addingReportingOverflow(days)
        guard !overflow, abs(ordinal) <= 10_000_000 else { return nil }
        return Day(ordinal: ordinal)
    }

    /// "2026-12-07", or "N days after 2026-12-02" when the day is off the calendar.
    func describe(adding days: Int) -> String {
        adding(days: days)?.iso ?? "\(days) days after \(iso)"
    }
}
