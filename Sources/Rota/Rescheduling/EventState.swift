/// The plan, accounts and orders as the events change them, one event at a time
/// (`EventApplier`). Problems are collected with the event's line; an event with a problem
/// changes nothing.
struct EventState {
    let original: Instance
    let today: Day
    /// Every task of the plan by id, as the events leave it (dropped tasks are removed).
    private(set) var tasks: [TaskID: PlanTask] = [:]
    /// The plan's task ids in the plan's order (dropped ones are skipped when read).
    private var order: [TaskID] = []
    /// Each line's task ids, in the plan's order (so a line's tasks are found without a scan).
    private var lineTaskIDs: [LineID: [TaskID]] = [:]
    private var accounts: [Account]
    private var accountIndex: [AccountID: Int] = [:]
    private var orders: [Order]
    /// Where each line is: (order index, line index).
    private var lineIndex: [LineID: (order: Int, line: Int)] = [:]
    private var orderIDs: Set<OrderID> = []
    private var cancelled: Set<LineID> = []
    var overrides: [Override] = []
    /// The overrides in force as the new instance will carry them: the old instance's, with
    /// each override event folded in (`fold`).
    private var lineOverrides: [LineOverride]
    var applied: [AppliedChange] = []
    var deferred: [AppliedChange] = []
    var problems: [InputError] = []

    init(instance: Instance, plan: Plan, today: Day) {
        original = instance
        self.today = today
        accounts = instance.accounts
        orders = instance.orders
        lineOverrides = instance.overrides
        for (a, account) in accounts.enumerated() { accountIndex[account.id] = a }
        for (o, order) in orders.enumerated() {
            orderIDs.insert(order.id)
            for (l, line) in order.lines.enumerated() { lineIndex[line.id] = (o, l) }
        }
        for task in plan.tasks where tasks[task.id] == nil {
            tasks[task.id] = task
            order.append(task.id)
            lineTaskIDs[task.line, default: []].append(task.id)
        }
    }

    // MARK: - Applying one event

    mutating func apply(_ event: PlanEvent) {
        // The event's problems are gathered apart from `self` (the helpers read `self` while
        // reporting) and added once it is handled.
        let found = EventProblems(line: event.sourceLine)
        apply(event, found)
        problems += found.errors
    }

