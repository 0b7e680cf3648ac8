import RotaCore

/// Per account, the first day it is available on or after each day: where a review lands.
struct FlowCalendar: Sendable {
    let horizon: Int
    /// `next[a][d]`, d in 0...horizon: the first available day ≥ d, or `horizon` when none.
    private let next: [[Int]]

    init(_ problem: PlanningProblem) {
        horizon = problem.horizon
        next = problem.available.map { days in
            var next = [Int](repeating: problem.horizon, count: problem.horizon + 1)
            var upcoming = problem.horizon
            for d in stride(from: problem.horizon - 1, through: 0, by: -1) {
                if d < days.count, days[d] { upcoming = d }
                next[d] = upcoming
            }
            return next
        }
    }

    /// The first day on or after `day` (and on or after day 0) that `account` is available,
    /// nil when there is none before the horizon.
    func firstAvailable(_ account: Int, from day: Int) -> Int? {
        guard day < horizon else { return nil }
        let d = next[account][max(0, day)]
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
        day >= 0 && day < horizon && next[account][day] == day
    }
}
