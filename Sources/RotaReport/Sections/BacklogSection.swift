import Plot

/// The backlog: open lines per day, by SLA tier and by age.
struct BacklogSection: ReportSection {
    let anchor = "backlog"
    let heading = "Backlog"
    let backlog: BacklogModel
    /// Which plan, in a comparison ("B (candidate): new.json").
    let subject: String?

    func body() -> [BodyNode] {
        let calendar = backlog.calendar
        let columns = calendar.days.bins
        // Each column shows its first day.
        let first = (0..<columns).map { calendar.days.items(in: $0).lowerBound }
        let titles = (0..<columns).map { calendar.day(first[$0]).iso }
        let labels = (0..<columns).map { String(calendar.day(first[$0]).iso.dropFirst(5)) }
        let t = backlog.tiers.count
        let a = BacklogModel.ageBuckets.count
        let byTier = StackedBars(
            values: first.map { d in (0..<t).map { backlog.byTier[d * t + $0] } }, seriesNames: backlog.tiers,
            colors: Palette.tierColors(backlog.tiers), columnTitles: titles, columnLabels: labels)
        let byAge = StackedBars(
            values: first.map { d in (0..<a).map { backlog.byAge[d * a + $0] } },
            seriesNames: (0..<a).map(BacklogModel.ageLabel), colors: Palette.ages, columnTitles: titles, columnLabels: labels)
        let tierKeys = backlog.tiers.indices.map { (Palette.tierColors(backlog.tiers)[$0], false, backlog.tiers[$0]) }
        let ageKeys = (0..<a).map { (Palette.ages[$0], false, BacklogModel.ageLabel($0)) }
        return [
            Markup.paragraph((subject.map { "Of \($0). " } ?? "")
                + "Lines open at the start of each day: from the order's creation (or the first day shown) until the review; unscheduled lines stay open."),
            .div(.class("pair"),
                 .div(.h3(Markup.text("By SLA tier")), Markup.legend(tierKeys), .div(.class("scroll"), byTier.render(label: "backlog by tier"))),
                 .div(.h3(Markup.text("By age (days since created)")), Markup.legend(ageKeys), .div(.class("scroll"), byAge.render(label: "backlog by age")))),
        ]
    }
}
