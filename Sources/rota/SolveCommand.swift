import ArgumentParser
import Foundation
import Rota

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan an instance and write the plan as JSON.",
        discussion: """
            Prints a one-line summary on standard error (lines, unscheduled, makespan, lower \
            bound, gap, seconds) and the plan on standard output, or writes it to the file \
            given with -o (atomically: a temporary file, then a rename; through a symbolic \
            link to the file it leads to; into a device or FIFO such as /dev/null in place). \
            -o may not name the instance or the policy file. Plans of at most 10,000 tasks are \
            indented; larger ones are written compact (no whitespace) unless --pretty is given.

            Every plan is checked by the independent validator before it is written; a plan \
            that breaks a rule is never written (exit status 3). Exit status 2: bad input, a \
            usage error, or a plan that cannot be written (a full disk, a closed pipe).

            The default solver, auto, runs greedy and flow, proves the makespan with a lower \
            bound, and runs the exact MIP only where the bound is not met (within a fixed \
            work budget: the same plan on every machine). Give --time-limit (or --node-limit) \
            to let the MIP also improve lateness and balance within that budget. While a \
            search runs, a progress line on standard error shows the incumbent, bound, gap, \
            nodes and time; Ctrl-C stops it and writes the best plan found.

            An instance's overrides (docs/FORMAT.md, "rota extension: overrides": a line's \
            purchase pinned to an account and/or a day, accounts forbidden for a line, a \
            raised weight) are hard constraints for every solver, checked as rule 10. One that \
            cannot be honoured (the account's day off, a full daily limit or rolling cap, a \
            line bought already) is refused before solving with the rule it would break: exit \
            status 2, nothing written.

            Examples:
              rota solve instances/seed.json -o plan.json
              rota solve instances/seed.json --time-limit 30 -o plan.json
              rota solve instances/seed.json --solver seed-greedy --quiet > baseline.json
              rota solve big.json --policy priorities.json -o plan.json
            """
    )

    @Argument(help: "The instance file (fulfillment-instance/1 JSON).")
    var instance: String

    @Option(name: .shortAndLong, help: "Write the plan here instead of standard output.")
    var output: String?

    @Option(help: "The solver: \(SolverCatalog.names.joined(separator: ", ")). See `rota solvers`.")
    var solver: String = SolverCatalog.defaultName

    @Option(help: "A policy file (JSON or YAML, docs/POLICY.md) laid over the instance's policy.")
    var policy: String?

    @Option(parsing: .unconditional, help: "Stop searching after this many seconds and return the best plan found.")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Stop when the relative gap to the proven bound is at most this (e.g. 0.01).")
    var gap: Double?

    @Option(parsing: .unconditional, help: "A machine-independent work limit (search nodes): same plan on every machine.")
    var nodeLimit: Int?

    @Flag(help: "Indent the plan (plans of at most 10,000 tasks always are; larger ones are compact unless asked).")
    var pretty = false

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    @OptionGroup var lineAnnotations: LineAnnotationOption

    func validate() throws {
        guard SolverCatalog.solver(named: solver) != nil else {
            throw ValidationError(
                "unknown solver '\(solver)'; choose one of: \(SolverCatalog.names.joined(separator: ", "))")
        }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let gap, !(gap >= 0) { throw ValidationError("--gap must be 0 or more") }
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1") }
        try FileArguments.check([.init("<instance>", instance), .init("--policy", policy)], output: output)
    }

    func run() throws {
        let problem = try InputLoader.problem(at: self.instance, policy: policy)
        let instance = problem.instance
        try OverrideCheck.require(problem) { conflict in
            "\(self.instance): overrides[\(conflict.entry.map(String.init) ?? "?")]"
        }
        guard let chosen = SolverCatalog.solver(named: solver) else { throw ExitCode(2) }
        var options = SolveOptions(timeLimit: timeLimit, relativeGap: gap, nodeLimit: nodeLimit)
        let interrupt = Interrupt()
        interrupt.install(quiet: quiet)
        options.shouldStop = { interrupt.isRaised }
        if !quiet && Terminal.stderrIsInteractive {
            let line = ProgressLine()
            options.progress = { line.update($0) }
        }
        let outcome: PlanningOutcome
        do {
            outcome = try Planner().plan(consume problem, with: chosen, options: options)
        } catch {
            Terminal.error("solver \(solver) failed: \(error)")
            throw ExitCode(3)
        }
        guard outcome.validation.isFeasible else {
            Terminal.error("solver \(solver) produced a plan that breaks the rules; nothing was written:")
            for violation in outcome.validation.violations.prefix(20) {
                Terminal.note("  rule \(violation.rule): \(violation.message)")
            }
            throw ExitCode(3)
        }
        let plan = lineAnnotations.applied(to: outcome.plan, for: instance)
        try Terminal.emit(plan, pretty: pretty, to: output)
        if !quiet {
            Terminal.note(Summary.line(for: outcome, instance: instance))
        }
        // The process ends now: the instance and plans are freed on another thread meanwhile.
        let size = plan.tasks.count
        Concurrently.release((consume instance, consume outcome, consume plan), size: size)
    }
}
