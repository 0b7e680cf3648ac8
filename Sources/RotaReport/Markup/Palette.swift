/// The report's colours: one per SLA tier (well-known names get fixed ones), and a ramp for
/// heatmaps from pale (idle) to red (at or over the cap).
package enum Palette {
    private static let named: [String: String] = [
        "critical": "#d62728", "high": "#ff7f0e", "standard": "#1f77b4", "normal": "#1f77b4",
        "low": "#17becf", "deferred": "#7f7f7f", ReportIndex.noTier: "#8c6d31",
    ]
    private static let others = ["#2ca02c", "#9467bd", "#e377c2", "#bcbd22", "#17becf", "#8c564b"]

    /// The colour of each tier, in the order given.
    package static func tierColors(_ tiers: [String]) -> [String] {
        var next = 0
        return tiers.map { tier in
            if let colour = named[tier] { return colour }
            defer { next += 1 }
            return others[next % others.count]
        }
    }

    /// Age buckets of the backlog chart, youngest first.
    package static let ages = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"]

    /// A heat colour for `ratio` (load / cap): 0 pale green, 0.5 yellow, 1 orange-red, above 1 dark red.
    package static func heat(_ ratio: Double) -> String {
        if ratio > 1 { return "#67000d" }
        let stops: [(Double, (Double, Double, Double))] = [
            (0, (237, 248, 233)), (0.5, (254, 224, 139)), (0.85, (253, 141, 60)), (1, (215, 48, 31)),
        ]
        let r = max(0, ratio)
        var i = 0
        while i + 1 < stops.count - 1, r > stops[i + 1].0 { i += 1 }
        let (a, ca) = stops[i]
        let (b, cb) = stops[i + 1]
        let t = b > a ? min(1, (r - a) / (b - a)) : 0
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * t).rounded()) }
        return hex(mix(ca.0, cb.0), mix(ca.1, cb.1), mix(ca.2, cb.2))
    }

    /// A sequential colour for `t` in 0...1: pale yellow (0) through green and teal to dark blue (1).
    package static func sequential(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(255, 237, 160), (127, 205, 187), (44, 127, 184), (37, 52, 148)]
        let x = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(x))
        let f = x - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * f).rounded()) }
        return hex(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        func two(_ v: Int) -> String { String([digits[(v >> 4) & 15], digits[v & 15]]) }
        return "#" + two(r) + two(g) + two(b)
    }
}
