/// An order line with everything the rules derive for it: lag, due date, priority weight.
public struct ResolvedLine: Hashable, Sendable {
    public var id: LineID
    public var order: OrderID
    public var item: ItemID
    /// The line's own `earliest` (not clamped to `start`).
    public var earliest: Day?
    /// Days from purchase to review for this line.
    public var lag: Int
    /// The day the review should be done by, if any.
    public var due: Day?
    /// Priority: the order's score from `indices` and `policy.weights`, else its `weight`.
    public var weight: Double
    public var slaTier: String?
}

extension Instance {
    /// Every line of every order, in input order, with lag, due date and weight resolved.
    public var resolvedLines: [ResolvedLine] {
        var result: [ResolvedLine] = []
        result.reserveCapacity(orders.reduce(0) { $0 + $1.lines.count })
        for order in orders {
            let due = dueDate(of: order)
            let weight = priority(of: order)
            for line in order.lines {
                result.append(
                    ResolvedLine(
                        id: line.id, order: order.id, item: line.item, earliest: line.earliest,
                        lag: line.reviewLagDays ?? rules.reviewLagDays, due: due, weight: weight,
                        slaTier: order.slaTier))
            }
        }
        if !overrides.isEmpty { raiseWeights(of: &result) }
        return result
    }

    /// Applies the overrides' weight floors: a line's weight is at least every `weight` an
    /// override gives it (the effective weight every solver, score and bound reads).
    private func raiseWeights(of lines: inout [ResolvedLine]) {
        var floors: [LineID: Double] = [:]
        for override in overrides {
            guard let weight = override.weight else { continue }
            floors[override.line] = max(floors[override.line] ?? weight, weight)
        }
        guard !floors.isEmpty else { return }
        for i in lines.indices {
            if let floor = floors[lines[i].id], floor > lines[i].weight { lines[i].weight = floor }
        }
    }

    /// An explicit `dueDate`, else `createdAt + policy.slaTierDays[slaTier]`, else none.
    /// A computed due date past 9999-12-31 is 9999-12-31: every task is on or before it, so no
    /// review can be later than either, and the date stays one `YYYY-MM-DD` can write.
    public func dueDate(of order: Order) -> Day? {
        if let due = order.dueDate { return due }
        guard let created = order.createdAt, let tier = order.slaTier, let days = policy?.slaTierDays?[tier] else {
            return nil
        }
        let (ordinal, overflow) = created.ordinal.addingReportingOverflow(days)
        guard !overflow else { return days > 0 ? .latest : .earliest }
        return min(Day(ordinal: ordinal), .latest)
    }

    /// The weighted sum of the order's indices when both indices and `policy.weights` exist
    /// (a missing index counts 0); otherwise the order's `weight`.
    public func priority(of order: Order) -> Double {
        guard let indices = order.indices, let weights = policy?.weights else { return order.weight }
        // Sum in key order so the result does not depend on dictionary order.
        return weights.keys.sorted().reduce(0.0) { $0 + weights[$1]! * (indices[$1] ?? 0) }
    }
}