    private mutating func apply(_ event: PlanEvent, _ found: EventProblems) {
        let fail = found.fail
        switch event.change {
        case .completed(let id, let date):
            guard let task = pendingTask(id, fail) else { return }
            if date < original.start { fail("date", "\(date) is before the plan's start \(original.start)") }
            if date > today { fail("date", "\(date) is after --today \(today): report a task done once it is") }
            if task.kind == .review, let purchase = purchase(of: task.line), purchase.status != .completed {
                fail("task", "the review \(quoted(id)) is completed but its purchase \(quoted(purchase.id)) is not; report the purchase first")
            }
            guard found.errors.isEmpty else { return }
            tasks[id]?.status = .completed
            tasks[id]?.date = date
            record(.completed, event, task: task, detail: "completed on \(date) (planned \(task.date))")
        case .missed(let id):
            guard let task = pendingTask(id, fail) else { return }
            if task.kind == .review, let purchase = purchase(of: task.line), purchase.status != .completed {
                fail("task", "the review \(quoted(id)) cannot be missed while its purchase \(quoted(purchase.id)) is not completed; report the purchase missed instead")
                return
            }
            miss(task, event: event, detail: "missed (planned \(task.date))")
        case .delayed(let id, let notBefore):
            guard let task = pendingTask(id, fail) else { return }
            delay(task, notBefore: notBefore, event: event)
        case .accountUnavailable(let id, let from, let to):
            guard let a = account(id, fail) else { return }
            let first = max(from, today)
            let last = min(to, original.end - 1)
            var days = Set(accounts[a].unavailable)
            if first <= last { for d in first.ordinal...last.ordinal { days.insert(Day(ordinal: d)) } }
            accounts[a].unavailable = days.sorted()
            record(.accountChanged, event, account: id, detail: "unavailable from \(from) to \(to)")
        case .accountLimit(let id, let limit, let from):
            guard let a = account(id, fail) else { return }
            let old = accounts[a].dailyLimit
            if from <= today || (old.map { limit < $0 } ?? true) {
                accounts[a].dailyLimit = limit
                let when = from <= today ? "" : " (applied from \(today), before \(from): the plan must hold under it then too)"
                record(.accountChanged, event, account: id, detail: "daily limit \(old.map(String.init) ?? "unlimited") → \(limit)\(when)")
            } else {
                deferred.append(
                    AppliedChange(
                        kind: .accountChanged, event: event, account: id,
                        detail: "daily limit \(old.map(String.init) ?? "unlimited") → \(limit) from \(from), after --today: "
                            + "not applied; give it again in a reschedule on or after \(from)"))
            }
        case .ordersAdded(let added):
            addOrders(added, event: event, fail: fail)
        case .lineCancelled(let id):
            guard lineIndex[id] != nil, !cancelled.contains(id) else {
                fail("line", "unknown line \(quoted(id.rawValue))\(cancelled.contains(id) ? " (cancelled already)" : "")")
                return
            }
            if let done = lineTasks(id).first(where: { $0.status == .completed }) {
                fail("line", "line \(quoted(id.rawValue)) has a completed \(done.kind.rawValue) (\(quoted(done.id))); it cannot be cancelled")
                return
            }
            cancel(id, event: event)
        case .override(let override):
            check(override, fail: fail)
            guard found.errors.isEmpty else { return }
            apply(override, event: event)
        }
    }

    // MARK: - The situation

    /// The folded instance and the rest, once every event applied: pending tasks before
    /// `today` become missed first.
    mutating func situation(reference: Plan) -> RescheduleSituation {
        for id in order {
            guard let task = tasks[id], task.status == .pending, task.date < today else { continue }
            miss(task, event: nil, detail: "missed: pending on \(task.date), before --today \(today)")
        }
        var history: [PlanTask] = []
        var seen: Set<TaskID> = []
        for id in order {
            guard let task = tasks[id], task.status != .pending else { continue }
            history.append(task)
            seen.insert(task.id)
        }
        for task in original.existing where task.status != .pending && !seen.contains(task.id) && !cancelled.contains(task.line) {
            history.append(task)
        }
        var instance = original
        instance.start = today
        instance.horizonDays = original.end.ordinal - today.ordinal
        instance.accounts = accounts
        instance.orders = orders.filter { !$0.lines.isEmpty }
        instance.existing = history
        instance.overrides = overridesInForce(history: history)
        return RescheduleSituation(
            instance: instance, reference: reference, overrides: overrides, applied: applied, deferred: deferred)
    }

    // MARK: - Helpers

    private func quoted(_ id: TaskID) -> String { quoted(id.rawValue) }
    private func quoted(_ text: String) -> String { InputExcerpt.quoted(text) }

    private func pendingTask(_ id: TaskID, _ fail: (String, String) -> Void) -> PlanTask? {
        guard let task = tasks[id] else {
            fail("task", "unknown task \(quoted(id)) (not in the plan)")
            return nil
        }
        guard task.status == .pending else {
            fail("task", "task \(quoted(id)) is \(task.status.rawValue) already")
            return nil
        }
        return task
    }

    private func account(_ id: AccountID, _ fail: (String, String) -> Void) -> Int? {
        guard let a = accountIndex[id] else {
            fail("account", "unknown account \(quoted(id.rawValue))")
            return nil
        }
        return a
    }

    /// The line's tasks still in the plan.
    private func lineTasks(_ line: LineID) -> [PlanTask] {
        (lineTaskIDs[line] ?? []).compactMap { tasks[$0] }
    }

