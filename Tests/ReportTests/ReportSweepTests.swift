import Rota
import RotaReport
import Testing

/// The sweep report's geometry (nice ticks, the scatter layout) and page: one dot per plotted
/// vector where its means put it, the front ringed, the tooltip naming the weights.
@Suite struct ReportSweepTests {
    @Test func niceTicksCoverTheRangeInRoundSteps() {
        let t = NiceTicks(lower: 0.62, upper: 1)
        #expect(t.step == 0.1)
        #expect(t.lower == 0.6 && t.upper == 1)
        #expect(t.values.count == 5)
        #expect(t.label(0.7000000001) == "0.7")
        let big = NiceTicks(lower: 3, upper: 187)
        #expect(big.step == 50 && big.lower == 0 && big.upper == 200)
        #expect(big.values == [0, 50, 100, 150, 200])
        #expect(big.label(150) == "150")
        // One value: widened to a unit each side (a tenth of it when not zero).
        let zero = NiceTicks(lower: 0, upper: 0)
        #expect(zero.lower <= -1 && zero.upper >= 1)
        let one = NiceTicks(lower: 40, upper: 40)
        #expect(one.lower <= 36 && one.upper >= 44 && one.lower < 40 && one.upper > 40)
    }

    @Test func scatterLayoutKeepsAxesWithinTheirLimits() {
        // One point at full adherence and no lateness: the axes do not pass 1 or go below 0.
        let layout = ScatterLayout(xs: [1], ys: [0], xLimits: 0...1, yLimits: 0...Double.greatestFiniteMagnitude)
        #expect(layout.xTicks.upper == 1 && layout.xTicks.lower < 1)
        #expect(layout.yTicks.lower == 0 && layout.yTicks.upper > 0)
        #expect(layout.xTicks.values.last == 1 && layout.yTicks.values.first == 0)
    }

    @Test func scatterLayoutPlacesPointsInThePlotArea() {
        let layout = ScatterLayout(xs: [0.6, 1], ys: [0, 20], width: 560, height: 360)
        #expect(layout.xTicks.values == [0.6, 0.7, 0.8, 0.9, 1])
        #expect(layout.yTicks.values == [0, 5, 10, 15, 20])
        let m = ScatterLayout.margins
        #expect(layout.plot == Box(x: m.left, y: m.top, width: 560 - m.left - m.right, height: 360 - m.top - m.bottom))
        // x: 0.6 → left edge, 1 → right edge; y: 0 → bottom, 20 → top.
        let low = layout.point(x: 0.6, y: 0)
        let high = layout.point(x: 1, y: 20)
        #expect(low.x == layout.plot.x && low.y == layout.plot.maxY)
        #expect(high.x == layout.plot.maxX && high.y == layout.plot.y)
        let mid = layout.point(x: 0.8, y: 10)
        #expect(abs(mid.x - layout.plot.midX) < 1e-9 && mid.y == layout.plot.midY)
    }

    static func vector(_ n: Int, sla: Double, lateness: Double, makespan: Double, front: Bool, failed: Int = 0)
        -> SweepReportData.Vector
    {
        .init(number: n, weights: [("sla", Double(n) / 10), ("value & <risk>", 1)], runs: 2, failed: failed, onFront: front,
              kpis: [.init(name: "sla.critical", mean: sla, worst: sla, higherIsBetter: true),
                     .init(name: "weightedLateness", mean: lateness, worst: lateness, higherIsBetter: false),
                     .init(name: "makespan", mean: makespan, worst: makespan, higherIsBetter: false)])
    }

    @Test func pageHasOneDotPerPlottedVectorAndRingsTheFront() throws {
        let data = SweepReportData(vectors: [
            Self.vector(0, sla: 1, lateness: 10, makespan: 5, front: true),
            Self.vector(1, sla: 0.5, lateness: 0, makespan: 9, front: true),
            Self.vector(2, sla: 0.5, lateness: 12, makespan: 9, front: false),
            Self.vector(3, sla: 0.9, lateness: 1, makespan: 6, front: false, failed: 1),
        ], label: "s.jsonl")
        let doc = try XHTMLNode.parse(SweepReport(data).render())
        #expect(doc.all("script").isEmpty)
        let dots = doc.all("circle", classes: ["pt"])
        #expect(Set(dots.compactMap { $0.attributes["data-vector"] }) == ["0", "1", "2"])
        #expect(Set(doc.all("circle", classes: ["front"]).compactMap { $0.attributes["data-vector"] }) == ["0", "1"])
        let layout = ParetoScatter(data).layout
        let zero = try #require(dots.first { $0.attributes["data-vector"] == "0" })
        let at = layout.point(x: 1, y: 10)
        #expect(zero.attributes["cx"] == Coordinate.text(at.x) && zero.attributes["cy"] == Coordinate.text(at.y))
        #expect(zero.tooltip?.contains("weights: sla=0 value & <risk>=1") == true)
        // Vectors 1 and 2 differ in lateness; none shares vector 0's point.
        #expect(zero.tooltip?.contains("same point") == false)
        // Makespan is the colour: the shortest and the longest differ.
        #expect(zero.attributes["fill"] != dots.first { $0.attributes["data-vector"] == "1" }?.attributes["fill"])
        // One table per vector (failed ones too), and the front's table.
        #expect(doc.all("div", classes: ["vector"]).count == 4)
        let front = try #require(doc.all("section").first { $0.attributes["id"] == "front" })
        #expect(front.all("tbody").flatMap { $0.all("tr") }.count == 2)
    }

    @Test func readsTheSummaryDocument() throws {
        let json = JSONValue.object([
            ("vectors", .array([.object([
                ("vector", .integer(0)), ("weights", .object([("sla", .number(0.9))])), ("runs", .integer(2)),
                ("failed", .integer(0)), ("paretoFront", .bool(true)),
                ("kpis", .object([("makespan", .object([("mean", .number(4.5)), ("worst", .integer(5)), ("better", .string("lower"))]))])),
            ])])),
            ("paretoFront", .array([.integer(0)])),
        ])
        let data = try SweepReportData(summary: json, label: "x")
        #expect(data.vectors.count == 1)
        #expect(data.vectors[0].onFront)
        #expect(data.vectors[0].weightsText == "sla=0.9")
        #expect(data.vectors[0].point.makespan == 4.5 && data.vectors[0].point.sla == 1)
        #expect(data.vectors[0].kpis == [.init(name: "makespan", mean: 4.5, worst: 5, higherIsBetter: false)])
        #expect(throws: SweepReportData.ShapeError.self) { try SweepReportData(summary: .object([]), label: "x") }
    }
}
