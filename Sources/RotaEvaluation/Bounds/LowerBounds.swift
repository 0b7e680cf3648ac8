import RotaCore

/// Proven lower bounds on what any valid plan of a problem can achieve.
public enum LowerBounds {
    /// The lexicographic bound (fewest lines left out, then the makespan of plans leaving out
    /// exactly that many), taking the strongest of several cheap arguments.
    ///
    /// Lines whose purchase and review are both completed need nothing and are ignored. The
    /// other lines are *impossible* (no account can buy and then review them before the horizon,
    /// see `BoundLines`) or *possible* with an earliest review day `er`.
    ///
    /// - `unscheduled = impossible + E`, where `E` is the largest `drops(horizon)` of the capacity
    ///   arguments (`capacity`, `item`, `window`, `review`, `fixed-review`, and the max-flow
    ///   relaxations `flow`, `flow-rolling` and `flow-prefix`, see each `DropArgument` and `FlowArgument`): every valid plan leaves out every impossible line and, by each argument,
    ///   at least that many possible ones. A plan leaving out exactly `unscheduled` lines therefore leaves out at most `E`
    ///   possible lines.
    /// - `makespan` is the largest of:
    ///   - `history`: the last completed review's offset + 1, at least 0 (it stays in every plan);
    ///   - `line`: if more than `E` lines are possible, the `(E + 1)`-th largest `er` + 1: with at
    ///     most `E` left out, one of the `E + 1` latest lines is reviewed, on or after its `er`;
    ///   - each argument's smallest `M` with `drops(M) ≤ E`: a plan with makespan `m` has all
    ///     pending reviews before `m`, so `drops(m) ≤ E`; `drops` never increases with `M`, so
    ///     `m ≥` that smallest `M`, found by bisection on `[line, horizon]`. The costly flow
    ///     arguments only matter above the makespan proved so far, so they gallop up from it
    ///     (`M`, `M + 1`, `M + 3`, `M + 7`, …) and bisect the last step: their part is the
    ///     smallest passing `M` at or above the others' (equal to it when the flow adds nothing).
    ///
    /// `parts` holds `unscheduled.impossible`, `unscheduled.<argument>` (its `drops(horizon)`),
    /// `makespan.history`, `makespan.line` and `makespan.<argument>`.
    ///
    /// Cost: O(accounts × days) tables and O(line groups × distinct accounts) earliest days, then
    /// O(lines + accounts × days + releases × lags) per check, with O(log days) checks per
    /// argument; each flow check is one max flow on at most `FlowArgument.arcLimit` arcs. Never traps on odd input (empty horizon, no accounts, absurd caps or lags).
    ///
    /// Long horizons: the tables only cover a window of days `0 ..< D` (`BoundAccounts`), with
    /// `D` from the latest earliest review, doubled while some argument still proves a drop at
    /// `D - 1`. Every argument reads only days before the makespan `M` it is asked about, so for
    /// `M < D` it answers as over the whole horizon (with lags ≥ 0, all its deadlines are before
    /// `M`, and `drops` at later days only meets more capacity). Once every argument proves no
    /// drop at `D - 1`, it proves none at the horizon either (`drops` never increases with `M`),
    /// so `E = 0`, and each bisection's answer is at most `D - 1`: the result is the one over the
    /// whole horizon, at O(accounts × D) memory. Otherwise (drops at every window, negative
    /// lags) the whole horizon is used. `windowFrom`: horizons from this many days on try windows.
    public static func compute(_ problem: PlanningProblem) -> MakespanBound {
        compute(problem, windowFrom: 1_024)
    }

    /// `flow: false` leaves out the flow arguments (for comparing against the cheap ones).
    static func compute(_ problem: PlanningProblem, windowFrom: Int, flow: Bool = true) -> MakespanBound {
        let horizon = problem.horizon
        guard horizon >= windowFrom, horizon > 2 else {
            return compute(problem, accounts: BoundAccounts(problem), flow: flow)
        }
        let lines = BoundLines(problem, accounts: BoundAccounts(problem, days: 0))
        let deadlines = ReviewDeadlines(lines, horizon: horizon)
        let history = lines.lastCompletedReview.map { max(0, $0 + 1) } ?? 0
        // With no line left out, the latest earliest review bounds the makespan (`line`).
        let lineBound = lines.possible.map(\.earliestReview).max().map { $0 + 1 } ?? 0
        if lines.possible.allSatisfy({ $0.lag >= 0 }) {
            var window = max(64, 2 * (max(history, lineBound) + 1))
            while window < horizon {
                let accounts = BoundAccounts(problem, days: window)
                let arguments = Self.arguments(
                    problem, lines: lines, accounts: accounts, deadlines: deadlines, flow: flow)
                if arguments.allSatisfy({ $0.drops(makespan: window - 1) == 0 }) {
                    return bound(
                        lines: lines, arguments: arguments, history: history, drops: 0, lineBound: lineBound,
                        highest: window - 1, dropsAtHorizon: arguments.map { _ in 0 })
                }
                window *= 2
            }
        }
        return compute(problem, accounts: BoundAccounts(problem), flow: flow)
    }

