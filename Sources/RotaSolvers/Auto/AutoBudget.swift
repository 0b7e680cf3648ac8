import RotaCore

/// `auto`'s work budgets, deterministic multiples of greedy's work (no wall clock, so a plan
/// repeats on every run and machine).
///
/// Greedy's work is its passes × (lines + accounts × days): each pass walks every line and,
/// day by day, the open accounts, over the days up to its plan's makespan (`days`). Measured
/// on the medium and large families (release build), a unit of it takes about as long as one
/// arc of a maximum flow (1.4 µs on large-1), so the flow gets `flowFactor` times that in arcs
/// solved (`FlowWorkBudget`): about twice greedy's time. The improvement search gets
/// `improvementFactor` times that in ledger probes: a probe takes about a sixth of a greedy
/// unit (crunch-5: 0.1 µs against 0.6 µs), so about 40 × greedy's time, under a second on the
/// crunch family (1,500–2,500 lines), where it is what closes the gap. Each gets at least a minimum, because greedy
/// on a small instance takes microseconds, too little to solve one network or try a
/// neighbourhood; the minimums take milliseconds.
struct AutoBudget: Equatable {
    /// Greedy's work units.
    let greedyWork: Int
    /// Arcs the flow may solve.
    let flow: Int
    /// Ledger probes the improvement search may spend.
    let improvement: Int

    static let flowFactor = 2
    static let flowMinimum = 50_000
    static let improvementFactor = 250
    static let improvementMinimum = 400_000

    init(problem: PlanningProblem, greedyPasses: Int, days: Int) {
        let perPass = problem.lineCount + problem.accountCount * max(1, min(days, problem.horizon))
        let (work, overflow) = max(1, greedyPasses).multipliedReportingOverflow(by: perPass)
        greedyWork = overflow ? Int.max / 64 : work
        flow = max(Self.flowMinimum, greedyWork * Self.flowFactor)
        improvement = max(Self.improvementMinimum, greedyWork * Self.improvementFactor)
    }
}
