import Rota

/// What every account × day chart draws around its cells: day labels on top (every few days,
/// so labels never overlap), account labels on the left (grouped accounts as "first … last"),
/// alternating row bands and days off shaded.
package struct ChartFrame: Sendable {
    package let layout: GridLayout
    package let calendar: ReportCalendar
    package let accounts: [Account]

    /// A day label's width in user units at the report's 10px label font ("12-05…"); charts
    /// leave as much room on the right, so the last label is never cut.
    static let dayLabelExtent = 34.0
    /// Account labels longer than this are cut (the full name is in the tooltip).
    static let labelCharacters = 22

    package init(calendar: ReportCalendar, accounts: [Account], cellWidth: Double, cellHeight: Double) {
        self.calendar = calendar
        self.accounts = accounts
        layout = GridLayout(
            rowCount: calendar.rows.bins, columnCount: calendar.days.bins, cellWidth: cellWidth,
            cellHeight: cellHeight, labelWidth: 160, headerHeight: 24)
    }

    /// The accounts of row `row`.
    package func accounts(in row: Int) -> ArraySlice<Account> { accounts[calendar.rows.items(in: row)] }

    /// A row's label and its tooltip.
    package func rowLabel(_ row: Int) -> (text: String, title: String) {
        let group = accounts(in: row)
        guard let first = group.first, let last = group.last else { return ("", "") }
        if group.count == 1 { return (Self.cut(first.id.rawValue), first.id.rawValue) }
        return (
            Self.cut(first.id.rawValue, to: 10) + " … " + Self.cut(last.id.rawValue, to: 10),
            "\(group.count) accounts: \(first.id) … \(last.id)"
        )
    }

    static func cut(_ s: String, to limit: Int = labelCharacters) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// Header labels, row bands with account labels, and shaded days off.
    package func background() -> [BodyNode] {
        var nodes: [BodyNode] = []
        let stride = layout.labelStride(labelExtent: Self.dayLabelExtent)
        for column in Swift.stride(from: 0, to: calendar.days.bins, by: stride) {
            nodes.append(
                SVG.text(
                    calendar.label(column: column), x: layout.columns.position(column), y: layout.headerHeight - 8,
                    class: "dl", title: calendar.title(column: column)))
        }
        for row in 0..<calendar.rows.bins {
            let band = layout.rowBand(row)
            let label = rowLabel(row)
            nodes.append(SVG.rect(band, class: row % 2 == 0 ? "band" : "band odd", attributes: [("data-row", label.title)]))
            nodes.append(SVG.text(label.text, x: layout.labelWidth - 6, y: band.midY + 3.5, anchor: "end", class: "rl", title: label.title))
        }
        nodes += daysOff()
        return nodes
    }

    /// Cells where accounts are off: opaque for one account's day, proportionally paler for
    /// grouped cells where only some account-days are off.
    private func daysOff() -> [BodyNode] {
        var counts = [Int](repeating: 0, count: calendar.rows.bins * calendar.days.bins)
        for (a, account) in accounts.enumerated() {
            for day in account.unavailable {
                let offset = day - calendar.first
                guard offset >= 0, offset < calendar.dayCount else { continue }
                counts[calendar.rows.bin(of: a) * calendar.days.bins + calendar.days.bin(of: offset)] += 1
            }
        }
        var nodes: [BodyNode] = []
        for row in 0..<calendar.rows.bins {
            for column in 0..<calendar.days.bins {
                let count = counts[row * calendar.days.bins + column]
                guard count > 0 else { continue }
                let capacity = calendar.rows.items(in: row).count * calendar.days.items(in: column).count
                let share = Double(count) / Double(max(1, capacity))
                nodes.append(
                    SVG.rect(
                        layout.cell(row: row, column: column), class: "off", opacity: share < 1 ? max(0.2, share) : nil,
                        title: "\(count) account-day(s) off of \(capacity), \(calendar.title(column: column))"))
            }
        }
        return nodes
    }
}