    /// The capacity arguments over `accounts`' tables.
    private static func arguments(
        _ problem: PlanningProblem, lines: BoundLines, accounts: BoundAccounts, deadlines: ReviewDeadlines,
        flow: Bool
    ) -> [any DropArgument] {
        let cheap: [any DropArgument] = [
            PurchaseDeadlineArgument(lines: lines, accounts: accounts, deadlines: deadlines),
            ItemDeadlineArgument(
                lines: lines, accounts: accounts, deadlines: deadlines, sameItemTotal: problem.sameItemTotal),
            PurchaseWindowArgument(lines: lines, accounts: accounts, deadlines: deadlines),
            ReviewWindowArgument(
                accounts: accounts, deadlines: deadlines, reviewsPerDay: problem.reviewsPerDay,
                lineCount: problem.lineCount),
            FixedReviewArgument(lines: lines, accounts: accounts, deadlines: deadlines, problem: problem),
        ]
        guard flow else { return cheap }
        // The usually strongest first, so the others' gallops mostly end at their first check.
        return cheap + [
            FlowArgument(problem, lines: lines, accounts: accounts, deadlines: deadlines, rolling: false, prefix: true),
            FlowArgument(problem, lines: lines, accounts: accounts, deadlines: deadlines, rolling: true),
            FlowArgument(problem, lines: lines, accounts: accounts, deadlines: deadlines, rolling: false),
        ]
    }

    /// The bound over the whole horizon (`accounts` covers every day).
    private static func compute(_ problem: PlanningProblem, accounts: BoundAccounts, flow: Bool) -> MakespanBound {
        let horizon = problem.horizon
        let lines = BoundLines(problem, accounts: accounts)
        let deadlines = ReviewDeadlines(lines, horizon: horizon)
        let arguments = Self.arguments(problem, lines: lines, accounts: accounts, deadlines: deadlines, flow: flow)
        let dropsAtHorizon = arguments.map { $0.drops(makespan: horizon) }
        let drops = dropsAtHorizon.max() ?? 0
        let history = lines.lastCompletedReview.map { max(0, $0 + 1) } ?? 0
        var lineBound = 0
        if lines.possible.count > drops {
            let reviews = lines.possible.map(\.earliestReview).sorted(by: >)
            lineBound = reviews[drops] + 1
        }
        return bound(
            lines: lines, arguments: arguments, history: history, drops: drops, lineBound: lineBound,
            highest: horizon, dropsAtHorizon: dropsAtHorizon)
    }

    /// Assembles the bound: each argument's smallest `M` in `lineBound ... highest` with
    /// `drops(M) ≤ drops` (`highest` passes for every argument).
    private static func bound(
        lines: BoundLines, arguments: [any DropArgument], history: Int, drops: Int, lineBound: Int, highest: Int,
        dropsAtHorizon: [Int]
    ) -> MakespanBound {
        var parts: [String: Int] = ["unscheduled.impossible": lines.impossible]
        for (argument, d) in zip(arguments, dropsAtHorizon) { parts["unscheduled.\(argument.name)"] = d }
        parts["makespan.history"] = history
        parts["makespan.line"] = lineBound
        var makespan = max(history, lineBound)
        for argument in arguments where !argument.isCostly {
            // drops(highest) ≤ E by the choice of E, and drops(M) ≥ late(M) > E below `lineBound`.
            var lo = lineBound
            var hi = highest
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if argument.drops(makespan: mid) <= drops { hi = mid } else { lo = mid + 1 }
            }
            parts["makespan.\(argument.name)"] = lo
            makespan = max(makespan, lo)
        }
        for argument in arguments where argument.isCostly {
            // Only a makespan above the others' matters: gallop up from it, then bisect.
            // Invariants: the answer is ≥ lo, and drops(hi) ≤ E.
            var lo = min(makespan, highest)
            var hi = highest
            if lo >= hi {
                lo = hi
            } else if argument.drops(makespan: lo) <= drops {
                hi = lo
            } else {
                lo += 1
                var step = 1
                while lo < hi {
                    let probe = min(hi, lo + step - 1)
                    if argument.drops(makespan: probe) <= drops {
                        hi = probe
                        break
                    }
                    lo = probe + 1
                    step *= 2
                }
            }
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if argument.drops(makespan: mid) <= drops { hi = mid } else { lo = mid + 1 }
            }
            parts["makespan.\(argument.name)"] = lo
            makespan = max(makespan, lo)
        }
        return MakespanBound(unscheduled: lines.impossible + drops, makespan: makespan, parts: parts)
    }
}
