import Foundation
import RotaCore

/// Makes planning instances of a given `Shape` from a seed: the same seed and shape always
/// give the same instance. History, when the shape asks for it, comes from a `seed-greedy`
/// plan of an earlier period, so completed tasks respect every cap among themselves.
package struct InstanceGenerator: Sendable {
    /// 2026-12-01, the default first plannable day.
    package static let defaultStart = Day(ordinal: 20_788)
    static let slaTiers = ["critical", "high", "standard", "deferred"]
    static let indexNames = ["customer", "readiness", "risk", "sla", "value"]

    package var shape: Shape

    package init(shape: Shape) { self.shape = shape }

    /// The instance for `seed`.
    package func generate(seed: UInt64) -> Instance {
        var rng = SplitMix64(seed: seed)
        let shape = shape
        let horizon = max(0, shape.horizonDays)
        let rules = Rules(
            reviewLagDays: rng.int(in: shape.reviewLag), sameItemPerAccountPerDay: shape.sameItemPerAccountPerDay,
            sameItemPerAccount: shape.sameItemPerAccount, reviewsPerAccountPerDay: shape.reviewsPerAccountPerDay)
        let accounts = (0..<max(0, shape.accounts)).map { makeAccount($0, horizon: horizon, rng: &rng) }
        let orders = makeOrders(rng: &rng)
        let policy: Policy? =
            shape.slaTier > 0 || shape.indices > 0
            ? Policy(
                weights: ["sla": 0.35, "value": 0.20, "readiness": 0.20, "customer": 0.15, "risk": 0.10],
                slaTierDays: ["critical": 6, "high": 8, "standard": 12, "deferred": 21])
            : nil
        var instance = Instance(
            name: "\(shape.name)-\(seed)", start: shape.start, horizonDays: horizon, rules: rules,
            accounts: accounts, orders: orders, policy: policy)
        if let history = shape.history, history.days > 0, history.lines > 0 {
            instance.existing = makeHistory(history, instance: &instance, rng: &rng)
        }
        return instance
    }

    private func makeAccount(_ k: Int, horizon: Int, rng: inout SplitMix64) -> Account {
        let limit: Int? = rng.chance(shape.unlimitedDailyLimit) ? nil : rng.int(in: shape.dailyLimit)
        var unavailable: [Day] = []
        for d in 0..<horizon where rng.chance(shape.unavailable) { unavailable.append(shape.start + d) }
        var rolling: RollingCap?
        if let r = shape.rolling, r.soft || r.hard {
            let days = max(1, rng.int(in: r.days))
            let perDay = Double(max(1, limit ?? shape.dailyLimit.upperBound))
            // hard = ⌈days × limit × fill⌉, or m × limit when the shape gives the multiple m.
            let capacity = shape.hardCapPerDailyLimit.map { Double(rng.int(in: $0)) * perDay } ?? Double(days) * perDay * r.fill
            let hard = max(1, Int(capacity.rounded(.up)))
            let soft = max(1, Int((capacity * 0.8).rounded(.down)))
            rolling = RollingCap(days: days, soft: r.soft ? soft : nil, hard: r.hard ? hard : nil)
        }
        return Account(id: AccountID("acct-\(k + 1)"), dailyLimit: limit, unavailable: unavailable, rolling: rolling)
    }

    private func makeOrders(rng: inout SplitMix64) -> [Order] {
        let itemCount = max(1, shape.items)
        // Zipf popularity: item k is drawn with weight 1 / (k + 1)^skew.
        var cumulative: [Double] = []
        var total = 0.0
        for k in 0..<itemCount {
            total += 1 / pow(Double(k + 1), max(0, shape.itemSkew))
            cumulative.append(total)
        }
        func drawItem(_ rng: inout SplitMix64) -> ItemID {
            let x = rng.unit() * total
            var low = 0
            var high = itemCount - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] > x { high = mid } else { low = mid + 1 }
            }
            return ItemID("item-\(low + 1)")
        }
        var orders: [Order] = []
        var made = 0
        let lineCount = max(0, shape.lines)
        // Even items: a deck with item k on lines k, k + items, k + 2·items, …, shuffled
        // (Fisher–Yates), so each item is on ⌊lines / items⌋ or ⌈lines / items⌉ lines.
        var deck: [Int] = []
        if shape.evenItems {
            deck = (0..<lineCount).map { $0 % itemCount }
            for i in stride(from: deck.count - 1, to: 0, by: -1) { deck.swapAt(i, rng.int(in: 0...i)) }
        }
        let perOrder = max(1, shape.linesPerOrder.lowerBound)...max(1, shape.linesPerOrder.upperBound)
        while made < lineCount {
            let k = orders.count + 1
            let count = min(rng.int(in: perOrder), lineCount - made)
            var lines: [Line] = []
            for j in 1...count {
                let item = shape.evenItems ? ItemID("item-\(deck[made + j - 1] + 1)") : drawItem(&rng)
                let earliest: Day? =
                    rng.chance(shape.earliest) ? shape.start + rng.int(in: 0...max(0, shape.earliestSpreadDays)) : nil
                let lag: Int? = rng.chance(shape.lagOverride) ? rng.int(in: shape.lagOverrideDays) : nil
                lines.append(Line(id: LineID("ord-\(k)/\(j)"), item: item, earliest: earliest, reviewLagDays: lag))
            }
            made += count
            let createdAt = shape.start - rng.int(in: 0...3)
            let due: Day? = rng.chance(shape.dueDate) ? shape.start + rng.int(in: shape.dueDays) : nil
            let tier = rng.chance(shape.slaTier) ? rng.pick(Self.slaTiers) : nil
            let weight = (rng.double(in: shape.weight) * 100).rounded() / 100
            var indices: [String: Double]?
            if rng.chance(shape.indices) {
                var values: [String: Double] = [:]
                for name in Self.indexNames where rng.chance(0.9) { values[name] = (rng.unit() * 100).rounded() / 100 }
                indices = values
            }
            orders.append(
                Order(
                    id: OrderID("ord-\(k)"), client: "client-\(rng.int(in: 1...max(1, lineCount / 4 + 1)))",
                    createdAt: createdAt, dueDate: due, slaTier: tier, weight: weight, indices: indices, lines: lines))
        }
        return orders
    }
}
