import RotaCore

/// The transportation relaxation behind `LatenessBounds`' `flow` bound (see there for why it is
/// one): lines grouped into classes, purchase days with their total room, and a drop node of
/// capacity `R`, as a `LatenessFlow` with costs in units of `1/scale`.
///
/// Nodes: 0 source, 1 sink, 2 drop, `3 ..< 3 + days` purchase days, then one node per class.
struct LatenessTransport {
    /// What `solve` proved.
    enum Answer: Equatable {
        /// The relaxation's least cost (rounded down): a lower bound on weighted lateness.
        case bound(Double)
        /// The relaxation has no flow of full value: no valid plan exists within the limits.
        case noPlan
    }

    private var flow: LatenessFlow
    private let demand: Int
    private let scale: Double

    /// The network, or nil when it would exceed `LatenessBounds.maximumFlowArcs`.
    /// `hulls[lag]` holds `E_lag` and `Ê_lag`; `cost(l, r)` is line `l`'s lateness if reviewed on `r`.
    init?(
        _ problem: PlanningProblem, history: PlanningHistory, calendar: LatenessCalendar,
        hulls: [Int: (earliest: [Int], hull: [Int])], drops: Int, cost: (Int, Int) -> Double
    ) {
        let days = calendar.days
        // Classes: lines to purchase with the same first day, lag, due day and weight (a line
        // without a due day or weight costs nothing anywhere); other lines by their fixed cost.
        struct PurchaseKey: Hashable {
            var first: Int
            var lag: Int
            var due: Int
            var weight: UInt64
        }
        var purchaseClasses: [PurchaseKey: (line: Int, count: Int)] = [:]
        var fixedClasses: [UInt64: Int] = [:]
        var fixedOrder: [Double] = []
        var purchaseOrder: [PurchaseKey] = []
        var demand = 0
        var maximumCost = 0.0
        for l in 0..<problem.lineCount {
            switch problem.need[l] {
            case .done:
                let c = history.lineReviewDay[l].map { cost(l, $0) } ?? 0
                if fixedClasses[c.bitPattern] == nil { fixedOrder.append(c) }
                fixedClasses[c.bitPattern, default: 0] += 1
                maximumCost = max(maximumCost, c)
                demand += 1
            case .review(let account, let purchaseDay):
                let r = calendar.nextReview(account: account, from: purchaseDay + problem.lag[l])
                guard r != LatenessCalendar.none else { continue }
                let c = cost(l, r)
                if fixedClasses[c.bitPattern] == nil { fixedOrder.append(c) }
                fixedClasses[c.bitPattern, default: 0] += 1
                maximumCost = max(maximumCost, c)
                demand += 1
            case .purchaseAndReview:
                let first = problem.firstPurchaseDay[l]
                guard first < days, let hull = hulls[problem.lag[l]]?.hull, hull[first] != LatenessCalendar.none
                else { continue }
                let costly = problem.due[l] != nil && problem.weight[l] > 0
                let key = PurchaseKey(
                    first: first, lag: problem.lag[l], due: costly ? problem.due[l]! : Int.min,
                    weight: costly ? problem.weight[l].bitPattern : 0)
                if let entry = purchaseClasses[key] {
                    purchaseClasses[key] = (entry.line, entry.count + 1)
                } else {
                    purchaseClasses[key] = (l, 1)
                    purchaseOrder.append(key)
                }
                maximumCost = max(maximumCost, cost(l, days - 1))
                demand += 1
            }
        }
        var arcs = days + 1 + 3 * fixedOrder.count
        for key in purchaseOrder { arcs += 2 + (days - key.first) }
        guard arcs <= LatenessBounds.maximumFlowArcs else { return nil }

        let nodes = 3 + days + fixedOrder.count + purchaseOrder.count
        // Every path cost and potential stays below scale × maximumCost × (demand + nodes) ≤ 2⁵².
        let scale = maximumCost > 0 ? min(1e6, Double(1 << 52) / (maximumCost * Double(demand + nodes + 1))) : 1
        // ⌊c × scale⌋ of the exact product: when the rounded product is a whole number, the
        // product's rounding error (exact through fma) says whether it was rounded up onto it.
        func units(_ c: Double) -> Int {
            let product = c * scale
            var whole = product.rounded(.down)
            if whole == product, (-product).addingProduct(c, scale) < 0 { whole -= 1 }
            return Int(whole)
        }

        var flow = LatenessFlow(nodes: nodes)
        let source = 0
        let sink = 1
        let drop = 2
        flow.addArc(from: drop, to: sink, capacity: drops, cost: 0)
        for d in 0..<days where calendar.dayRoom[d] > 0 {
            flow.addArc(from: 3 + d, to: sink, capacity: min(demand, calendar.dayRoom[d]), cost: 0)
        }
        var node = 3 + days
        for c in fixedOrder {
            let count = fixedClasses[c.bitPattern]!
            flow.addArc(from: source, to: node, capacity: count, cost: 0)
            flow.addArc(from: node, to: sink, capacity: count, cost: units(c))
            flow.addArc(from: node, to: drop, capacity: count, cost: 0)
            node += 1
        }
        for key in purchaseOrder {
            let (line, count) = purchaseClasses[key]!
            let tables = hulls[key.lag]!
            flow.addArc(from: source, to: node, capacity: count, cost: 0)
            flow.addArc(from: node, to: drop, capacity: count, cost: 0)
            for d in key.first..<days where tables.earliest[d] != LatenessCalendar.none && calendar.dayRoom[d] > 0 {
                flow.addArc(from: node, to: 3 + d, capacity: count, cost: units(cost(line, tables.hull[d])))
            }
            node += 1
        }
        self.flow = flow
        self.demand = demand
        self.scale = scale
    }

    /// Solves the relaxation within `workLimit` arc scans; nil when that was not enough.
    mutating func solve(workLimit: Int) -> Answer? {
        switch flow.solve(source: 0, sink: 1, demand: demand, workLimit: workLimit) {
        // One step down absorbs the division's rounding.
        case .optimal(let cost): return .bound(max(0, (Double(cost) / scale).nextDown))
        case .infeasible: return .noPlan
        case .workLimit: return nil
        }
    }
}
