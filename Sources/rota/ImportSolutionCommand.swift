import ArgumentParser
import Rota

struct ImportSolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-solution",
        abstract: "Turn another MIP solver's solution of rota's model into a validated plan.",
        discussion: """
            The solution is of the model `rota export` wrote for the same instance:
              mathprog  the `rota x|y|w|z …` lines models/rota.mod prints after solving \
            (glpsol -m models/rota.mod -d seed.dat -y seed.sol); other lines are ignored.
              columns   `name value` text, one column of the lp/mps export per line \
            (x[c,a,d] or x(c,a,d), y[…], z[…], u[…]): glpsol's -o report, a HiGHS or CBC \
            solution file. Other names and lines are ignored, but a file naming no column is \
            an error, and so is a value that is not a whole number (a relaxation).

            Purchases are paired with their reviews per class and account in day order, and \
            review days shared out among the lines as the solution's z columns say. The plan \
            is checked by the validator: one that breaks a rule is never written (exit \
            status 3, the violations on standard error). A valid plan goes to standard output \
            or, atomically, to the file given with -o, with a solver block `import:<name>`: \
            status optimal when it meets rota's proven lower bound, else feasible.

            Exit status: 0 success, 2 bad input (instance, or a solution that does not fit its \
            model; a usage error; a plan that cannot be written), 3 the solution's plan breaks \
            a rule.

            Examples:
              rota export seed.json --format mathprog -o seed.dat
              glpsol -m models/rota.mod -d seed.dat -y seed.sol
              rota import-solution seed.json seed.sol -o plan.json

              rota export seed.json --format lp -o seed.lp
              glpsol --lp seed.lp -o seed.txt
              rota import-solution seed.json seed.txt --format columns -o plan.json
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case mathprog, columns
    }

    @Argument(help: "The instance file (fulfillment-instance/1 JSON) the model was exported from.")
    var instance: String

    @Argument(help: "The solution file (- for standard input).")
    var solution: String

    @Option(help: "mathprog (rota.mod's printed lines) or columns (name value lines).")
    var format: Format = .mathprog

    @Option(name: .shortAndLong, help: "Write the plan here instead of standard output.")
    var output: String?

    @Option(help: "The solver named in the plan's solver block as import:<name> (default: glpsol for mathprog, columns for columns).")
    var solverName: String?

    @Option(help: "The policy file given to `rota export`, if any.")
    var policy: String?

    @Flag(help: "Indent the plan (plans of at most 10,000 tasks always are; larger ones are compact unless asked).")
    var pretty = false

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    @OptionGroup var lineAnnotations: LineAnnotationOption

    func validate() throws {
        try FileArguments.check(
            [.init("<instance>", instance), .init("<solution>", solution), .init("--policy", policy)], output: output)
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance, policy: policy)
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(solution)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let chosen: SolutionFormat = format == .mathprog ? .mathprog : .columns
        let imported: ImportedPlan
        do {
            imported = try SolutionImport.plan(
                instance, solution: String(decoding: bytes, as: UTF8.self), format: chosen,
                solverName: solverName ?? (format == .mathprog ? "glpsol" : "columns"))
        } catch {
            Terminal.error("\(InputFile.label(solution)): \(error.description)")
            throw ExitCode(2)
        }
        let outcome = imported.outcome
        guard outcome.validation.isFeasible else {
            Terminal.error("the solution's plan breaks the rules; nothing was written:")
            for violation in outcome.validation.violations.prefix(20) {
                Terminal.note("  rule \(violation.rule): \(violation.message)")
            }
            for note in imported.notes { Terminal.note("  note: \(note)") }
            throw ExitCode(3)
        }
        let plan = lineAnnotations.applied(to: outcome.plan, for: instance)
        try Terminal.emit(plan, pretty: pretty, to: output)
        if !quiet {
            for note in imported.notes { Terminal.note("note: \(note)") }
            Terminal.note(Summary.line(for: outcome, instance: instance))
        }
    }
}
