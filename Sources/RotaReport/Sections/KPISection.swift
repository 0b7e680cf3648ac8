import Plot

/// The KPI cards of the plan (and, in a comparison, of the candidate beside them).
struct KPISection: ReportSection {
    let anchor = "kpis"
    let heading = "Key figures"
    let plans: [(label: String, cards: [KPICard])]

    func body() -> [BodyNode] {
        plans.map { plan in
            .div(
                .class("kpiset"),
                .if(plans.count > 1, .h3(Markup.text(plan.label))),
                .div(.class("cards"), .group(plan.cards.map { $0.render() })))
        }
    }
}
