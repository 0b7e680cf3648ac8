import RotaCore

/// Per account, the first day it is available on or after each day: where a review lands.
struct FlowCalendar: Sendable {
    let horizon: Int
    /// `runs[a]`: the days of the horizon `a` is available, as ascending runs `[start, end)`
    /// flattened (as `DayRuns.buyRuns`): O(days off) per account, not O(horizon).
    private let runs: [[Int]]

    init(_ problem: PlanningProblem) {
        horizon = problem.horizon
        runs = problem.available.map { days in
            DayRuns.runs(Array(days.prefix(problem.horizon)))
        }
    }

    /// The first day on or after `day` (and on or after day 0) that `account` is available,
    /// nil when there is none before the horizon.
    func firstAvailable(_ account: Int, from day: Int) -> Int? {
        guard day < horizon else { return nil }
        let d = DayRuns.next(in: runs[account], from: max(0, day), horizon: horizon)
        return d < horizon ? d : nil
    }

    /// The review day of a purchase by `account` on `day` with `lag`: its first available day
    /// at least `lag` days later, nil when there is none before the horizon.
    func reviewDay(_ account: Int, purchasedOn day: Int, lag: Int) -> Int? {
        let (earliest, overflow) = day.addingReportingOverflow(lag)
        return overflow ? nil : firstAvailable(account, from: earliest)
    }

    /// Whether `account` works on `day` (a day of the horizon).
    func isAvailable(_ account: Int, on day: Int) -> Bool {
        day >= 0 && day < horizon && DayRuns.next(in: runs[account], from: day, horizon: horizon) == day
    }
}
