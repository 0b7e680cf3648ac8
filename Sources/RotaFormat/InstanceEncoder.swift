import RotaCore

/// Turns an `Instance` into its `fulfillment-instance/1` document. Every rule key is
/// written (`null` for an unlimited cap), so decoding the result gives the same instance.
/// Map-valued fields (`indices`, `policy.weights`) are written in key order,
/// `policy.slaTierDays` from the shortest tier to the longest.
enum InstanceEncoder {
    static func encode(_ instance: Instance) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("format", .string(instance.format))]
        if let name = instance.name { members.append(("name", .string(name))) }
        members.append(("start", day(instance.start)))
        members.append(("horizonDays", .integer(instance.horizonDays)))
        members.append(("rules", encode(instance.rules)))
        members.append(("accounts", .array(instance.accounts.map(encode))))
        members.append(("orders", .array(instance.orders.map(encode))))
        if let policy = instance.policy { members.append(("policy", encode(policy))) }
        members.append(("existing", .array(instance.existing.map(PlanEncoder.encode))))
        if !instance.overrides.isEmpty { members.append(("overrides", .array(instance.overrides.map(encode)))) }
        return .object(members)
    }

    /// An override entry (rota extension, docs/FORMAT.md), fields in the documented order.
    static func encode(_ override: LineOverride) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("line", .string(override.line.rawValue)), ("reasonCode", .string(override.reasonCode)),
        ]
        if let actor = override.actor { members.append(("actor", .string(actor))) }
        if let at = override.at { members.append(("at", .string(at))) }
        if let note = override.note { members.append(("note", .string(note))) }
        if let pin = override.pin {
            var fields: [(key: String, value: JSONValue)] = []
            if let account = pin.account { fields.append(("account", .string(account.rawValue))) }
            if let date = pin.date { fields.append(("date", day(date))) }
            members.append(("pin", .object(fields)))
        }
        if !override.forbid.isEmpty { members.append(("forbid", .array(override.forbid.map { .string($0.rawValue) }))) }
        if let weight = override.weight { members.append(("weight", .number(weight))) }
        return .object(members)
    }

    static func encode(_ rules: Rules) -> JSONValue {
        .object([
            ("reviewLagDays", .integer(rules.reviewLagDays)),
            ("sameItemPerAccountPerDay", cap(rules.sameItemPerAccountPerDay)),
            ("sameItemPerAccount", cap(rules.sameItemPerAccount)),
            ("reviewsPerAccountPerDay", cap(rules.reviewsPerAccountPerDay)),
        ])
    }

    static func encode(_ account: Account) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(account.id.rawValue)),
            ("dailyLimit", cap(account.dailyLimit)),
        ]
        if !account.unavailable.isEmpty { members.append(("unavailable", .array(account.unavailable.map(day)))) }
        if let rolling = account.rolling {
            let window: JSONValue = .object([
                ("days", .integer(rolling.days)), ("soft", cap(rolling.soft)), ("hard", cap(rolling.hard)),
            ])
            members.append(("rolling", window))
        }
        return .object(members)
    }

    static func encode(_ order: Order) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(order.id.rawValue))]
        if let client = order.client { members.append(("client", .string(client))) }
        if let createdAt = order.createdAt { members.append(("createdAt", day(createdAt))) }
        if let dueDate = order.dueDate { members.append(("dueDate", day(dueDate))) }
        if let slaTier = order.slaTier { members.append(("slaTier", .string(slaTier))) }
        members.append(("weight", .number(order.weight)))
        if let indices = order.indices { members.append(("indices", numbers(indices))) }
        members.append(("lines", .array(order.lines.map(encode))))
        return .object(members)
    }

    static func encode(_ line: Line) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(line.id.rawValue)),
            ("item", .string(line.item.rawValue)),
        ]
        if let earliest = line.earliest { members.append(("earliest", day(earliest))) }
        if let lag = line.reviewLagDays { members.append(("reviewLagDays", .integer(lag))) }
        return .object(members)
    }

    static func encode(_ policy: Policy) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let weights = policy.weights { members.append(("weights", numbers(weights))) }
        if let tiers = policy.slaTierDays {
            let ordered = tiers.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            members.append(("slaTierDays", .object(ordered.map { (key: $0.key, value: .integer($0.value)) })))
        }
        if let codes = policy.reasonCodes { members.append(("reasonCodes", .array(codes.map { .string($0) }))) }
        return .object(members)
    }

    static func cap(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }

    static func day(_ value: Day) -> JSONValue { .string(value.iso) }

    static func numbers(_ map: [String: Double]) -> JSONValue {
        .object(map.keys.sorted().map { (key: $0, value: .number(map[$0] ?? 0)) })
    }
}
