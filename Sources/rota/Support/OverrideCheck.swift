import ArgumentParser
import Rota

/// The check before planning that every override of an instance can be honoured
/// (`OverridePlacement`): when one cannot, each conflict is reported with the rule it would
/// break, where the override was given, and what to do; the command exits with status 2 and
/// writes nothing.
enum OverrideCheck {
    /// Exits 2 when an override of `instance` cannot be honoured. `origin` names where the
    /// override of a line was given (`file: path` or `file:line`), for the message.
    static func require(_ instance: Instance, origin: (OverrideConflict) -> String) throws {
        guard !instance.overrides.isEmpty else { return }
        try require(PlanningProblem(instance), origin: origin)
    }

    /// `require(_:origin:)` with the instance's planning problem built already.
    static func require(_ problem: PlanningProblem, origin: (OverrideConflict) -> String) throws {
        guard !problem.instance.overrides.isEmpty else { return }
        let placement = OverridePlacement(problem)
        guard !placement.isFeasible else { return }
        for conflict in placement.conflicts {
            Terminal.error("\(origin(conflict)): \(conflict.description)")
        }
        Terminal.note("change or remove the override (or the caps it runs into); nothing was written")
        throw ExitCode(2)
    }
}
