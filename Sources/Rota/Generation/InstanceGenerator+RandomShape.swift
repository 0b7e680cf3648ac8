extension InstanceGenerator {
    /// A tiny-to-small shape with every rule switched on or off at random, for property tests:
    /// 1–8 accounts, 1–60 lines, a horizon of 5–60 days; rolling caps (soft, hard or both),
    /// item caps, review caps, unavailable days, lag overrides, `earliest`, due dates, SLA tiers,
    /// priority indices and history each appear in a good share of draws.
    package static func randomShape(rng: inout SplitMix64) -> Shape {
        var shape = Shape(name: "random")
        shape.accounts = rng.int(in: 1...8)
        shape.lines = rng.int(in: 1...60)
        shape.linesPerOrder = 1...rng.int(in: 1...4)
        shape.items = rng.int(in: 1...max(1, shape.lines))
        shape.itemSkew = rng.chance(0.5) ? 0 : rng.double(in: 0.5...1.5)
        shape.horizonDays = rng.int(in: 5...60)

        let low = rng.int(in: rng.chance(0.1) ? 0...1 : 1...3)
        shape.dailyLimit = low...(low + rng.int(in: 0...2))
        shape.unlimitedDailyLimit = rng.chance(0.2) ? 0.3 : 0
        shape.unavailable = [0, 0, 0.1, 0.3][rng.int(in: 0...3)]
        switch rng.int(in: 0...3) {
        case 1: shape.rolling = RollingShape(days: 2...7, soft: true, hard: false, fill: rng.double(in: 0.3...0.9))
        case 2: shape.rolling = RollingShape(days: 2...7, soft: false, hard: true, fill: rng.double(in: 0.3...0.9))
        case 3: shape.rolling = RollingShape(days: 2...7, soft: true, hard: true, fill: rng.double(in: 0.3...0.9))
        default: shape.rolling = nil
        }

        shape.sameItemPerAccountPerDay = [1, 1, 1, 2, nil][rng.int(in: 0...4)]
        shape.sameItemPerAccount = rng.chance(0.5) ? nil : rng.int(in: 1...3)
        shape.reviewsPerAccountPerDay = rng.chance(0.5) ? nil : rng.int(in: 1...3)
        let lag = rng.int(in: 0...10)
        shape.reviewLag = lag...(lag + rng.int(in: 0...3))
        shape.lagOverride = rng.chance(0.4) ? 0.3 : 0
        shape.lagOverrideDays = 0...12
        shape.earliest = rng.chance(0.4) ? 0.3 : 0
        shape.earliestSpreadDays = rng.int(in: 0...shape.horizonDays)

        shape.dueDate = rng.chance(0.5) ? 0.6 : 0
        shape.dueDays = 0...rng.int(in: 5...30)
        shape.slaTier = rng.chance(0.4) ? 0.5 : 0
        shape.indices = rng.chance(0.3) ? 0.7 : 0
        shape.weight = rng.chance(0.5) ? 1...1 : 0.5...3
        if rng.chance(0.4) {
            shape.history = HistoryShape(
                days: rng.int(in: 1...10), lines: rng.double(in: 0.1...0.6), missed: rng.double(in: 0...0.4),
                pending: rng.double(in: 0...0.8))
        }
        return shape
    }
}