    /// The line's purchase that is not missed (the one a review follows).
    private func purchase(of line: LineID) -> PlanTask? {
        lineTasks(line).first { $0.kind == .purchase && $0.status != .missed }
    }

    private func lag(of line: LineID) -> Int {
        guard let at = lineIndex[line] else { return original.rules.reviewLagDays }
        return orders[at.order].lines[at.line].reviewLagDays ?? original.rules.reviewLagDays
    }

    private mutating func record(
        _ kind: AppliedChange.Kind, _ event: PlanEvent?, task: PlanTask? = nil, line: LineID? = nil,
        account: AccountID? = nil, detail: String
    ) {
        applied.append(
            AppliedChange(
                kind: kind, event: event, task: task?.id, line: line ?? task?.line, account: account ?? task?.account,
                detail: detail))
    }

    /// Marks `task` missed; a missed purchase takes its line's pending review with it (the line
    /// needs a new purchase and a new review).
    private mutating func miss(_ task: PlanTask, event: PlanEvent?, detail: String) {
        tasks[task.id]?.status = .missed
        record(.missed, event, task: task, detail: detail)
        guard task.kind == .purchase else { return }
        for review in lineTasks(task.line) where review.kind == .review && review.status == .pending {
            tasks[review.id] = nil
        }
    }

    /// A purchase not before `notBefore` moves the line's earliest day; a review not before it
    /// lengthens the line's lag from a completed purchase, or else moves the earliest purchase
    /// day so that purchase plus lag is not before it.
    private mutating func delay(_ task: PlanTask, notBefore: Day, event: PlanEvent) {
        guard let at = lineIndex[task.line] else { return }
        var line = orders[at.order].lines[at.line]
        let lag = lag(of: task.line)
        if task.kind == .purchase {
            line.earliest = max(line.earliest ?? notBefore, notBefore)
        } else if let purchase = purchase(of: task.line), purchase.status == .completed {
            line.reviewLagDays = max(lag, notBefore.ordinal - purchase.date.ordinal)
        } else {
            let earliest = notBefore - lag
            line.earliest = max(line.earliest ?? earliest, earliest)
        }
        orders[at.order].lines[at.line] = line
        record(.delayed, event, task: task, detail: "not before \(notBefore)")
    }

    private mutating func addOrders(_ added: [Order], event: PlanEvent, fail: (String, String) -> Void) {
        var newOrders: Set<OrderID> = []
        var newLines: Set<LineID> = []
        for (o, order) in added.enumerated() {
            if orderIDs.contains(order.id) || !newOrders.insert(order.id).inserted {
                fail("orders[\(o)].id", "order \(quoted(order.id.rawValue)) exists already")
            }
            for (l, line) in order.lines.enumerated()
            where lineIndex[line.id] != nil || cancelled.contains(line.id) || !newLines.insert(line.id).inserted {
                fail("orders[\(o)].lines[\(l)].id", "line \(quoted(line.id.rawValue)) exists already")
            }
        }
        guard newOrders.count == added.count, newLines.count == added.reduce(0, { $0 + $1.lines.count }) else { return }
        for order in added {
            orderIDs.insert(order.id)
            orders.append(order)
            for (l, line) in order.lines.enumerated() { lineIndex[line.id] = (orders.count - 1, l) }
            record(.ordersAdded, event, detail: "order \(order.id) with \(order.lines.count) line(s)")
        }
    }

    private mutating func cancel(_ id: LineID, event: PlanEvent) {
        guard let at = lineIndex[id] else { return }
        for task in lineTasks(id) { tasks[task.id] = nil }
        orders[at.order].lines.remove(at: at.line)
        for (l, line) in orders[at.order].lines.enumerated() { lineIndex[line.id] = (at.order, l) }
        lineIndex[id] = nil
        cancelled.insert(id)
        record(.cancelled, event, line: id, detail: "line cancelled")
    }

