@testable import RotaCore

/// A compact, solver-independent check of the nine feasibility rules, for the greedy tests.
/// Returns one message per breach a pending task takes part in (history alone is never blamed).
struct GreedyPlanChecker {
    let instance: Instance

    func problems(in plan: Plan) -> [String] {
        var problems: [String] = []
        let start = instance.start
        let end = instance.end
        let rules = instance.rules
        var lineOf: [LineID: (order: OrderID, item: ItemID, earliest: Day?, lag: Int)] = [:]
        for order in instance.orders {
            for line in order.lines {
                lineOf[line.id] = (order.id, line.item, line.earliest, line.reviewLagDays ?? rules.reviewLagDays)
            }
        }
        var accountOf: [AccountID: Account] = [:]
        for account in instance.accounts { accountOf[account.id] = account }

        // Rule 9: history kept verbatim.
        let planTasks = Dictionary(plan.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if planTasks.count != plan.tasks.count { problems.append("task ids are not unique") }
        for task in instance.existing where task.status != .pending {
            if planTasks[task.id] != task { problems.append("history task \(task.id) changed or missing") }
        }
        let history = Set(instance.existing.filter { $0.status != .pending }.map(\.id))
        for task in plan.tasks where task.status != .pending && !history.contains(task.id) {
            problems.append("task \(task.id) invents history")
        }

        // Rule 1: coverage.
        let live = plan.tasks.filter { $0.status != .missed }
        var purchases: [LineID: [PlanTask]] = [:]
        var reviews: [LineID: [PlanTask]] = [:]
        for task in live {
            guard let line = lineOf[task.line] else {
                problems.append("task \(task.id) names unknown line")
                continue
            }
            if accountOf[task.account] == nil { problems.append("task \(task.id) names unknown account") }
            if task.item != line.item || task.order != line.order { problems.append("task \(task.id) item/order") }
            if task.kind == .purchase { purchases[task.line, default: []].append(task) } else {
                reviews[task.line, default: []].append(task)
            }
        }
        let unscheduled = Dictionary(plan.unscheduled.map { ($0.line, $0.reason) }, uniquingKeysWith: { a, _ in a })
        for (id, line) in lineOf.sorted(by: { $0.key < $1.key }) {
            let p = purchases[id] ?? []
            let r = reviews[id] ?? []
            if let reason = unscheduled[id] {
                if reason.isEmpty { problems.append("line \(id) left out without a reason") }
                if (p + r).contains(where: { $0.status == .pending }) { problems.append("line \(id) left out yet planned") }
                continue
            }
            guard p.count == 1, r.count == 1 else {
                problems.append("line \(id) has \(p.count) purchases and \(r.count) reviews")
                continue
            }
            // Rule 6: same account, after the lag.
            if p[0].status == .pending || r[0].status == .pending {
                if r[0].account != p[0].account { problems.append("line \(id) reviewed by another account") }
                if r[0].date - p[0].date < line.lag { problems.append("line \(id) reviewed before its lag") }
                if r[0].after != p[0].id { problems.append("line \(id) review does not name its purchase") }
            }
            // Rule 2: dates.
            if p[0].status == .pending, let earliest = line.earliest, p[0].date < earliest {
                problems.append("line \(id) bought before earliest")
            }
        }
        for task in live where task.status == .pending {
            if task.date < start || task.date >= end { problems.append("task \(task.id) outside the horizon") }
            if let account = accountOf[task.account], account.unavailable.contains(task.date) {
                problems.append("task \(task.id) on an unavailable day")
            }
        }

        // Rules 4, 5, 7, 8: caps over non-missed tasks, blamed when a pending task is involved.
        struct Tally {
            var count = 0
            var pending = false
            mutating func add(_ task: PlanTask) {
                count += 1
                if task.status == .pending { pending = true }
            }
        }
        func breaches<Key: Hashable & Comparable>(_ tasks: [PlanTask], limit: Int?, key: (PlanTask) -> Key, what: String) {
            guard let limit else { return }
            var tallies: [Key: Tally] = [:]
            for task in tasks { tallies[key(task), default: Tally()].add(task) }
            for (k, tally) in tallies.sorted(by: { $0.key < $1.key }) where tally.pending && tally.count > limit {
                problems.append("\(what) \(k): \(tally.count) > \(limit)")
            }
        }
        let bought = live.filter { $0.kind == .purchase }
        for account in instance.accounts {
            let mine = bought.filter { $0.account == account.id }
            breaches(mine, limit: account.dailyLimit, key: { $0.date }, what: "daily limit of \(account.id) on")
            if let rolling = account.rolling, let hard = rolling.hard, rolling.days > 0 {
                // The fullest window holding a day starts at its earliest possible start or at a
                // purchase day; only those starts are checked.
                let window = min(rolling.days, 1 << 40)
                for day in Set(mine.map(\.date.ordinal)) {
                    let earliest = day - window + 1
                    let starts = Set([earliest] + mine.map(\.date.ordinal).filter { $0 >= earliest && $0 <= day })
                    for s in starts {
                        let inside = mine.filter { $0.date.ordinal >= s && $0.date.ordinal - s < window }
                        if inside.count > hard && inside.contains(where: { $0.status == .pending }) {
                            problems.append("rolling cap of \(account.id) from \(Day(ordinal: s))")
                        }
                    }
                }
            }
        }
        breaches(bought, limit: rules.sameItemPerAccountPerDay, key: { "\($0.account) \($0.item) \($0.date)" }, what: "item per day")
        breaches(bought, limit: rules.sameItemPerAccount, key: { "\($0.account) \($0.item)" }, what: "item per account")
        breaches(
            live.filter { $0.kind == .review }, limit: rules.reviewsPerAccountPerDay, key: { "\($0.account) \($0.date)" },
            what: "reviews per day")
        return problems
    }
}
