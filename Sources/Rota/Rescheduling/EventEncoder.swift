import RotaCore
import RotaFormat

/// An event as one line of an events file (docs/EVENTS.md): compact JSON, `event`, `at`,
/// `actor`, then the kind's fields, then `note`. `RotaJSON.decodeEvents` reads it back as the
/// same event. Used to write sampled events (`EventSampler`) for tests and benchmarks, and a
/// replay's batch markers (`ReplayChain`).
package enum EventEncoder {
    /// The event's line, without a newline.
    package static func line(_ event: PlanEvent) -> String {
        var members: [(key: String, value: JSONValue)] = [
            ("event", .string(event.kind.rawValue)), ("at", .string(event.at)), ("actor", .string(event.actor)),
        ]
        func day(_ d: Day) -> JSONValue { .string(d.iso) }
        switch event.change {
        case .completed(let task, let date):
            members += [("task", .string(task.rawValue)), ("date", day(date))]
        case .missed(let task):
            members.append(("task", .string(task.rawValue)))
        case .delayed(let task, let notBefore):
            members += [("task", .string(task.rawValue)), ("notBefore", day(notBefore))]
        case .accountUnavailable(let account, let from, let to):
            members += [("account", .string(account.rawValue)), ("from", day(from)), ("to", day(to))]
        case .accountLimit(let account, let limit, let from):
            members += [("account", .string(account.rawValue)), ("dailyLimit", .integer(limit)), ("from", day(from))]
        case .ordersAdded(let orders):
            // The orders in the instance's own form: the instance encoder's `orders` member.
            let holder = Instance(start: Day(ordinal: 0), rules: Rules(reviewLagDays: 0), accounts: [], orders: orders)
            members.append(("orders", RotaJSON.jsonValue(holder)["orders"] ?? .array([])))
        case .lineCancelled(let line):
            members.append(("line", .string(line.rawValue)))
        case .override(let override):
            members += [("line", .string(override.line.rawValue)), ("reasonCode", .string(override.reasonCode))]
            switch override.action {
            case .pin(let account, let date):
                var pin: [(key: String, value: JSONValue)] = []
                if let account { pin.append(("account", .string(account.rawValue))) }
                if let date { pin.append(("date", day(date))) }
                members.append(("pin", .object(pin)))
            case .forbid(let account):
                members.append(("forbid", .string(account.rawValue)))
            case .raisePriority(let weight):
                members.append(("weight", .number(weight)))
            }
        }
        if let note = event.note { members.append(("note", .string(note))) }
        return CompactJSON.string(.object(members))
    }

    /// The marker line that closes a reschedule's batch in a replay file (`ReplayChain`).
    package static func marker(today: Day, solver: String? = nil) -> String {
        var members: [(key: String, value: JSONValue)] = [("event", .string(ReplayChain.markerKind)), ("today", .string(today.iso))]
        if let solver { members.append(("solver", .string(solver))) }
        return CompactJSON.string(.object(members))
    }
}
