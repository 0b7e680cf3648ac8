import RotaCore

/// Random events that apply cleanly to a plan as of a day, for property tests, replay tests
/// and reschedule benchmarks: the same seed, instance, plan and day always give the same events.
///
/// At most one task or line event per line (so no event undoes another), each of a kind
/// `EventApplier` accepts: a `completed` task is pending and dated from the instance's start to
/// `today` (a review only once its purchase is completed), a `missed` task is a pending
/// purchase or a review whose purchase is done, a `delayed` task gets a day from `today` to
/// `today + 5` inside the horizon, a cancelled line has no completed task, accounts go off for
/// one to three days from `today` on or get their daily limit lowered (never below 1) or raised
/// by one, and added orders have fresh ids (`add-<today>-<n>`) and the instance's items.
package struct EventSampler: Sendable {
    package var instance: Instance
    package var plan: Plan
    package var today: Day
    /// The kinds drawn from (overrides are never drawn).
    package var kinds: [PlanEvent.Kind] = [
        .completed, .missed, .delayed, .accountUnavailable, .accountLimit, .ordersAdded, .lineCancelled,
    ]

    package init(instance: Instance, plan: Plan, today: Day) {
        self.instance = instance
        self.plan = plan
        self.today = today
    }

    /// Up to `count` events (fewer when no task or line is left for the kinds drawn).
    package func events(count: Int, rng: inout SplitMix64) -> [PlanEvent] {
        let pending = plan.tasks.filter { $0.status == .pending }
        let completedLines = Set((plan.tasks + instance.existing).filter { $0.status == .completed }.map(\.line))
        let purchased = Set(plan.tasks.filter { $0.status == .completed && $0.kind == .purchase }.map(\.line))
        let items = instance.orders.flatMap(\.lines).map(\.item)
        var used: Set<LineID> = []
        var events: [PlanEvent] = []
        var added = 0
        var attempts = 0
        while events.count < count, attempts < count * 20, !kinds.isEmpty {
            attempts += 1
            let kind = kinds[rng.int(in: 0...(kinds.count - 1))]
            let free = pending.filter { !used.contains($0.line) }
            func pick(_ candidates: [PlanTask]) -> PlanTask? {
                candidates.isEmpty ? nil : candidates[rng.int(in: 0...(candidates.count - 1))]
            }
            let change: PlanEvent.Change
            switch kind {
            case .completed:
                let done = free.filter {
                    $0.date >= instance.start && $0.date <= today && ($0.kind == .purchase || purchased.contains($0.line))
                }
                guard let task = pick(done) else { continue }
                change = .completed(task: task.id, date: task.date)
                used.insert(task.line)
            case .missed:
                guard let task = pick(free.filter { $0.kind == .purchase || purchased.contains($0.line) }) else { continue }
                change = .missed(task: task.id)
                used.insert(task.line)
            case .delayed:
                let notBefore = today + rng.int(in: 0...5)
                guard notBefore < instance.end, let task = pick(free) else { continue }
                change = .delayed(task: task.id, notBefore: notBefore)
                used.insert(task.line)
            case .lineCancelled:
                guard let task = pick(free.filter { !completedLines.contains($0.line) }) else { continue }
                change = .lineCancelled(line: task.line)
                used.insert(task.line)
            case .accountUnavailable:
                guard !instance.accounts.isEmpty else { continue }
                let account = instance.accounts[rng.int(in: 0...(instance.accounts.count - 1))]
                let from = today + rng.int(in: 0...3)
                change = .accountUnavailable(account: account.id, from: from, to: from + rng.int(in: 0...2))
            case .accountLimit:
                guard !instance.accounts.isEmpty else { continue }
                let account = instance.accounts[rng.int(in: 0...(instance.accounts.count - 1))]
                let old = account.dailyLimit ?? 3
                let limit = rng.chance(0.5) ? max(1, old - 1) : old + 1
                change = .accountLimit(account: account.id, dailyLimit: limit, from: today)
            case .ordersAdded:
                guard !items.isEmpty else { continue }
                added += 1
                let id = "add-\(today.iso)-\(added)"
                let lines = (1...rng.int(in: 1...2)).map { n in
                    Line(id: LineID("\(id)/\(n)"), item: items[rng.int(in: 0...(items.count - 1))])
                }
                change = .ordersAdded([Order(id: OrderID(id), lines: lines)])
            case .override:
                continue
            }
            let minute = events.count
            events.append(
                PlanEvent(
                    at: "\(today.iso)T08:\(minute / 10 % 6)\(minute % 10):00Z", actor: "sampler", change: change,
                    sourceLine: events.count + 1))
        }
        return events
    }
}
