/// One section of the report: an anchor for the contents, a heading and its body.
///
/// The report is a list of sections (`PlanReport.sections`), so a new one slots in without
/// touching the others: the policy KPI targets of issue #12 become a `ReportSection` (and
/// colour the SLA cards through `KPICard.Tone`), the override rate of issue #11 a KPI card
/// and a column of `ExceptionsSection`'s tables, each once its data exists in the inputs.
package protocol ReportSection {
    var anchor: String { get }
    var heading: String { get }
    func body() -> [BodyNode]
}

extension ReportSection {
    /// The `<section>` with its heading.
    func render() -> BodyNode {
        .section(.id(anchor), .h2(Markup.text(heading)), .group(body()))
    }
}
