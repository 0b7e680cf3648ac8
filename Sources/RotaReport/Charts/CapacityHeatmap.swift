import Rota

/// The capacity heatmaps of one plan: account × day purchases against the daily limit, and
/// the purchases of the rolling window ending each day against the soft (else hard) cap.
/// Grouped cells show their fullest account-day.
package struct CapacityHeatmap: Sendable {
    /// Which load a heatmap shows.
    package enum Measure: Sendable {
        case daily
        case rolling
    }

    package let capacity: CapacityModel
    package let frame: ChartFrame

    package init(capacity: CapacityModel) {
        self.capacity = capacity
        let width = min(28, max(14, 700 / Double(max(1, capacity.calendar.days.bins))))
        frame = ChartFrame(calendar: capacity.calendar, accounts: capacity.accounts, cellWidth: width.rounded(.down), cellHeight: 14)
    }

    /// Whether some account has a rolling cap (otherwise there is no rolling heatmap).
    package var hasRollingCaps: Bool { capacity.accounts.contains { $0.rolling.map { $0.soft != nil || $0.hard != nil } ?? false } }

    /// One account-day's load, cap and how full it is.
    private struct Reading {
        var load: Int
        var cap: Int?
        var ratio: Double? { cap.map { $0 > 0 ? Double(load) / Double($0) : (load > 0 ? 2 : 0) } }
    }

    private func reading(_ measure: Measure, account a: Int, day d: Int) -> Reading? {
        let account = capacity.accounts[a]
        switch measure {
        case .daily:
            return Reading(load: capacity.purchases[a * capacity.calendar.dayCount + d], cap: account.dailyLimit)
        case .rolling:
            guard let rolling = account.rolling, let cap = rolling.soft ?? rolling.hard else { return nil }
            return Reading(load: capacity.windowEnding(account: a, day: d, days: rolling.days), cap: cap)
        }
    }

    package func render(_ measure: Measure, label: String) -> BodyNode {
        let calendar = capacity.calendar
        var nodes = frame.background()
        for row in 0..<calendar.rows.bins {
            for column in 0..<calendar.days.bins {
                var worst: (reading: Reading, account: Int, day: Int)?
                var load = 0
                for a in calendar.rows.items(in: row) {
                    for d in calendar.days.items(in: column) {
                        guard let r = reading(measure, account: a, day: d) else { continue }
                        load += r.load
                        if worst == nil || (r.ratio ?? -1) > (worst!.reading.ratio ?? -1) { worst = (r, a, d) }
                    }
                }
                guard let worst, load > 0 || worst.reading.cap != nil else { continue }
                let box = frame.layout.cell(row: row, column: column).inset(dx: 0.5, dy: 0.5)
                let ratio = worst.reading.ratio
                nodes.append(SVG.rect(
                    box, class: ratio == nil ? "nolimit" : "heat", fill: ratio.map(Palette.heat),
                    attributes: [("data-load", String(worst.reading.load))],
                    title: title(measure, worst: worst.reading, account: worst.account, day: worst.day, row: row, column: column, load: load)))
            }
        }
        return SVG.svg(width: frame.layout.width + ChartFrame.dayLabelExtent, height: frame.layout.height + 4, label: label, nodes)
    }

    private func title(_ measure: Measure, worst: Reading, account a: Int, day d: Int, row: Int, column: Int, load: Int) -> String {
        let account = capacity.accounts[a]
        let day = capacity.calendar.day(d).iso
        let grouped = !capacity.calendar.rows.isIdentity || !capacity.calendar.days.isIdentity
        var text: String
        switch measure {
        case .daily:
            text = "\(account.id) on \(day): \(worst.load) purchase(s), daily limit " + (worst.cap.map(String.init) ?? "none")
        case .rolling:
            let rolling = account.rolling!
            text = "\(account.id), \(rolling.days) days to \(day): \(worst.load) purchase(s); soft "
                + (rolling.soft.map(String.init) ?? "none") + ", hard " + (rolling.hard.map(String.init) ?? "none")
        }
        if let ratio = worst.ratio { text += " (\(NumberText.percent(ratio)))" }
        if grouped { text = "fullest of \(frame.rowLabel(row).title), \(capacity.calendar.title(column: column)): " + text }
        return text
    }
}
