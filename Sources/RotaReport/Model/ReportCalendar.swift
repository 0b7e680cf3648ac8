import Rota

/// The days and account rows every chart of a report shares: from the first day with a task
/// (or the instance's start) to the last, grouped into columns and rows within the limits, so
/// the Gantt charts of two compared plans line up.
package struct ReportCalendar: Hashable, Sendable {
    package var first: Day
    /// Days from `first` to the last day shown, inclusive.
    package var dayCount: Int
    package var days: Binning
    package var rows: Binning

    /// At most this many days of history before the instance's start are shown.
    package static let historyDays = 366

    package init(first: Day, dayCount: Int, accountCount: Int, limits: ReportLimits) {
        self.first = first
        self.dayCount = max(1, dayCount)
        days = Binning(count: self.dayCount, limit: limits.maxColumns)
        rows = Binning(count: accountCount, limit: limits.maxRows)
    }

    /// The calendar covering `plans` (history before the start included, the whole makespan).
    package init(instance: Instance, plans: [Plan], limits: ReportLimits) {
        var first = instance.start
        var last = instance.start
        for plan in plans {
            for task in plan.tasks {
                if task.date < first { first = task.date }
                if task.date > last { last = task.date }
            }
        }
        // A task far outside the plan's window (a broken plan, which the validator reports)
        // is drawn on the nearest day shown rather than stretching the charts over years.
        first = max(first, instance.start - Self.historyDays)
        last = max(instance.start, min(last, instance.end - 1))
        self.init(first: first, dayCount: last - first + 1, accountCount: instance.accounts.count, limits: limits)
    }

    /// The column of `day` (clamped into the calendar).
    package func column(of day: Day) -> Int { days.bin(of: min(max(0, day - first), dayCount - 1)) }

    /// The day of offset `offset` from `first`.
    package func day(_ offset: Int) -> Day { first + offset }

    /// A column's label: "12-05", or "12-05…" for a bin of several days.
    package func label(column: Int) -> String {
        let range = days.items(in: column)
        let text = String(day(range.lowerBound).iso.dropFirst(5))
        return days.isIdentity ? text : text + "…"
    }

    /// A column's days in words: "2026-12-05" or "2026-12-05 to 2026-12-11".
    package func title(column: Int) -> String {
        let range = days.items(in: column)
        let a = day(range.lowerBound).iso
        return range.count <= 1 ? a : a + " to " + day(range.upperBound - 1).iso
    }
}
