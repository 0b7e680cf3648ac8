import RotaCore

/// Turns a routing into a purchase and a review for each routed line.
///
/// A group's units are handed to its members round-robin, item by item, least-loaded member
/// first (loads count completed purchases and the purchases handed out on earlier days): no
/// member gets more than its daily room or more than the same-item cap of any item, and the
/// purchases spread evenly. Within a stream, purchases go by day to the most urgent line that
/// may start by then (earliest due, then heaviest), which keeps every line placeable; a
/// layered item's lines, which share their first day, take the reviews in order of urgency.
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
            let sorted = units.sorted {
                (streams.streams[$0.stream].item, $0.stream) < (streams.streams[$1.stream].item, $1.stream)
            }
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
            let streamSlots = slots[s].map { slot -> (purchase: Placement, review: Int?) in
                (slot, demand.calendar.reviewDay(slot.account, purchasedOn: slot.day, lag: stream.lag))
            }
            for (line, slot) in match(stream, streamSlots) {
                guard let review = slot.review, problem.firstPurchaseDay[line] <= slot.purchase.day else { continue }
                placements[line] = FlowPlacement(
                    purchase: slot.purchase, review: Placement(account: slot.purchase.account, day: review))
            }
        }
        return placements
    }

    /// Lines of a stream matched to its purchases, the most urgent line (earliest due, then
    /// heaviest) first among those that may start by then. Slots are taken by purchase day
    /// (a layered item's lines share their first day: by review day), so every line finds a
    /// slot whenever the flow is feasible: a line that may start by a day may start by any later one.
    private func match(
        _ stream: FlowStream, _ slots: [(purchase: Placement, review: Int?)]
    ) -> [(Int, (purchase: Placement, review: Int?))] {
        let problem = demand.problem
        func urgency(_ line: Int) -> (Int, Double, Int) {
            let weight = problem.weight[line].isFinite ? problem.weight[line] : 0
            return (problem.due[line] ?? Int.max, -weight, line)
        }
        func order(_ slot: (purchase: Placement, review: Int?)) -> (Int, Int, Int) {
            let review = slot.review ?? Int.max
            return stream.layered
                ? (review, slot.purchase.day, slot.purchase.account)
                : (slot.purchase.day, review, slot.purchase.account)
        }
        let ordered = slots.sorted { order($0) < order($1) }
        // `stream.lines` is sorted by first purchase day.
        var waiting = stream.lines[...]
        var ready: [Int] = []  // sorted by urgency, most urgent last
        var matched: [(Int, (purchase: Placement, review: Int?))] = []
        for slot in ordered {
            while let line = waiting.first, problem.firstPurchaseDay[line] <= slot.purchase.day || stream.layered {
                waiting.removeFirst()
                let key = urgency(line)
                var low = 0
                var high = ready.count
                while low < high {
                    let mid = (low + high) / 2
                    if urgency(ready[mid]) > key { low = mid + 1 } else { high = mid }
                }
                ready.insert(line, at: low)
            }
            guard let line = ready.popLast() else { continue }
            matched.append((line, slot))
        }
        return matched
    }
}

/// A purchase and its review.
struct FlowPlacement: Hashable, Sendable {
    var purchase: Placement
    var review: Placement
}
