import ArgumentParser
import Foundation
import Rota
import RotaAudit

/// `rota reschedule`: fold events into a plan and replan with as little churn as possible.
struct RescheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Apply what happened (events) to a plan and replan from --today, moving as little as possible.",
        discussion: """
            Events (docs/EVENTS.md, JSON Lines): completed, missed and delayed tasks, accounts \
            off or with a new limit, orders added, lines cancelled. Completed tasks become \
            history; pending tasks dated before --today that no event completed are missed, and \
            their lines get new tasks on or after --today. Everything else is replanned with \
            stability right after makespan: the plan finishes as soon as a from-scratch plan \
            would, and keeps the old tasks that still fit where they were.

            Override events (pin a line's purchase to an account and/or a day, forbid an \
            account for a line, raise its weight; each with a reason code) are folded into \
            --instance-out's overrides, so later reschedules keep them, and every solver \
            honours them. One that cannot be honoured is refused with the rule it would \
            break and the event's line: exit status 2, nothing written.

            Written atomically: --instance-out (the instance from --today, with the events \
            folded in; the next reschedule starts from it and the new plan) and the new plan. \
            With --audit, one record per change and decision is appended to that log and synced \
            before either file is renamed into place (docs/AUDIT.md).

            Examples:
              rota reschedule week.json plan.json --events today.jsonl --today 2026-12-05 \\
                -o plan-2.json --instance-out week-2.json --audit audit.jsonl --actor ana
            """
    )

    @Argument(help: "The instance the plan was made for.")
    var instance: String

    @Argument(help: "The current plan.")
    var plan: String

    @Option(help: "The events file (JSON Lines).")
    var events: String

    @Option(help: "The first day to replan (YYYY-MM-DD).")
    var today: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the new plan.")
    var output: String

    @Option(help: "Where to write the updated instance.")
    var instanceOut: String

    @Option(help: "An audit log to append to (created when absent).")
    var audit: String?

    @Option(help: "Who runs this reschedule (recorded in the audit log).")
    var actor: String = "rota"

    @Option(help: "The solver (see `rota solvers`).")
    var solver: String = SolverCatalog.defaultName

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    @OptionGroup var lineAnnotations: LineAnnotationOption

    func validate() throws {
        guard Day(iso: today) != nil else { throw ValidationError("--today expects a date YYYY-MM-DD, got \(today)") }
        guard SolverCatalog.solver(named: solver) != nil else {
            throw ValidationError("unknown solver '\(solver)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        guard output != instanceOut else { throw ValidationError("-o and --instance-out must be different files") }
        try FileArguments.check([.init("<instance>", instance), .init("<plan>", plan), .init("--events", events)], output: output)
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance)
        let (plan, planBytes) = try InputLoader.planAndBytes(at: self.plan)
        let events: [PlanEvent]
        do {
            // The instance's policy may add override reason codes (docs/POLICY.md).
            let codes = instance.policy?.overrideReasonCodes ?? Override.standardReasonCodes
            events = try RotaJSON.loadEvents(from: self.events, reasonCodes: Set(codes))
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let fit = Validator(limit: 3).validate(plan, against: instance)
        guard fit.isFeasible else {
            Terminal.error("\(self.plan): the plan does not fit \(self.instance); reschedule needs the plan made for it:")
            for violation in fit.violations { Terminal.note("  rule \(violation.rule): \(violation.message)") }
            throw ExitCode(2)
        }
        let situation: RescheduleSituation
        do {
            situation = try EventApplier(instance: instance, plan: plan, today: Day(iso: today)!).apply(events)
        } catch {
            let located = error.errors.map { e in
                InputError(file: e.line == nil ? nil : InputFile.label(self.events), path: e.path, message: e.message, line: e.line)
            }
            Terminal.error(InputErrors(located).description)
            throw ExitCode(2)
        }
        try OverrideCheck.require(situation.instance) { conflict in
            // The last override event about the line, else the instance's own entry.
            let event = situation.applied.last { change in
                if case .override(let o)? = change.event?.change { return o.line == conflict.line }
                return false
            }?.event
            if let event { return "\(InputFile.label(self.events)):\(event.sourceLine)" }
            return "\(self.instance): overrides[\(conflict.entry.map(String.init) ?? "?")]"
        }
        guard let chosen = SolverCatalog.solver(named: solver) else { throw ExitCode(2) }
        let outcome: RescheduleOutcome
        do {
            outcome = try Rescheduler(solver: chosen).replan(situation)
        } catch {
            Terminal.error("solver \(solver) failed: \(error)")
            throw ExitCode(3)
        }
        guard outcome.outcome.validation.isFeasible else {
            Terminal.error("the new plan breaks the rules; nothing was written")
            throw ExitCode(3)
        }
        // The lines section speaks of the new instance (orders added or cancelled, overrides).
        let newPlan = RotaJSON.encode(lineAnnotations.applied(to: outcome.outcome.plan, for: situation.instance))
        if let audit {
            let records = RescheduleAudit.records(
                situation: situation, outcome: outcome, actor: actor, at: ISO8601DateFormatter().string(from: Date()), inputPlan: planBytes,
                outputPlan: newPlan)
            do {
                try AuditLog(path: audit).append(records)
            } catch {
                Terminal.error("\(error.description); nothing was written")
                throw ExitCode(2)
            }
            TestPausePoint.afterAuditAppend()
        }
        try Terminal.emit(RotaJSON.encode(situation.instance), to: instanceOut)
        try Terminal.emit(newPlan, to: output)
        if !quiet {
            let m = outcome.outcome.metrics
            Terminal.note(
                "rescheduled from \(today): kept \(outcome.kept) old task(s); makespan \(m.makespan) (from scratch \(outcome.scratch.makespan)), "
                    + "\(m.unscheduled) unscheduled; \(situation.applied.count) change(s) applied"
                    + (situation.deferred.isEmpty ? "" : ", \(situation.deferred.count) deferred"))
            for change in situation.deferred { Terminal.note("  deferred: \(change.detail)") }
        }
    }
}
