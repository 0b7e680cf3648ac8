import Plot
import Rota

/// `rota report sweep`: one self-contained HTML page about a weight sweep: the Pareto chart
/// (critical SLA adherence against weighted lateness, makespan as colour, front highlighted)
/// and the table per weight vector (mean and worst of each KPI).
package struct SweepReport: Sendable {
    package let data: SweepReportData

    package init(_ data: SweepReportData) { self.data = data }

    package func render() -> String {
        let chart = ParetoScatter(data)
        let front = data.vectors.filter(\.onFront)
        let failed = data.vectors.filter { !$0.isPlotted }
        let heading = "Sweep report: \(data.label)"
        var chartNodes: [BodyNode] = [
            Markup.paragraph(
                "\(data.vectors.count) weight vector(s), \(front.count) on the Pareto front over (critical SLA adherence ↑, "
                    + "weighted lateness ↓, makespan ↓), each a mean over the vector's instances; a vector with no critical line "
                    + "counts as adherent. Hover a dot for its weights (and the vectors sharing its point)."),
            chart.legend(),
            .div(.class("scroll"), chart.render()),
        ]
        if !failed.isEmpty {
            chartNodes.append(Markup.paragraph(
                "Not plotted (a run failed): vector " + failed.map { String($0.number) }.joined(separator: ", ") + "."))
        }
        let sections: [(anchor: String, heading: String, nodes: [BodyNode])] = [
            ("pareto", "Pareto front", chartNodes),
            ("front", "Front vectors", [frontTable(front)]),
            ("vectors", "Per weight vector", vectorTables()),
        ]
        let html = HTML(
            .lang(.english),
            Markup.head(title: heading, css: ReportStyle.css(tierColors: []) + Self.css),
            .body(
                .header(
                    .h1(Markup.text(heading)),
                    Markup.paragraph("\(data.vectors.count) vectors · \(data.vectors.map(\.runs).reduce(0, +)) runs", class: "meta"),
                    .nav(.forEach(sections) { .a(.href("#" + $0.anchor), Markup.text($0.heading)) })),
                .main(.group(sections.map { section in
                    .section(.id(section.anchor), .h2(Markup.text(section.heading)), .group(section.nodes))
                })),
                .footer(Markup.text("rota \(RotaVersion.current) · one self-contained page (no scripts)"))))
        return html.render()
    }

    private func frontTable(_ front: [SweepReportData.Vector]) -> BodyNode {
        if front.isEmpty { return Markup.paragraph("No vector is on the front (every vector has a failed run).") }
        let rows = front.map { v -> [String] in
            let p = v.point
            return [String(v.number), NumberText.percent(p.sla), NumberText.plain(p.lateness), NumberText.plain(p.makespan), v.weightsText]
        }
        return Markup.table(["vector", "sla.critical", "weighted lateness", "makespan", "weights"], rows, numeric: [0, 1, 2, 3])
    }

    /// One table per vector: each KPI's mean and worst (↑ higher is better, ↓ lower).
    private func vectorTables() -> [BodyNode] {
        data.vectors.map { v in
            var title = "Vector \(v.number): \(v.weightsText) (\(v.runs) run(s)"
            if v.failed > 0 { title += ", \(v.failed) failed" }
            title += ")" + (v.onFront ? " · Pareto front" : "")
            let rows = v.kpis.map { [$0.name + ($0.higherIsBetter ? " ↑" : " ↓"), NumberText.plain($0.mean), NumberText.plain($0.worst)] }
            return .div(
                .class("vector" + (v.onFront ? " onfront" : "")), SVG.attr("data-vector", String(v.number)),
                .h3(Markup.text(title)),
                Markup.table(["KPI", "mean", "worst"], rows, numeric: [1, 2]))
        }
    }

    static let css = """
        .plotarea{fill:#fbfcfd;stroke:#d0d7de}.grid{stroke:#eaeef2;stroke-width:1}
        circle.pt{stroke:#57606a;stroke-width:.8;fill-opacity:.9}circle.front{stroke:#1b1f24;stroke-width:2.4}
        rect.pt.front{fill:#ffffff;stroke:#1b1f24;stroke-width:2}
        .vector.onfront h3{color:#1a7f37}

        """
}
