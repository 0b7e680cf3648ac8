import Rota
import RotaAudit

/// What a report is made of: the instance, the plan (and another plan to compare it with),
/// the audit log's records, the files' names as the report shows them, the KPI targets the
/// cards are coloured against (a policy's `kpiTargets` and `--require`), and the size limits.
package struct ReportInput: Sendable {
    package var instance: Instance
    package var plan: Plan
    package var planLabel: String
    /// The candidate of a plan-vs-plan report: `plan` is A (the baseline), `other` is B.
    package var other: Plan?
    package var otherLabel: String?
    package var audit: [AuditRecord]?
    package var auditLabel: String?
    package var limits: ReportLimits
    /// KPI targets: the cards of their metrics turn green (met) or red (missed), and the
    /// "Targets" section lists each with its value. Empty: the cards stay neutral.
    package var requirements: [KPIRequirement]

    package init(
        instance: Instance, plan: Plan, planLabel: String, other: Plan? = nil, otherLabel: String? = nil,
        audit: [AuditRecord]? = nil, auditLabel: String? = nil, limits: ReportLimits = .standard,
        requirements: [KPIRequirement] = []
    ) {
        self.instance = instance
        self.plan = plan
        self.planLabel = planLabel
        self.other = other
        self.otherLabel = otherLabel
        self.audit = audit
        self.auditLabel = auditLabel
        self.limits = limits
        self.requirements = requirements
    }
}
