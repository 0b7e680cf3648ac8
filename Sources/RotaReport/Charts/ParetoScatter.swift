import Plot
import Rota

/// The sweep's Pareto chart: one dot per weight vector at (mean critical SLA adherence, mean
/// weighted lateness), filled by its mean makespan (pale = short, dark = long, with a legend),
/// front vectors drawn larger with a dark ring; a dot's tooltip names the vector's weights.
package struct ParetoScatter: Sendable {
    package let data: SweepReportData
    package let layout: ScatterLayout
    /// The makespan range of the plotted vectors, for the colour scale.
    package let makespans: (lower: Double, upper: Double)

    package init(_ data: SweepReportData) {
        self.data = data
        let plotted = data.vectors.filter(\.isPlotted)
        // Adherence is a share (0...1), lateness is never negative.
        layout = ScatterLayout(
            xs: plotted.map(\.point.sla), ys: plotted.map(\.point.lateness), xLimits: 0...1,
            yLimits: 0...Double.greatestFiniteMagnitude)
        let spans = plotted.map(\.point.makespan)
        makespans = (spans.min() ?? 0, spans.max() ?? 0)
    }

    /// The colour of a makespan: a ramp from pale yellow (shortest) to dark blue (longest).
    package func colour(makespan: Double) -> String {
        let span = makespans.upper - makespans.lower
        return Palette.sequential(span > 0 ? (makespan - makespans.lower) / span : 0)
    }

    package func render() -> BodyNode {
        let plot = layout.plot
        var nodes: [BodyNode] = [SVG.rect(plot, class: "plotarea")]
        for value in layout.xTicks.values {
            let x = layout.xScale(value)
            nodes.append(SVG.line(Segment(x1: x, y1: plot.y, x2: x, y2: plot.maxY), class: "grid"))
            nodes.append(SVG.text(layout.xTicks.label(value), x: x, y: plot.maxY + 14, anchor: "middle", class: "dl"))
        }
        for value in layout.yTicks.values {
            let y = layout.yScale(value)
            nodes.append(SVG.line(Segment(x1: plot.x, y1: y, x2: plot.maxX, y2: y), class: "grid"))
            nodes.append(SVG.text(layout.yTicks.label(value), x: plot.x - 6, y: y + 3, anchor: "end", class: "dl"))
        }
        nodes.append(SVG.text("critical SLA adherence (mean) →", x: plot.midX, y: plot.maxY + 32, anchor: "middle"))
        nodes.append(SVG.text("weighted lateness (mean) ↓", x: 4, y: plot.y - 4, anchor: "start"))
        // Front dots last, so they are drawn on top.
        let ordered = data.vectors.filter { $0.isPlotted && !$0.onFront } + data.vectors.filter { $0.isPlotted && $0.onFront }
        // Vectors at the same point share one spot: each tooltip names the others.
        var atPoint: [String: [Int]] = [:]
        func spot(_ v: SweepReportData.Vector) -> String {
            let p = v.point
            return "\(p.sla) \(p.lateness)"
        }
        for vector in ordered { atPoint[spot(vector), default: []].append(vector.number) }
        for vector in ordered {
            let p = vector.point
            let at = layout.point(x: p.sla, y: p.lateness)
            let others = (atPoint[spot(vector)] ?? []).filter { $0 != vector.number }.sorted()
            let shared = others.isEmpty ? "" : "\nsame point as vector(s) " + others.map(String.init).joined(separator: ", ")
            let tip = "vector \(vector.number)" + (vector.onFront ? " (Pareto front)" : "") + "\nweights: \(vector.weightsText)"
                + "\ncritical SLA \(NumberText.percent(p.sla)) · weighted lateness \(NumberText.plain(p.lateness))"
                + " · makespan \(NumberText.plain(p.makespan)) · \(vector.runs) run(s)" + shared
            nodes.append(SVG.circle(
                x: at.x, y: at.y, radius: vector.onFront ? 7 : 5, class: vector.onFront ? "pt front" : "pt",
                fill: colour(makespan: p.makespan), attributes: [("data-vector", String(vector.number))], title: tip))
        }
        return SVG.svg(width: layout.width, height: layout.height, label: "Pareto chart of \(data.label)", nodes)
    }

    /// The makespan colour legend: five swatches from the shortest to the longest mean makespan.
    package func legend() -> BodyNode {
        let steps = makespans.upper > makespans.lower ? 5 : 1
        var items: [(swatch: String, isClass: Bool, name: String)] = (0..<steps).map { i in
            let value = makespans.lower + (makespans.upper - makespans.lower) * Double(i) / Double(max(1, steps - 1))
            return (colour(makespan: value), false, "makespan \(NumberText.plain((value * 10).rounded() / 10))")
        }
        items.append(("pt front", true, "on the Pareto front (larger, ringed)"))
        return Markup.legend(items)
    }
}
