import Rota

extension Reports {
    /// The comparison for a terminal: the verdict line, the two plans, then aligned tables.
    static func text(_ c: PlanComparison, files: (a: String, b: String), limit: Int?) -> String {
        var out = [c.verdict.summary, ""]
        out.append("A  \(files.a): \(planNote(c.a))")
        out.append("B  \(files.b): \(planNote(c.b))")
        out.append("")
        out += aligned(c.metricTable)
        out.append("lower bound: \(c.boundSummary)")
        out.append("objective: \(c.objective.text)")
        out.append("")
        out.append("Load per account")
        out += aligned(c.accountTable(limit: limit))
        out.append("")
        out.append("Load per day")
        out += c.dayLoads.isEmpty ? ["  no tasks in either plan"] : aligned(c.dayTable(limit: limit))
        out.append("")
        out.append("Tasks that moved: \(c.changesSummary)")
        if c.changes.count > 0 { out += aligned(c.movedTable(limit: limit)) }
        return out.joined(separator: "\n")
    }

    /// The comparison for a CI job summary or a pull-request comment: the verdict in bold, then
    /// Markdown tables; the long ones (accounts, days, moved tasks) folded in `<details>`.
    static func markdown(_ c: PlanComparison, files: (a: String, b: String), limit: Int?) -> String {
        var out = ["**\(escaped(c.verdict.summary))**", ""]
        out += markdown(ReportTable(
            header: ["plan", "file", "solver", "feasible"], alignments: [.left, .left, .left, .left],
            rows: [
                ["A (baseline)", files.a, c.a.solver ?? "—", feasibility(c.a)],
                ["B (candidate)", files.b, c.b.solver ?? "—", feasibility(c.b)],
            ]))
        out += ["", "### Metrics", ""]
        out += markdown(c.metricTable)
        out += ["", "Lower bound: \(escaped(c.boundSummary)). Objective: \(escaped(c.objective.text)).", ""]
        out += folded("Load per account (\(c.accountLoads.count) accounts)", c.accountTable(limit: limit))
        if !c.dayLoads.isEmpty {
            out += folded("Load per day (\(c.dayLoads.count) days with tasks)", c.dayTable(limit: limit))
        }
        if c.changes.count > 0 {
            out += folded("Tasks that moved: \(c.changesSummary)", c.movedTable(limit: limit))
        } else {
            out += ["Tasks that moved: \(escaped(c.changesSummary))."]
        }
        return out.joined(separator: "\n")
    }

    /// "greedy, feasible" or "seed-greedy, infeasible (3 violations; `rota validate` lists them)".
    private static func planNote(_ side: ComparedPlan) -> String {
        (side.solver.map { "\($0), " } ?? "") + feasibility(side)
    }

    /// "feasible" or "infeasible (3 violations; `rota validate` lists them)".
    private static func feasibility(_ side: ComparedPlan) -> String {
        guard !side.isFeasible else { return "feasible" }
        let count = side.validation.violations.count
        return "infeasible (\(count) violation\(count == 1 ? "" : "s"); `rota validate` lists them)"
    }

    /// Header, a dashed rule, the rows: columns padded to their widest cell, numbers right-aligned.
    static func aligned(_ table: ReportTable) -> [String] {
        var widths = table.header.map(\.count)
        for row in table.rows {
            for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, width) in widths.enumerated() {
                let cell = k < cells.count ? cells[k] : ""
                let fill = String(repeating: " ", count: max(0, width - cell.count))
                let right = k < table.alignments.count && table.alignments[k] == .right
                parts.append(right ? fill + cell : cell + fill)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(table.header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += table.rows.map(line)
        if table.omitted > 0 { lines.append("… and \(table.omitted) more (--all lists every one, --format json gives them as data)") }
        return lines
    }

    /// A Markdown table (header, alignment row, rows), cells escaped.
    static func markdown(_ table: ReportTable) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map(escaped).joined(separator: " | ") + " |" }
        let rule = "|" + table.header.indices.map { k in
            k < table.alignments.count && table.alignments[k] == .right ? "---:|" : ":---|"
        }.joined()
        var lines = [row(table.header), rule]
        lines += table.rows.map(row)
        if table.omitted > 0 { lines += ["", "… and \(table.omitted) more (`--all` lists every one)."] }
        return lines
    }

    /// A section folded in `<details>`, blank lines around the table so that it renders.
    private static func folded(_ title: String, _ table: ReportTable) -> [String] {
        ["<details><summary>\(escaped(title))</summary>", ""] + markdown(table) + ["", "</details>", ""]
    }

    /// Text safe in a Markdown table cell: Markdown punctuation backslash-escaped, so ids and
    /// file names show as written.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
