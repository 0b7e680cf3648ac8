/// Turns a routing into a purchase and a review for each routed line.
///
/// A group's units are handed to its members round-robin, item by item, least-loaded member
/// first (loads count completed purchases and the purchases handed out on earlier days): no
/// member gets more than its daily room or more than the same-item cap of any item, and the
/// purchases spread evenly. Within a stream, the earliest-starting lines take the earliest
/// purchases (always possible when the flow is feasible); a layered item's lines, which share
/// their first day, take the reviews in order of due date.
struct FlowDecoder {
    let demand: FlowDemand
    let groups: FlowAccountGroups
    let streams: FlowStreams

    /// Per line, the placement the flow proposes (nil: not routed).
    func decode(_ routing: FlowRouting) -> [FlowPlacement?] {
        let problem = demand.problem
        var load = [Int](repeating: 0, count: problem.accountCount)
        for purchase in problem.completedPurchases { load[purchase.account] += 1 }

        // Units by group (groups are numbered day by day), items together.
        var unitsOfGroup = [[FlowUnits]](repeating: [], count: groups.groups.count)
        for units in routing.units { unitsOfGroup[units.group].append(units) }
        var slots = [[Placement]](repeating: [], count: streams.streams.count)
        for (g, units) in unitsOfGroup.enumerated() where !units.isEmpty {
            let group = groups.groups[g]
            let sorted = units.sorted { (streams.streams[$0.stream].item, $0.stream) < (streams.streams[$1.stream].item, $1.stream) }
            let members = group.accounts.sorted { (load[$0], $0) < (load[$1], $1) }
            var position = 0
            for unit in sorted {
                for _ in 0..<unit.count {
                    let account = members[position % members.count]
                    position += 1
                    load[account] += 1
                    slots[unit.stream].append(Placement(account: account, day: group.day))
                }
            }
        }

        var placements = [FlowPlacement?](repeating: nil, count: problem.lineCount)
        for (s, stream) in streams.streams.enumerated() {
            var lines = stream.lines
            var streamSlots = slots[s].map { slot in
                (slot, demand.calendar.reviewDay(slot.account, purchasedOn: slot.day, lag: stream.lag))
            }
            if stream.layered {
                streamSlots.sort { ($0.1 ?? Int.max, $0.0.day, $0.0.account) < ($1.1 ?? Int.max, $1.0.day, $1.0.account) }
                lines.sort { a, b in
                    let dueA = problem.due[a] ?? Int.max, dueB = problem.due[b] ?? Int.max
                    if dueA != dueB { return dueA < dueB }
                    let weightA = problem.weight[a].isFinite ? problem.weight[a] : 0
                    let weightB = problem.weight[b].isFinite ? problem.weight[b] : 0
                    return weightA != weightB ? weightA > weightB : a < b
                }
            } else {
                streamSlots.sort { ($0.0.day, $0.0.account) < ($1.0.day, $1.0.account) }
            }
            for (line, (slot, review)) in zip(lines, streamSlots) {
                guard let review, problem.firstPurchaseDay[line] <= slot.day else { continue }
                placements[line] = FlowPlacement(
                    purchase: slot, review: Placement(account: slot.account, day: review))
            }
        }
        return placements
    }
}

/// A purchase and its review.
struct FlowPlacement: Hashable, Sendable {
    var purchase: Placement
    var review: Placement
}
