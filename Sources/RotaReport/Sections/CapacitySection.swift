import Plot

/// The capacity heatmaps: daily load against the daily limit, rolling-window pressure against
/// the soft (else hard) cap.
struct CapacitySection: ReportSection {
    let anchor = "capacity"
    let heading = "Capacity"
    let heatmap: CapacityHeatmap
    /// Which plan, in a comparison ("B (candidate): new.json").
    let subject: String?

    func body() -> [BodyNode] {
        let ramp: [(swatch: String, isClass: Bool, name: String)] = [
            (Palette.heat(0.1), false, "light"), (Palette.heat(0.5), false, "half"), (Palette.heat(0.9), false, "near the cap"),
            (Palette.heat(1), false, "at the cap"), (Palette.heat(1.5), false, "over the cap"), ("nolimit", true, "no limit"),
        ]
        var nodes: [BodyNode] = subject.map { [Markup.paragraph("Of \($0).")] } ?? []
        nodes += [
            .h3(Markup.text("Purchases per day against the daily limit")),
            Markup.legend(ramp),
            .div(.class("scroll"), heatmap.render(.daily, label: "daily load heatmap")),
        ]
        nodes.append(.h3(Markup.text("Rolling-window pressure against the soft cap (the hard cap where there is no soft one)")))
        if heatmap.hasRollingCaps {
            nodes.append(Markup.paragraph("Each cell: purchases in the account's rolling window ending that day; over 100% of the soft cap is a soft overrun."))
            nodes.append(.div(.class("scroll"), heatmap.render(.rolling, label: "rolling window heatmap")))
        } else {
            nodes.append(Markup.paragraph("No account has a rolling cap."))
        }
        return nodes
    }
}