    private func check(_ override: Override, fail: (String, String) -> Void) {
        guard lineIndex[override.line] != nil else {
            fail("line", "unknown line \(quoted(override.line.rawValue))\(cancelled.contains(override.line) ? " (cancelled)" : "")")
            return
        }
        let done = purchase(of: override.line).flatMap { $0.status == .completed ? $0 : nil }
        switch override.action {
        case .pin(let account, let date):
            if let done {
                fail("line", "line \(quoted(override.line.rawValue)) was purchased already (\(quoted(done.id)) on \(done.date)); a pin cannot move it")
            }
            if let account, accountIndex[account] == nil { fail("pin.account", "unknown account \(quoted(account.rawValue))") }
            if let date, date < today || date >= original.end {
                fail("pin.date", "\(date) is outside the days left to plan, \(today) … \(original.end - 1)")
            }
        case .forbid(let account):
            if accountIndex[account] == nil { fail("forbid", "unknown account \(quoted(account.rawValue))") }
            if let done, done.account == account {
                fail("forbid", "line \(quoted(override.line.rawValue)) was purchased by \(quoted(account.rawValue)) already; its review must be by the same account")
            }
        case .raisePriority:
            break
        }
    }

    private mutating func apply(_ override: Override, event: PlanEvent) {
        overrides.append(override)
        lineOverrides = Self.fold(override, event: event, into: lineOverrides)
        switch override.action {
        case .pin(let account, let date):
            let what = [account.map { "account \($0)" }, date.map { "day \($0)" }].compactMap { $0 }.joined(separator: ", ")
            record(.pinned, event, line: override.line, account: account, detail: "pinned to \(what) (\(override.reasonCode))")
        case .forbid(let account):
            record(.forbidden, event, line: override.line, account: account, detail: "\(account) forbidden (\(override.reasonCode))")
        case .raisePriority(let weight):
            record(.prioritized, event, line: override.line, detail: "weight at least \(weight) (\(override.reasonCode))")
        }
    }
}

/// The problems of one event, with its line in the events file.
final class EventProblems {
    let line: Int
    private(set) var errors: [InputError] = []

    init(line: Int) { self.line = line }

    func fail(_ path: String, _ message: String) {
        errors.append(InputError(path: path, message: message, line: line))
    }
}

extension EventState {
    /// `overrides` with the override event folded in: a later override on the same line
    /// replaces the earlier one of the same kind (a pin replaces the line's pin, a weight its
    /// weight, a forbid of an account the earlier forbid of that account; forbids of other
    /// accounts add up). Entries left with nothing to decide are dropped; the new one is
    /// appended with the event's actor, time and note.
    static func fold(_ override: Override, event: PlanEvent, into overrides: [LineOverride]) -> [LineOverride] {
        var entry = LineOverride(
            line: override.line, reasonCode: override.reasonCode, actor: event.actor, at: event.at, note: event.note)
        var result = overrides
        for i in result.indices where result[i].line == override.line {
            switch override.action {
            case .pin: result[i].pin = nil
            case .forbid(let account): result[i].forbid.removeAll { $0 == account }
            case .raisePriority: result[i].weight = nil
            }
        }
        result.removeAll(where: \.isEmpty)
        switch override.action {
        case .pin(let account, let date): entry.pin = LineOverride.Pin(account: account, date: date)
        case .forbid(let account): entry.forbid = [account]
        case .raisePriority(let weight): entry.weight = weight
        }
        result.append(entry)
        return result
    }

    /// The overrides the new instance carries: none of cancelled lines, and no pin of a line
    /// whose purchase is history by now (it happened; a pin cannot move it any more).
    func overridesInForce(history: [PlanTask]) -> [LineOverride] {
        let bought = Set(history.filter { $0.kind == .purchase && $0.status == .completed }.map(\.line))
        var result: [LineOverride] = []
        for var override in lineOverrides where !cancelled.contains(override.line) {
            if bought.contains(override.line) { override.pin = nil }
            if !override.isEmpty { result.append(override) }
        }
        return result
    }
}
