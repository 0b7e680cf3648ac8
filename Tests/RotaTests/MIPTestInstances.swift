import Testing
import RotaCore

/// SplitMix64: a tiny seeded generator, so every test instance is reproducible.
struct MIPRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
}

/// Seeded tiny instances (≤ 8 lines, ≤ 3 accounts, ≤ 6 days) exercising every rule.
enum MIPTinyInstances {
    static let start = Day(year: 2026, month: 12, day: 1)!

    static func make(seed: UInt64, maxLines: Int = 8, maxAccounts: Int = 3, maxDays: Int = 6) -> Instance {
        var random = MIPRandom(seed: seed)
        let horizon = random.int(2...maxDays)
        let accountCount = random.int(1...maxAccounts)
        let lineCount = random.int(1...maxLines)
        let itemCount = random.int(1...3)
        let rules = Rules(
            reviewLagDays: random.int(0...2),
            sameItemPerAccountPerDay: random.pick([1, 1, 2, nil]),
            sameItemPerAccount: random.chance(0.3) ? random.int(1...2) : nil,
            reviewsPerAccountPerDay: random.chance(0.35) ? random.int(1...2) : nil)
        var accounts: [Account] = []
        for a in 0..<accountCount {
            var unavailable: [Day] = []
            for d in 0..<horizon where random.chance(0.15) { unavailable.append(start + d) }
            var rolling: RollingCap?
            if random.chance(0.4) {
                let days = random.int(2...3)
                let hard = random.chance(0.7) ? random.int(1...3) : nil
                let soft = random.chance(0.7) ? random.int(1...2) : nil
                rolling = RollingCap(days: days, soft: soft, hard: hard)
            }
            accounts.append(
                Account(
                    id: AccountID("acct-\(a + 1)"), dailyLimit: random.pick([1, 2, 3, nil]), unavailable: unavailable,
                    rolling: rolling))
        }
        var orders: [Order] = []
        var remaining = lineCount
        var orderNumber = 0
        while remaining > 0 {
            orderNumber += 1
            let size = min(remaining, random.int(1...3))
            remaining -= size
            var lines: [Line] = []
            for k in 0..<size {
                lines.append(
                    Line(
                        id: LineID("ord-\(orderNumber)/\(k + 1)"), item: ItemID("item-\(random.int(1...itemCount))"),
                        earliest: random.chance(0.3) ? start + random.int(0...2) : nil,
                        reviewLagDays: random.chance(0.2) ? random.int(0...3) : nil))
            }
            orders.append(
                Order(
                    id: OrderID("ord-\(orderNumber)"), dueDate: random.chance(0.7) ? start + random.int(0...horizon) : nil,
                    weight: random.pick([1, 1, 2, 0.5, 1.5]), lines: lines))
        }
        // History: some completed purchases (some reviewed), some missed tasks.
        var existing: [PlanTask] = []
        for order in orders {
            for line in order.lines where random.chance(0.15) {
                let account = random.pick(accounts).id
                let day = start + random.int(-2...1)
                let status: TaskStatus = random.chance(0.25) ? .missed : .completed
                let purchaseID = TaskID("P:\(line.id)")
                existing.append(
                    PlanTask(
                        id: purchaseID, kind: .purchase, line: line.id, order: order.id, item: line.item,
                        account: account, date: day, status: status))
                if status == .completed, random.chance(0.4) {
                    let reviewStatus: TaskStatus = random.chance(0.5) ? .completed : .missed
                    existing.append(
                        PlanTask(
                            id: TaskID("R:\(line.id)"), kind: .review, line: line.id, order: order.id, item: line.item,
                            account: account, date: day + (line.reviewLagDays ?? rules.reviewLagDays),
                            status: reviewStatus, after: purchaseID))
                }
            }
        }
        return Instance(
            name: "tiny-\(seed)", start: start, horizonDays: horizon, rules: rules, accounts: accounts, orders: orders,
            existing: existing)
    }
}

/// Seeded larger instances (days off, hard rolling caps) for limits and timing.
enum MIPSizedInstances {
    static func make(seed: UInt64, accounts: Int, lines: Int, items: Int, days: Int, lag: Int = 3) -> Instance {
        var random = MIPRandom(seed: seed)
        let start = MIPTinyInstances.start
        let accountList = (0..<accounts).map { a in
            Account(
                id: AccountID("acct-\(a + 1)"), dailyLimit: random.int(2...4),
                unavailable: (0..<days).filter { _ in random.chance(0.1) }.map { start + $0 },
                rolling: RollingCap(days: 7, soft: 10, hard: random.int(12...16)))
        }
        var orders: [Order] = []
        var made = 0
        while made < lines {
            let size = min(lines - made, random.int(1...4))
            let id = "ord-\(orders.count + 1)"
            let order = Order(
                id: OrderID(id), dueDate: start + random.int(lag + 2...days), weight: random.pick([1, 1, 2, 0.5]),
                lines: (0..<size).map { k in
                    Line(id: LineID("\(id)/\(k + 1)"), item: ItemID("item-\(random.int(1...items))"),
                         earliest: random.chance(0.2) ? start + random.int(0...5) : nil)
                })
            orders.append(order)
            made += size
        }
        return Instance(
            name: "sized-\(seed)", start: start, horizonDays: days, rules: Rules(reviewLagDays: lag),
            accounts: accountList, orders: orders)
    }
}

extension MIPTinyInstances {
    /// Expects `found` to equal `optimum` at every level of the objective (lateness within
    /// the shared tolerance).
    static func expectEveryLevel(
        _ found: ObjectiveValues, equals optimum: ObjectiveValues, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let comment = Comment(rawValue: context)
        #expect(found.unscheduled == optimum.unscheduled, comment, sourceLocation: sourceLocation)
        #expect(found.makespan == optimum.makespan, comment, sourceLocation: sourceLocation)
        #expect(
            Objective.nearlyEqual(found.weightedLateness, optimum.weightedLateness), comment,
            sourceLocation: sourceLocation)
        #expect(found.largestLoad == optimum.largestLoad, comment, sourceLocation: sourceLocation)
        #expect(found.spread == optimum.spread, comment, sourceLocation: sourceLocation)
        #expect(found.softOverruns == optimum.softOverruns, comment, sourceLocation: sourceLocation)
    }
}
