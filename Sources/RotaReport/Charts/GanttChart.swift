import Rota

/// A plan's Gantt chart: accounts as rows, days as columns. Up to `ReportLimits.detailLines`
/// lines (and no grouped rows or days) each task is a mark, the purchase in a cell's upper
/// half and the review in its lower half, coloured by SLA tier, grouped per line with a
/// tooltip (task, line, order, tier, due date and, up to `explainedLines`, "why this day")
/// and a link from purchase to review that hovering brings out. Above that, each cell shows
/// its task count, shaded by volume and coloured by its main tier. Purchases pinned by an
/// override are outlined (`pin`) and their tooltip names the reason code and actor.
package struct GanttChart: Sendable {
    /// Which of a line's tasks to highlight, as "moved" (`mv`, in the candidate) or "moved
    /// from" (`mvfrom`, in the baseline).
    package struct Highlight: Sendable {
        package var purchases: Set<Int>
        package var reviews: Set<Int>
        package var className: String

        package init(purchases: Set<Int> = [], reviews: Set<Int> = [], className: String = "mv") {
            self.purchases = purchases
            self.reviews = reviews
            self.className = className
        }
    }

    /// More marks of one kind in a cell than this are drawn as one bar with their count.
    static let marksPerHalf = 6

    package let facts: PlanFacts
    package let index: ReportIndex
    package let frame: ChartFrame
    package let limits: ReportLimits
    /// "Why this day" per line index (empty above `explainedLines`).
    package let explanations: [Int: String]
    package let highlight: Highlight
    /// Lines whose purchase an override pins (line index → the pin's tooltip text): the
    /// purchase mark gets the `pin` outline (and, aggregated, the cell counts them).
    package let pins: [Int: String]

    package init(
        facts: PlanFacts, index: ReportIndex, calendar: ReportCalendar, limits: ReportLimits,
        explanations: [Int: String], highlight: Highlight = Highlight(), pins: [Int: String] = [:]
    ) {
        self.pins = pins
        self.facts = facts
        self.index = index
        self.limits = limits
        self.explanations = explanations
        self.highlight = highlight
        let detailed = Self.isDetailed(lines: index.lines.count, calendar: calendar, limits: limits)
        // Few days get wider cells (up to 40 units), so a short plan still fills the page.
        let width = detailed ? min(40, max(18, 1000 / Double(max(1, calendar.days.bins)))) : 24
        frame = ChartFrame(
            calendar: calendar, accounts: index.accounts, cellWidth: width.rounded(.down), cellHeight: detailed ? 24 : 18)
    }

    /// Whether every task gets its own mark.
    package static func isDetailed(lines: Int, calendar: ReportCalendar, limits: ReportLimits) -> Bool {
        lines <= limits.detailLines && calendar.rows.isIdentity && calendar.days.isIdentity
    }

    package var isDetailed: Bool { Self.isDetailed(lines: index.lines.count, calendar: frame.calendar, limits: limits) }

    package func render(label: String) -> BodyNode {
        let layout = frame.layout
        let marks = isDetailed ? detailMarks() : countMarks()
        return SVG.svg(width: layout.width + ChartFrame.dayLabelExtent, height: layout.height + 4, label: label, frame.background() + marks)
    }

    private func cellIndex(_ slot: PlanFacts.Slot) -> Int {
        frame.calendar.rows.bin(of: slot.account) * frame.calendar.days.bins + frame.calendar.column(of: slot.day)
    }

    // MARK: one mark per task

    private func detailMarks() -> [BodyNode] {
        let layout = frame.layout
        let columns = frame.calendar.days.bins
        let cells = frame.calendar.rows.bins * columns
        var purchasesIn = [[Int]](repeating: [], count: cells)
        var reviewsIn = [[Int]](repeating: [], count: cells)
        for l in index.lines.indices {
            if let p = facts.purchase[l] { purchasesIn[cellIndex(p)].append(l) }
            if let r = facts.review[l] { reviewsIn[cellIndex(r)].append(l) }
        }
        var purchaseBox = [Box?](repeating: nil, count: index.lines.count)
        var reviewBox = [Box?](repeating: nil, count: index.lines.count)
        var nodes: [BodyNode] = []
        for cell in 0..<cells {
            let row = cell / columns
            let column = cell % columns
            for (review, lines) in [(false, purchasesIn[cell]), (true, reviewsIn[cell])] where !lines.isEmpty {
                if lines.count > Self.marksPerHalf {
                    nodes.append(crowded(lines, review: review, row: row, column: column))
                    continue
                }
                for (slot, l) in lines.enumerated() {
                    let box = layout.mark(row: row, column: column, review: review, slot: slot, of: lines.count)
                    if review { reviewBox[l] = box } else { purchaseBox[l] = box }
                }
            }
        }
        let linked = explanationsShown
        for l in index.lines.indices where purchaseBox[l] != nil || reviewBox[l] != nil {
            var children: [BodyNode] = []
            if linked, let p = purchaseBox[l], let r = reviewBox[l] {
                children.append(SVG.line(layout.link(from: p, to: r), class: "lk"))
            }
            if let box = purchaseBox[l], let slot = facts.purchase[l] {
                children.append(mark(box, slot: slot, line: l, review: false))
            }
            if let box = reviewBox[l], let slot = facts.review[l] {
                children.append(mark(box, slot: slot, line: l, review: true))
            }
            nodes.append(
                SVG.group(class: "ln", attributes: [("data-line", index.lines[l].id.rawValue)], title: tooltip(l), children))
        }
        return nodes
    }

    private var explanationsShown: Bool { !explanations.isEmpty }

    private func mark(_ box: Box, slot: PlanFacts.Slot, line l: Int, review: Bool) -> BodyNode {
        var classes = (review ? "r t" : "p t") + String(index.lineTier[l])
        if slot.status == .completed { classes += " done" }
        if (review ? highlight.reviews : highlight.purchases).contains(l) { classes += " " + highlight.className }
        var attributes = [("data-task", slot.task.rawValue)]
        if !review, pins[l] != nil {
            classes += " pin"
            attributes.append(("data-pinned", "true"))
        }
        return SVG.rect(box, class: classes, attributes: attributes)
    }

    /// A half-cell with too many tasks for marks: one bar with the count.
    private func crowded(_ lines: [Int], review: Bool, row: Int, column: Int) -> BodyNode {
        let layout = frame.layout
        let box = layout.mark(row: row, column: column, review: review, slot: 0, of: 1)
        let slots = lines.compactMap { review ? facts.review[$0] : facts.purchase[$0] }
        let kind = review ? "reviews" : "purchases"
        let named = lines.prefix(12).map { index.lines[$0].id.rawValue }.joined(separator: ", ")
        let title = "\(lines.count) \(kind) on \(frame.calendar.title(column: column)): \(named)"
            + (lines.count > 12 ? ", …" : "")
        let moved = lines.filter { (review ? highlight.reviews : highlight.purchases).contains($0) }.count
        let pinned = review ? 0 : lines.filter { pins[$0] != nil }.count
        return SVG.group(class: "many", title: title + (moved > 0 ? "; \(moved) moved" : "") + (pinned > 0 ? "; \(pinned) pinned" : ""), [
            SVG.rect(box, class: "crowd" + (moved > 0 ? " " + highlight.className : ""),
                     attributes: [("data-tasks", slots.map(\.task.rawValue).joined(separator: " "))]),
            SVG.text(String(lines.count), x: box.midX, y: box.maxY - 2, anchor: "middle", class: "cn"),
        ])
    }

    /// The tooltip of a line's marks.
    private func tooltip(_ l: Int) -> String {
        let line = index.lines[l]
        var out = "\(line.id) · order \(line.order) · item \(line.item)"
        out += "\ntier \(index.tiers[index.lineTier[l]]) · due " + (line.due?.iso ?? "none")
        if let p = facts.purchase[l] {
            out += "\npurchase \(p.task) by \(index.accounts[p.account].id) on \(p.day.iso)"
                + (p.status == .completed ? " (done)" : "")
        }
        if let r = facts.review[l] {
            out += "\nreview \(r.task) by \(index.accounts[r.account].id) on \(r.day.iso)"
                + (r.status == .completed ? " (done)" : "")
            if let due = line.due, r.day > due { out += " · \(r.day - due) day(s) late" }
        }
        if highlight.purchases.contains(l) || highlight.reviews.contains(l) {
            out += highlight.className == "mv" ? "\nmoved from the baseline" : "\nmoved in the candidate"
        }
        if let pin = pins[l] { out += "\n" + pin }
        if let why = explanations[l] { out += "\nwhy this day:\n" + why }
        return out
    }

    // MARK: counts per cell

    private func countMarks() -> [BodyNode] {
        let layout = frame.layout
        let columns = frame.calendar.days.bins
        let cells = frame.calendar.rows.bins * columns
        let tiers = index.tiers.count
        var purchases = [Int](repeating: 0, count: cells)
        var reviews = [Int](repeating: 0, count: cells)
        var byTier = [Int](repeating: 0, count: cells * max(1, tiers))
        var moved = [Int](repeating: 0, count: cells)
        var pinned = [Int](repeating: 0, count: cells)
        for l in index.lines.indices {
            let t = index.lineTier[l]
            if let p = facts.purchase[l] {
                let c = cellIndex(p)
                purchases[c] += 1
                if pins[l] != nil { pinned[c] += 1 }
                byTier[c * tiers + t] += 1
                if highlight.purchases.contains(l) { moved[c] += 1 }
            }
            if let r = facts.review[l] {
                let c = cellIndex(r)
                reviews[c] += 1
                byTier[c * tiers + t] += 1
                if highlight.reviews.contains(l) { moved[c] += 1 }
            }
        }
        let most = max(1, zip(purchases, reviews).map { $0 + $1 }.max() ?? 1)
        var nodes: [BodyNode] = []
        for cell in 0..<cells {
            let total = purchases[cell] + reviews[cell]
            guard total > 0 else { continue }
            let row = cell / columns
            let column = cell % columns
            let box = layout.cell(row: row, column: column).inset(dx: 0.5, dy: 0.5)
            let counts = (0..<tiers).map { byTier[cell * tiers + $0] }
            let main = counts.indices.max { counts[$0] < counts[$1] } ?? 0
            let breakdown = counts.indices.filter { counts[$0] > 0 }.map { "\(index.tiers[$0]) \(counts[$0])" }
            var title = "\(frame.rowLabel(row).title), \(frame.calendar.title(column: column)): "
                + "\(purchases[cell]) purchases, \(reviews[cell]) reviews (" + breakdown.joined(separator: ", ") + ")"
            var classes = "agg t\(main)"
            if moved[cell] > 0 {
                title += "; \(moved[cell]) moved"
                classes += " " + highlight.className
            }
            if pinned[cell] > 0 {
                title += "; \(pinned[cell]) pinned by overrides"
                classes += " pin"
            }
            nodes.append(SVG.group(title: title, [
                SVG.rect(box, class: classes, opacity: 0.2 + 0.8 * Double(total) / Double(most),
                         attributes: [("data-count", String(total))]),
                SVG.text(Self.short(total), x: box.midX, y: box.maxY - 4.5, anchor: "middle", class: "cn"),
            ]))
        }
        return nodes
    }

    /// A count in at most four characters ("87", "1.2k", "15k").
    static func short(_ n: Int) -> String {
        if n < 1000 { return String(n) }
        if n < 10_000 { return String(n / 1000) + "." + String((n % 1000) / 100) + "k" }
        return String(n / 1000) + "k"
    }
}
