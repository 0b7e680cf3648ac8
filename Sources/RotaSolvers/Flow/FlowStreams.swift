/// The flow lines in streams: lines of one item and lag (and, when costs are on, one lateness
/// profile) that the network carries together, each entering on its first purchase day and
/// waiting day by day along the stream's chain until an account-day takes it.
struct FlowStreams: Sendable {
    let streams: [FlowStream]
    /// Per item, how many lags its streams have: more than one needs an item node per
    /// account-day group, so that purchases at different lags share the same-item daily cap.
    let lagsOfItem: [Int: Int]
    /// Per (item, lag), how many streams carry it: more than one share hubs, one per day and
    /// review day, so that each stream has one arc per review day rather than one per group.
    let streamsOfItemLag: [FlowItemLag: Int]
    /// The lines the streams carry in all.
    let lineCount: Int

    /// Streams for `demand`'s purchase lines; `layered` items get one stream each (their lines
    /// share first day and lag); with `costs`, lines are also told apart by lateness profile.
    init(_ demand: FlowDemand, layered: Set<Int>, costs: FlowCosts?) {
        let problem = demand.problem
        var streams: [FlowStream] = []
        var byKey: [Key: Int] = [:]
        for l in demand.purchaseLines {
            let item = problem.lineItem[l]
            let lag = problem.lag[l]
            let profile = layered.contains(item) ? nil : costs?.profile(of: l)
            let key = Key(
                item: item, lag: layered.contains(item) ? -1 : lag, due: profile?.due, weight: profile?.weight)
            if let s = byKey[key] {
                streams[s].lines.append(l)
            } else {
                byKey[key] = streams.count
                streams.append(
                    FlowStream(
                        item: item, lag: lag, lagIndex: demand.lagIndex[lag] ?? 0, due: profile?.due,
                        weight: profile?.weight ?? 0, lines: [l], entries: [], layered: layered.contains(item)))
            }
        }
        var streamsOfItemLag: [FlowItemLag: Int] = [:]
        for s in streams.indices {
            streams[s].lines.sort { (problem.firstPurchaseDay[$0], $0) < (problem.firstPurchaseDay[$1], $1) }
            for l in streams[s].lines {
                let first = problem.firstPurchaseDay[l]
                if let last = streams[s].entries.last, last.day == first {
                    streams[s].entries[streams[s].entries.count - 1].count += 1
                } else {
                    streams[s].entries.append(FlowEntry(day: first, count: 1))
                }
            }
            if streams[s].layered, let costs {
                // One stream for the item: its lateness is priced by its most urgent line.
                let profiles = streams[s].lines.compactMap { costs.profile(of: $0) }
                streams[s].due = profiles.map(\.due).min()
                streams[s].weight = profiles.map(\.weight).max() ?? 0
            }
            streamsOfItemLag[FlowItemLag(item: streams[s].item, lagIndex: streams[s].lagIndex), default: 0] += 1
        }
        var lagsOfItem: [Int: Int] = [:]
        for key in streamsOfItemLag.keys { lagsOfItem[key.item, default: 0] += 1 }
        self.streams = streams
        self.lagsOfItem = lagsOfItem
        self.streamsOfItemLag = streamsOfItemLag
        lineCount = demand.purchaseLines.count
    }

    private struct Key: Hashable {
        var item: Int
        var lag: Int
        var due: Int?
        var weight: Int?
    }
}

/// Lines the network carries together.
struct FlowStream: Hashable, Sendable {
    var item: Int
    var lag: Int
    /// `lag`'s position in `FlowDemand.lags`.
    var lagIndex: Int
    /// Lateness pricing: each unit reviewed on day r costs `weight × max(0, r − due)`; no cost without `due`.
    var due: Int?
    var weight: Int
    /// Lines, by first purchase day then line index.
    var lines: [Int]
    /// Distinct first purchase days, ascending, with how many lines start on each.
    var entries: [FlowEntry]
    /// The whole-plan same-item cap is routed through an (item, account) layer.
    var layered: Bool

    /// The lateness cost of one unit reviewed on `day`.
    func cost(reviewedOn day: Int) -> Int {
        guard let due, day > due else { return 0 }
        let (cost, overflow) = weight.multipliedReportingOverflow(by: day - due)
        return overflow
            ? (weight > 0 ? FlowCosts.maximumArcCost : -FlowCosts.maximumArcCost)
            : max(-FlowCosts.maximumArcCost, min(FlowCosts.maximumArcCost, cost))
    }
}

/// An (item, lag position) pair, as a dictionary key.
struct FlowItemLag: Hashable, Sendable {
    var item: Int
    var lagIndex: Int
}

/// Lines of a stream that may start on one day.
struct FlowEntry: Hashable, Sendable {
    var day: Int
    var count: Int
}
