import RotaCore

/// Decodes an events file (docs/EVENTS.md): JSON Lines, one event object per line.
///
/// Every line is decoded, so one run reports the problems of the whole file; each problem
/// names the file, the line and the field (`events.jsonl:4: task: missing`). Blank lines are
/// skipped. A field an event kind does not have is an error (a misspelt `pin` must not be
/// ignored silently); so is a reason code outside `reasonCodes`.
enum EventsDecoder {
    /// The fields every event has.
    static let commonFields = ["event", "at", "actor", "note"]

    /// The fields of each kind, besides the common ones.
    static func fields(of kind: PlanEvent.Kind) -> [String] {
        switch kind {
        case .completed: ["task", "date"]
        case .missed: ["task"]
        case .delayed: ["task", "notBefore"]
        case .accountUnavailable: ["account", "from", "to"]
        case .accountLimit: ["account", "dailyLimit", "from"]
        case .ordersAdded: ["orders"]
        case .lineCancelled: ["line"]
        case .override: ["line", "reasonCode", "pin", "forbid", "weight"]
        }
    }

    /// The events of `bytes`, or every problem found.
    static func decode(_ bytes: [UInt8], file: String?, reasonCodes: Set<String>) -> Result<[PlanEvent], InputErrors> {
        var events: [PlanEvent] = []
        var problems: [InputError] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let document: JSONValue
            do {
                document = try JSONParser.parse(Array(text))
            } catch {
                let message = "malformed JSON at column \(error.column): \(error.message)"
                problems.append(InputError(file: file, path: "", message: message, line: lineNumber))
                continue
            }
            let reader = JSONReader(file: file)
            let event = decodeEvent(document, reader: reader, reasonCodes: reasonCodes)
            if reader.hasErrors {
                problems += reader.errors.map { InputError(file: $0.file, path: $0.path, message: $0.message, line: lineNumber) }
            } else if var event {
                event.sourceLine = lineNumber
                events.append(event)
            }
        }
        return problems.isEmpty ? .success(events) : .failure(InputErrors(problems))
    }

    /// One event object.
    static func decodeEvent(_ value: JSONValue, reader: JSONReader, reasonCodes: Set<String>) -> PlanEvent? {
        guard let view = reader.object(value) else { return nil }
        guard let kind = reader.choice(view, "event", PlanEvent.Kind.self, required: true) else { return nil }
        let allowed = commonFields + fields(of: kind)
        for member in view.members where !allowed.contains(member.key) {
            reader.fail(member.key, "unknown field for a \(kind.rawValue) event; expected one of: \(allowed.joined(separator: ", "))")
        }
        let at = reader.string(view, "at", required: true)
        if let at, !Timestamp.isValid(at) {
            reader.fail("at", "expected an RFC 3339 timestamp such as 2026-12-05T09:14:00Z, got \(InputExcerpt.quoted(at))")
        }
        let actor = reader.name(view, "actor", required: true)
        if let actor, actor.isEmpty { reader.fail("actor", "expected a non-empty name") }
        let note = reader.string(view, "note")
        guard let change = decodeChange(kind, view, reader: reader, reasonCodes: reasonCodes),
            let at, let actor, !reader.hasErrors
        else { return nil }
        return PlanEvent(at: at, actor: actor, note: note, change: change)
    }

    private static func decodeChange(
        _ kind: PlanEvent.Kind, _ view: JSONObjectView, reader: JSONReader, reasonCodes: Set<String>
    ) -> PlanEvent.Change? {
        func task() -> TaskID? { reader.identifier(view, "task", required: true).map { TaskID($0) } }
        func account() -> AccountID? { reader.identifier(view, "account", required: true).map { AccountID($0) } }
        func line() -> LineID? { reader.identifier(view, "line", required: true).map { LineID($0) } }
        switch kind {
        case .completed:
            guard let task = task(), let date = reader.day(view, "date", required: true) else { return nil }
            return .completed(task: task, date: date)
        case .missed:
            return task().map { .missed(task: $0) }
        case .delayed:
            guard let task = task(), let day = reader.day(view, "notBefore", required: true) else { return nil }
            return .delayed(task: task, notBefore: day)
        case .accountUnavailable:
            guard let account = account(), let from = reader.day(view, "from", required: true),
                let to = reader.day(view, "to", required: true)
            else { return nil }
            guard from <= to else {
                reader.fail("to", "\(to) is before from (\(from))")
                return nil
            }
            return .accountUnavailable(account: account, from: from, to: to)
        case .accountLimit:
            guard let account = account(), let limit = reader.int(view, "dailyLimit", required: true),
                let from = reader.day(view, "from", required: true)
            else { return nil }
            guard limit >= 0 else {
                reader.fail("dailyLimit", "expected 0 or more, got \(limit)")
                return nil
            }
            return .accountLimit(account: account, dailyLimit: limit, from: from)
        case .ordersAdded:
            guard let value = reader.field(view, "orders", required: true) else { return nil }
            let orders = reader.at("orders") {
                reader.elements(value) { InstanceDecoder.decodeOrder($0, reader: reader) }
            }
            guard let orders else { return nil }
            if orders.isEmpty { reader.fail("orders", "expected at least one order") }
            return .ordersAdded(orders)
        case .lineCancelled:
            return line().map { .lineCancelled(line: $0) }
        case .override:
            return decodeOverride(view, line: line(), reader: reader, reasonCodes: reasonCodes).map { .override($0) }
        }
    }

    private static func decodeOverride(
        _ view: JSONObjectView, line: LineID?, reader: JSONReader, reasonCodes: Set<String>
    ) -> Override? {
        let code = reader.identifier(view, "reasonCode", required: true)
        if let code, !reasonCodes.contains(code) {
            reader.fail(
                "reasonCode",
                "unknown reason code \(InputExcerpt.quoted(code)); expected one of: \(reasonCodes.sorted().joined(separator: ", "))")
        }
        let given = ["pin", "forbid", "weight"].filter(view.has)
        guard given.count == 1 else {
            reader.fail(given.isEmpty ? "an override needs one of pin, forbid or weight" : "an override does one thing: give only one of \(given.joined(separator: ", "))")
            return nil
        }
        let action: Override.Action?
        switch given[0] {
        case "pin":
            action = reader.object(view, "pin", required: true).flatMap { pin in
                reader.at("pin") { () -> Override.Action? in
                    for member in pin.members where !["account", "date"].contains(member.key) {
                        reader.fail(member.key, "unknown field of a pin; expected account and/or date")
                    }
                    let account = reader.identifier(pin, "account").map { AccountID($0) }
                    let date = reader.day(pin, "date")
                    guard account != nil || date != nil else {
                        reader.fail("a pin names an account, a date or both")
                        return nil
                    }
                    return .pin(account: account, date: date)
                }
            }
        case "forbid":
            action = reader.identifier(view, "forbid", required: true).map { .forbid(account: AccountID($0)) }
        default:
            let weight = reader.double(view, "weight", required: true)
            if let weight, !(weight > 0) { reader.fail("weight", "expected a weight above 0, got \(weight)") }
            action = weight.map { .raisePriority(weight: $0) }
        }
        guard let line, let code, let action else { return nil }
        return Override(line: line, reasonCode: code, action: action)
    }
}
