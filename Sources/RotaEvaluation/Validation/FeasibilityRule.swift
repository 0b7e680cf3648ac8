/// One of the format's feasibility rules: finds every breach of it in a plan.
///
/// Rules read only the shared `ValidationContext` (built from the instance and the plan),
/// never solver code, so a solver bug cannot hide in code the validator shares with it.
public protocol FeasibilityRule: Sendable {
    /// The rule's number in the format specification (1…9).
    var number: Int { get }
    /// A short title, e.g. "daily purchase limit".
    var title: String { get }
    /// Every breach of this rule, in any order.
    func check(_ context: ValidationContext) -> [Violation]
}
