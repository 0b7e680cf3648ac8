import RotaCore

/// `auto`'s work budgets, deterministic multiples of greedy's work (no wall clock, so a plan
/// repeats on every run and machine).
///
/// Greedy's work is its passes × (lines + accounts × days): each pass walks every line and,
/// day by day, the open accounts, over the days up to its plan's makespan (`days`). The flow
/// gets `flowFactor` times that in arcs solved (`FlowWorkBudget`), the improvement search
/// `improvementFactor` times that in ledger probes, and at least `improvementMinimum` (greedy
/// on a small instance takes microseconds, too little to try a neighbourhood).
struct AutoBudget: Equatable {
    /// Greedy's work units.
    let greedyWork: Int
    /// Arcs the flow may solve.
    let flow: Int
    /// Ledger probes the improvement search may spend.
    let improvement: Int

    static let flowFactor = 8
    static let improvementFactor = 30
    static let improvementMinimum = 400_000

    init(problem: PlanningProblem, greedyPasses: Int, days: Int) {
        let perPass = problem.lineCount + problem.accountCount * max(1, min(days, problem.horizon))
        let (work, overflow) = max(1, greedyPasses).multipliedReportingOverflow(by: perPass)
        greedyWork = overflow ? Int.max / 64 : work
        flow = greedyWork * Self.flowFactor
        improvement = max(Self.improvementMinimum, greedyWork * Self.improvementFactor)
    }
}
