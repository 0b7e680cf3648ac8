import RotaCore

/// The days a lateness bound reads (`LatenessBounds`): for the days `0 ..< days` before a
/// makespan `T`, each account's purchase room and its first possible review day from any day,
/// and per review lag the earliest review a purchase on each day can lead to.
///
/// Every table over-approximates what a valid plan can do (only caps are dropped, never added),
/// so a cost read from it is at most the true cost:
/// - `room[a, d]`: account `a` buys at most `dailyLimit − completed purchases on d` on `d`
///   (rule 4), nothing on a day off (rule 3), and at most `rolling.hard` (rule 7: the window
///   starting on `d` holds `d`); 0 when any of these is 0.
/// - `nextReview[a, r]`: the first day `r' ≥ r`, `r' < days`, on which `a` works (rule 3) and
///   has review room left after history (rule 8), or `none`.
/// - `earliest(lag: L)[d]` (`E_L(d)`): the smallest `nextReview[a, d + L]` over the accounts with
///   room on `d`; a purchase on `d` by any account is reviewed by the same account on or after
///   `d + L` (rule 6) on a day it can review, so no later than `T − 1` only if `E_L(d) < days`,
///   and never before `E_L(d)`.
/// - `hull(lag: L)[d]` (`Ê_L(d) = min over d' ≥ d of E_L(d')`): the earliest review of any
///   purchase on or after `d`, which never decreases with `d`.
struct LatenessCalendar {
    /// Stands for "no such day".
    static let none = Int.max

    let days: Int
    let accountCount: Int
    /// `room[a * days + d]`.
    let room: [Int]
    /// `Σ_a room[a, d]`, per day.
    let dayRoom: [Int]
    /// `nextReview[a * (days + 1) + r]`, with `r = days` always `none`.
    private let nextReview: [Int]

    init(_ problem: PlanningProblem, history: PlanningHistory, days: Int) {
        let accounts = problem.accountCount
        self.days = days
        accountCount = accounts
        var room = [Int](repeating: 0, count: accounts * days)
        var dayRoom = [Int](repeating: 0, count: days)
        var nextReview = [Int](repeating: Self.none, count: accounts * (days + 1))
        for a in 0..<accounts {
            let hard = problem.rolling[a].flatMap { $0.days >= 1 ? $0.hard : nil } ?? PlanningProblem.unlimited
            let base = a * days
            for d in 0..<days where problem.available[a][d] {
                let left = min(problem.dailyLimit[a] - history.purchases(account: a, day: d), max(0, hard))
                room[base + d] = max(0, left)
                dayRoom[d] = min(PlanningProblem.unlimited, dayRoom[d] + room[base + d])
            }
            let reviewBase = a * (days + 1)
            var next = Self.none
            for r in stride(from: days - 1, through: 0, by: -1) {
                if problem.available[a][r], problem.reviewsPerDay - history.reviews(account: a, day: r) > 0 { next = r }
                nextReview[reviewBase + r] = next
            }
        }
        self.room = room
        self.dayRoom = dayRoom
        self.nextReview = nextReview
    }

    /// The first day on or after `day` (at least 0) before `days` on which account `a` can review.
    func nextReview(account a: Int, from day: Int) -> Int {
        let r = max(0, day)
        guard r < days else { return Self.none }
        return nextReview[a * (days + 1) + r]
    }

    /// `E_L(d)` for every purchase day `d` (`none` when no account with room can review in time).
    func earliest(lag: Int) -> [Int] {
        var result = [Int](repeating: Self.none, count: days)
        guard lag < days else { return result }
        for a in 0..<accountCount {
            let base = a * days
            let reviewBase = a * (days + 1)
            for d in 0..<(days - lag) where room[base + d] > 0 {
                let r = nextReview[reviewBase + d + lag]
                if r < result[d] { result[d] = r }
            }
        }
        return result
    }

    /// `Ê_L(d) = min over d' ≥ d of E_L(d')`, from `earliest`.
    static func hull(_ earliest: [Int]) -> [Int] {
        var result = earliest
        var best = none
        for d in stride(from: earliest.count - 1, through: 0, by: -1) {
            best = min(best, earliest[d])
            result[d] = best
        }
        return result
    }
}
