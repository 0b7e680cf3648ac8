import ArgumentParser
import Rota

/// `rota explain`: why each line got its account and day.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why each line got its account and day, and what would let it finish sooner.",
        discussion: """
            For every day before a line's purchase: the rule that ruled it out on the line's \
            account (off, daily limit reached by which lines, same item already bought, \
            rolling cap, no review day before the planned one, an override: pinned elsewhere \
            or forbidden, rule 10) and how many other accounts \
            each rule ruled out, or the first account that had room. The same for the days \
            before its review. Then the cap changes that would let it finish sooner (which \
            cap, by how much, and the review day it would allow).

            Without LINE arguments every line is explained (each costs one pass over the \
            plan, so name lines on large plans). At most \(PlanExplainer.dayLimit) earlier \
            days are listed per task.

            Examples:
              rota explain instances/seed.json plan.json ord-3/1
              rota explain instances/seed.json plan.json --json > why.json
            """
    )

    @Argument(help: "The instance file.")
    var instance: String

    @Argument(help: "The plan file.")
    var plan: String

    @Argument(help: "Lines to explain (all when none).")
    var lines: [String] = []

    @Flag(help: "Print the explanations as JSON.")
    var json = false

    func validate() throws {
        try FileArguments.check([.init("<instance>", instance), .init("<plan>", plan)])
    }

    func run() throws {
        let instance = try InputLoader.instance(at: self.instance)
        let plan = try InputLoader.plan(at: self.plan)
        let explainer = PlanExplainer(instance: instance, plan: plan)
        let ids = lines.isEmpty ? instance.orders.flatMap { $0.lines.map(\.id) } : lines.map { LineID($0) }
        var explanations: [LineExplanation] = []
        for id in ids {
            guard let explanation = explainer.explain(id) else {
                Terminal.error("\(self.instance): no line \(id) in the instance")
                throw ExitCode(2)
            }
            explanations.append(explanation)
        }
        if json {
            try Terminal.emit(RotaJSON.encode(explanations), to: nil)
        } else {
            try Terminal.print(explanations.map(Reports.text).joined(separator: "\n\n"))
        }
    }
}
