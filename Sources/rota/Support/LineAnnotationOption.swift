import ArgumentParser
import Rota

/// `--no-line-annotations`, for every command that writes a plan: the plan's `lines` section
/// (each line's priority, due date and tier, docs/FORMAT.md) is written unless it is given.
struct LineAnnotationOption: ParsableArguments {
    @Flag(help: "Leave out the plan's lines section (each line's priority, due date and tier; docs/FORMAT.md).")
    var noLineAnnotations = false

    /// `plan` as the command writes it: annotated from `instance` (the one the plan is for)
    /// unless the flag is given.
    func applied(to plan: Plan, for instance: Instance) -> Plan {
        noLineAnnotations ? plan : plan.annotated(for: instance)
    }
}
