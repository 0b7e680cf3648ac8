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
    ///   arguments (`capacity`, `item`, `window`, `review`, `fixed-review`, see each
    ///   `DropArgument`): every valid plan leaves out every impossible line and, by each argument,
    ///   at least that many possible ones. A plan leaving out exactly `unscheduled` lines therefore leaves out at most `E`
    ///   possible lines.
    /// - `makespan` is the largest of:
    ///   - `history`: the last completed review's offset + 1, at least 0 (it stays in every plan);
    ///   - `line`: if more than `E` lines are possible, the `(E + 1)`-th largest `er` + 1: with at
    ///     most `E` left out, one of the `E + 1` latest lines is reviewed, on or after its `er`;
    ///   - each argument's smallest `M` with `drops(M) ≤ E`: a plan with makespan `m` has all
    ///     pending reviews before `m`, so `drops(m) ≤ E`; `drops` never increases with `M`, so
    ///     `m ≥` that smallest `M`, found by bisection on `[line, horizon]`.
    ///
    /// `parts` holds `unscheduled.impossible`, `unscheduled.<argument>` (its `drops(horizon)`),
    /// `makespan.history`, `makespan.line` and `makespan.<argument>`.
    ///
    /// Cost: O(accounts × days) tables and O(line groups × distinct accounts) earliest days, then
    /// O(lines + accounts × days + releases × lags) per check, with O(log days) checks per
    /// argument. Never traps on odd input (empty horizon, no accounts, absurd caps or lags).
    public static func compute(_ problem: PlanningProblem) -> MakespanBound {
        let horizon = problem.horizon
        let accounts = BoundAccounts(problem)
        let lines = BoundLines(problem, accounts: accounts)
        let deadlines = ReviewDeadlines(lines, horizon: horizon)
        let arguments: [any DropArgument] = [
            PurchaseDeadlineArgument(lines: lines, accounts: accounts, deadlines: deadlines),
            ItemDeadlineArgument(
                lines: lines, accounts: accounts, deadlines: deadlines, sameItemTotal: problem.sameItemTotal),
            PurchaseWindowArgument(lines: lines, accounts: accounts, deadlines: deadlines),
            ReviewWindowArgument(
                accounts: accounts, deadlines: deadlines, reviewsPerDay: problem.reviewsPerDay,
                lineCount: problem.lineCount),
            FixedReviewArgument(lines: lines, accounts: accounts, deadlines: deadlines, problem: problem),
        ]

        var parts: [String: Int] = ["unscheduled.impossible": lines.impossible]
        var drops = 0
        for argument in arguments {
            let d = argument.drops(makespan: horizon)
            parts["unscheduled.\(argument.name)"] = d
            drops = max(drops, d)
        }

        let history = lines.lastCompletedReview.map { max(0, $0 + 1) } ?? 0
        parts["makespan.history"] = history
        var lineBound = 0
        if lines.possible.count > drops {
            let reviews = lines.possible.map(\.earliestReview).sorted(by: >)
            lineBound = reviews[drops] + 1
        }
        parts["makespan.line"] = lineBound
        var makespan = max(history, lineBound)
        for argument in arguments {
            // drops(horizon) ≤ E by the choice of E, and drops(M) ≥ late(M) > E below `lineBound`.
            var lo = lineBound
            var hi = horizon
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
