/// The accounts able to purchase on each day, grouped into interchangeable sets: same room
/// under the daily limit, same review day for every lag (or, when only the makespan matters,
/// the same lags whose review falls before it), no item history that day.
///
/// The flow routes purchases into a group's pooled capacity (room × members, and
/// same-item cap × members per item); handing a group's units out round-robin, item by item,
/// gives no member more than its room nor more than the same-item cap of one item, so the
/// pooled flow is exact while the network shrinks from accounts × days to groups × days.
struct FlowAccountGroups: Sendable {
    let groups: [FlowAccountGroup]
    /// Group indices by day.
    let groupsOnDay: [[Int]]
    /// The group of each account on each day it can purchase (`-1` when it cannot), for days
    /// before the makespan (later days, beyond each array, have none).
    let groupOf: [[Int]]

    /// Groups for every day, for plans whose reviews are all before `makespan` (later review
    /// days count as none); with `pooling` false every account is a group of its own. Without
    /// `exactReviews`, accounts whose reviews fall on different days before the makespan pool
    /// together, and every such review day reads as `makespan − 1`.
    init(_ demand: FlowDemand, pooling: Bool, makespan: Int, exactReviews: Bool) {
        let problem = demand.problem
        let horizon = problem.horizon
        var groups: [FlowAccountGroup] = []
        var groupsOnDay = [[Int]](repeating: [], count: horizon)
        // Days from the makespan on hold no group: only days before it are stored.
        var groupOf = [[Int]](
            repeating: [Int](repeating: -1, count: min(horizon, max(0, makespan))), count: problem.accountCount)
        for d in 0..<min(horizon, max(0, makespan)) {
            var byKey: [Key: Int] = [:]
            for a in 0..<problem.accountCount where demand.calendar.isAvailable(a, on: d) {
                let room = demand.dayRoom(a, d)
                guard room > 0 else { continue }
                let reviewDays = demand.lags.map { lag in
                    demand.calendar.reviewDay(a, purchasedOn: d, lag: lag).flatMap {
                        $0 < makespan ? (exactReviews ? $0 : makespan - 1) : nil
                    }
                }
                let alone = !pooling || demand.itemHistoryAccounts[d].contains(a)
                let key = Key(room: room, reviewDays: reviewDays, alone: alone ? a : -1)
                if let g = byKey[key] {
                    groups[g].accounts.append(a)
                } else {
                    byKey[key] = groups.count
                    groupsOnDay[d].append(groups.count)
                    groups.append(
                        FlowAccountGroup(day: d, accounts: [a], room: room, reviewDays: reviewDays, alone: alone))
                }
                groupOf[a][d] = byKey[key] ?? -1
            }
        }
        self.groups = groups
        self.groupsOnDay = groupsOnDay
        self.groupOf = groupOf
    }

    private struct Key: Hashable {
        var room: Int
        var reviewDays: [Int?]
        /// The account, for a group that must stay alone; -1 otherwise.
        var alone: Int
    }
}

/// Interchangeable accounts on one day.
struct FlowAccountGroup: Hashable, Sendable {
    var day: Int
    /// Members, ascending.
    var accounts: [Int]
    /// Purchases each member may still make that day.
    var room: Int
    /// Per lag (as in `FlowDemand.lags`): the review day of a purchase made that day, if it is
    /// before the makespan (`makespan − 1` for groups pooled without exact review days).
    var reviewDays: [Int?]
    /// A single account kept apart (it has item history that day, or pooling is off).
    var alone: Bool
}
