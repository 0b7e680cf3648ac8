import ArgumentParser
import Rota

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an instance's exact model for another MIP solver: MathProg data, LP or MPS.",
        discussion: """
            mathprog writes the data section for models/rota.mod (GNU MathProg): the model \
            minimises lines left out, then the makespan, and prints its solution as `rota …` \
            lines. lp and mps write the MIP rota builds itself (CPLEX LP, free MPS; columns \
            x[c,a,d], y[c,a,r], z[c,g,r], u[c,g], …; GLPK's LP writer spells them x(c,a,d)); \
            its objective is the lines left out only (the first of rota's stages), so any \
            solution is a valid plan but not necessarily the shortest: give --makespan N \
            (e.g. the lower bound `rota solve` prints) to keep only plans ending within N days.

            The file goes to standard output, or to the file given with -o (atomically). A \
            one-line summary goes to standard error: classes and groups for mathprog; rows, \
            columns and non-zeros for lp and mps.

            Solve and read back (`rota import-solution` turns the solution into a plan):
              rota export seed.json --format mathprog -o seed.dat
              glpsol -m models/rota.mod -d seed.dat -y seed.sol
              rota import-solution seed.json seed.sol -o plan.json

              rota export seed.json --format lp --makespan 14 -o seed.lp
              glpsol --lp seed.lp -o seed.txt
              rota import-solution seed.json seed.txt --format columns -o plan.json

              rota export seed.json --format mps -o seed.mps
              glpsol --freemps seed.mps -o seed.txt
              rota import-solution seed.json seed.txt --format columns -o plan.json

            The model covers only the days that can matter: when greedy's plan leaves out the \
            proven fewest lines, every plan at least as good ends by its makespan M, so days M \
            and later are left out (T := M for mathprog; with --makespan N, the first N days at \
            most). Every optimal plan stays a solution; the summary says when days were cut. \
            --full-horizon keeps every day of the horizon.

            glpsol solves rota.mod well only on small instances (its makespan binaries have a \
            weak relaxation); `rota solve --solver mip` is the better exact route on larger ones.
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case mathprog, lp, mps
    }

    @Argument(help: "The instance file (fulfillment-instance/1 JSON).")
    var instance: String

    @Option(help: "mathprog (data for models/rota.mod), lp (CPLEX LP) or mps (free MPS).")
    var format: Format

    @Option(name: .shortAndLong, help: "Write the model here instead of standard output.")
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "lp, mps: keep only plans ending within N days (makespan ≤ N).",
            discussion: "Every column whose review falls on day N or later is fixed to 0, as rota's makespan search "
                + "does; with N = the lower bound `rota solve` or `rota score` prints, any solution leaving out no "
                + "more lines than needed has the optimal makespan.",
            valueName: "N"))
    var makespan: Int?

    @Flag(help: "Model every day of the horizon, not only the days before greedy's makespan.")
    var fullHorizon = false

    @Option(help: "A policy file (weights, slaTierDays) that replaces the instance's policy.")
    var policy: String?

    @Flag(help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        try FileArguments.check([.init("<instance>", instance), .init("--policy", policy)], output: output)
        guard let makespan else { return }
        if format == .mathprog { throw ValidationError("--makespan applies to lp and mps only (rota.mod minimises the makespan itself)") }
        if makespan < 0 { throw ValidationError("--makespan must be 0 or more") }
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance, policy: policy)
        let whole = PlanningProblem(instance)
        let name = instance.name ?? "instance"
        let cut: HorizonCut
        do {
            cut = fullHorizon ? HorizonCut(whole: whole) : try HorizonCut.greedy(whole, atMost: makespan)
        } catch {
            Terminal.error("cannot find the days the model needs: \(error)")
            throw ExitCode(3)
        }
        let problem = cut.problem
        let days = cut.isCut ? ", cut to the first \(cut.days) of \(cut.horizon) days" : ""
        switch format {
        case .mathprog:
            try Terminal.emit(Array(MathProgData.text(for: problem).utf8), to: output)
            if !quiet {
                let s = MathProgData.summary(for: problem)
                Terminal.note(
                    "\(name): mathprog data for models/rota.mod, \(s.lines) lines in \(s.purchaseClasses + s.reviewClasses) "
                        + "classes (\(s.purchaseClasses) purchase, \(s.reviewClasses) review-only), \(s.groups) groups, "
                        + "\(s.accounts) accounts, \(cut.horizon) days" + (cut.isCut ? ", cut to the first \(s.days)" : ""))
            }
        case .lp, .mps:
            let exported: (bytes: [UInt8], summary: ModelExport.Summary)
            do {
                exported = try ModelExport.contents(of: problem, format: format == .lp ? .lp : .mps, makespan: makespan)
            } catch {
                Terminal.error("cannot write the \(format.rawValue) model: \(error)")
                throw ExitCode(3)
            }
            try Terminal.emit(exported.bytes, to: output)
            if !quiet {
                let s = exported.summary
                Terminal.note(
                    "\(name): \(format.rawValue) model, \(s.rows) rows, \(s.columns) columns, \(s.nonZeros) non-zeros"
                        + (makespan.map { ", makespan ≤ \($0)" } ?? "") + days)
            }
        }
    }
}
