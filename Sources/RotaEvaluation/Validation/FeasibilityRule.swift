/// One of the format's feasibility rules: finds every breach of it in a plan.
///
/// Rules read only the shared `ValidationContext` (built from the instance and the plan),
/// never solver code, so a solver bug cannot hide in code the validator shares with it.
package protocol FeasibilityRule: Sendable {
    /// The rule's number in the format specification (1…9).
    var number: Int { get }
    /// A short title, e.g. "daily purchase limit".
    var title: String { get }
    /// Appends every breach of this rule to `found`, in any order (the collector counts them
    /// all and keeps what its limit allows).
    func check(_ context: ValidationContext, into found: inout ViolationCollector)
}
