import ArgumentParser
import Foundation
import Rota

/// `rota replay`: run a chain of reschedules again from its first plan and events.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a chain of reschedules again from the first plan and their events; the result is the chain's last plan.",
        discussion: """
            The events file holds every reschedule's events in order, each batch closed by a \
            marker line that records that reschedule's --today (and, if it was not --solver's, \
            its solver): {"event":"reschedule","today":"2026-12-05","solver":"greedy"} \
            (docs/EVENTS.md, "Replaying a chain"). Each batch is applied and replanned as \
            `rota reschedule` does, starting from what the previous one wrote, so the final plan \
            has the same tasks as the chain's last plan (every solver but a time-limited search \
            repeats its plans). No audit records are written.

            The final plan goes to -o (or standard output), the final instance to \
            --instance-out; both are written atomically, and nothing is written when a batch \
            fails (its marker's line and the event's line are named).

            Examples:
              # the chain: two reschedules
              rota reschedule w.json p.json --events mon.jsonl --today 2026-12-07 \\
                -o p2.json --instance-out w2.json
              rota reschedule w2.json p2.json --events tue.jsonl --today 2026-12-08 \\
                -o p3.json --instance-out w3.json
              # its replay: the same tasks as p3.json
              { cat mon.jsonl; echo '{"event":"reschedule","today":"2026-12-07"}'
                cat tue.jsonl; echo '{"event":"reschedule","today":"2026-12-08"}'
              } > chain.jsonl
              rota replay w.json p.json --events chain.jsonl -o replayed.json
              rota compare w3.json p3.json replayed.json
            """
    )

    @Argument(help: "The instance the first plan was made for.")
    var instance: String

    @Argument(help: "The first plan of the chain.")
    var plan: String

    @Option(help: "The chain's events (JSON Lines), each reschedule's batch closed by a reschedule marker.")
    var events: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the final plan (default: standard output).")
    var output: String?

    @Option(help: "Where to write the final instance.")
    var instanceOut: String?

    @Option(help: "The solver of every batch whose marker names none (see `rota solvers`).")
    var solver: String = SolverCatalog.defaultName

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    @OptionGroup var lineAnnotations: LineAnnotationOption

    func validate() throws {
        guard SolverCatalog.solver(named: solver) != nil else {
            throw ValidationError("unknown solver '\(solver)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        if let output, let instanceOut, output == instanceOut, output != "-" {
            throw ValidationError("-o and --instance-out must be different files")
        }
        let inputs: [FileArguments.Input] = [.init("<instance>", instance), .init("<plan>", plan), .init("--events", events)]
        try FileArguments.check(inputs, output: output)
        try FileArguments.check(inputs, output: instanceOut, outputName: "--instance-out")
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance)
        let plan = try InputLoader.plan(at: self.plan)
        let label = InputFile.label(self.events)
        let chain: ReplayChain
        do {
            // The instance's policy may add override reason codes (docs/POLICY.md); events do
            // not change the policy, so they hold for the whole chain.
            let codes = instance.policy?.overrideReasonCodes ?? Override.standardReasonCodes
            chain = try ReplayChain.decode(
                InputFile.read(self.events, as: .text), file: label, solvers: SolverCatalog.names, reasonCodes: Set(codes))
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let quiet = quiet
        let result: (instance: Instance, plan: Plan)
        do {
            result = try Replayer(defaultSolver: solver, makeSolver: { SolverCatalog.solver(named: $0) }).replay(
                chain, instance: instance, plan: plan
            ) { step in
                guard !quiet else { return }
                let m = step.outcome.outcome.metrics
                Terminal.note(
                    "reschedule \(step.batch) of \(step.of) (--today \(step.today), \(step.events) event(s), \(step.solver)): "
                        + "kept \(step.outcome.kept) old task(s); makespan \(m.makespan) (from scratch \(step.outcome.scratch.makespan)), "
                        + "\(m.unscheduled) unscheduled")
            }
        } catch {
            report(error, chain: chain, label: label)
            throw ExitCode(error.exitStatus)
        }
        if let instanceOut { try Terminal.emit(RotaJSON.encode(result.instance), to: instanceOut) }
        try Terminal.emit(RotaJSON.encode(lineAnnotations.applied(to: result.plan, for: result.instance)), to: output)
        if !quiet, let output, output != "-" { Terminal.note("Plan written to \(output)") }
    }

    private func report(_ error: ReplayError, chain: ReplayChain, label: String) {
        func marker(_ batch: Int) -> String {
            let b = chain.batches[batch - 1]
            return "reschedule \(batch) (\(label):\(b.markerLine), --today \(b.today))"
        }
        switch error {
        case .planDoesNotFit(_, let violations):
            Terminal.error("\(plan): the plan does not fit \(instance); replay needs the plan made for it:")
            for violation in violations { Terminal.note("  \(violation)") }
        case .events(let batch, let errors):
            Terminal.error("\(marker(batch)): its events do not apply; nothing was written:")
            for e in errors.errors {
                Terminal.note("  " + InputError(file: e.line == nil ? nil : label, path: e.path, message: e.message, line: e.line).description)
            }
        case .overrides(let batch, let conflicts):
            Terminal.error("\(marker(batch)): an override cannot be honoured; nothing was written:")
            for conflict in conflicts { Terminal.note("  \(conflict.description)") }
        case .solver(let batch, let name, let message):
            Terminal.error("\(marker(batch)): solver \(name) failed: \(message); nothing was written")
        case .infeasible(let batch):
            Terminal.error("\(marker(batch)): the new plan breaks the rules; nothing was written")
        }
    }
}

extension ReplayError {
    /// 2 for bad input (a plan or events that do not apply), 3 for a solver failure, as `rota reschedule`.
    var exitStatus: Int32 {
        switch self {
        case .planDoesNotFit, .events, .overrides: 2
        case .solver, .infeasible: 3
        }
    }
}
