import RotaCore

/// Decodes a parsed `fulfillment-instance/1` document into an `Instance`, applying every
/// default of the format (absent caps take their default, `null` caps are unlimited) and
/// ignoring unknown fields.
enum InstanceDecoder {
    /// The instance, or `nil` when `reader` recorded problems.
    static func decode(_ root: JSONValue, reader: JSONReader) -> Instance? {
        guard let document = reader.object(root) else { return nil }
        if let format = reader.string(document, "format", required: true), format != Instance.formatTag {
            // Another kind of file: its other fields would only add noise.
            reader.fail(
                "format", "expected \(JSONWriter.quoted(Instance.formatTag)), got \(InputExcerpt.quoted(format))")
            return nil
        }
        let name = reader.name(document, "name")
        let start = reader.day(document, "start", required: true)
        let horizonDays = reader.int(document, "horizonDays") ?? 365
        let rules = reader.object(document, "rules", required: true).map { view in
            reader.at("rules") { decodeRules(view, reader: reader) }
        }
        let accounts = reader.field(document, "accounts", required: true).flatMap { value in
            reader.at("accounts") { reader.elements(value) { decodeAccount($0, reader: reader) } }
        }
        let orders = reader.field(document, "orders", required: true).flatMap { value in
            reader.at("orders") { reader.elements(value) { decodeOrder($0, reader: reader) } }
        }
        let policy = reader.object(document, "policy").map { view in
            reader.at("policy") { PolicyDecoder.decode(view, reader: reader) }
        }
        let existing = reader.field(document, "existing", required: false).flatMap { value in
            reader.at("existing") { reader.elements(value) { PlanDecoder.decodeTask($0, reader: reader) } }
        }
        let overrides = reader.field(document, "overrides", required: false).flatMap { value in
            reader.at("overrides") { reader.elements(value) { decodeOverride($0, reader: reader) } }
        }
        guard !reader.hasErrors, let start, let rules, let accounts, let orders else { return nil }
        var instance = Instance(
            name: name, start: start, horizonDays: horizonDays, rules: rules, accounts: accounts, orders: orders,
            policy: policy, existing: existing ?? [])
        instance.overrides = overrides ?? []
        return instance
    }

    static func decodeRules(_ view: JSONObjectView, reader: JSONReader) -> Rules {
        Rules(
            reviewLagDays: reader.int(view, "reviewLagDays", required: true) ?? 0,
            sameItemPerAccountPerDay: reader.cap(view, "sameItemPerAccountPerDay", default: 1),
            sameItemPerAccount: reader.cap(view, "sameItemPerAccount", default: nil),
            reviewsPerAccountPerDay: reader.cap(view, "reviewsPerAccountPerDay", default: nil))
    }

    static func decodeAccount(_ value: JSONValue, reader: JSONReader) -> Account? {
        guard let view = reader.object(value) else { return nil }
        let id = reader.identifier(view, "id", required: true)
        let dailyLimit = reader.cap(view, "dailyLimit", default: nil, required: true)
        let unavailable = reader.field(view, "unavailable", required: false).flatMap { value in
            reader.at("unavailable") { reader.elements(value) { reader.day($0) } }
        }
        let rolling = reader.object(view, "rolling").map { rollingView in
            reader.at("rolling") {
                RollingCap(
                    days: reader.int(rollingView, "days", required: true) ?? 1,
                    soft: reader.cap(rollingView, "soft", default: nil),
                    hard: reader.cap(rollingView, "hard", default: nil))
            }
        }
        guard let id else { return nil }
        return Account(id: AccountID(id), dailyLimit: dailyLimit, unavailable: unavailable ?? [], rolling: rolling)
    }

    static func decodeOrder(_ value: JSONValue, reader: JSONReader) -> Order? {
        guard let view = reader.object(value) else { return nil }
        let id = reader.identifier(view, "id", required: true)
        let client = reader.name(view, "client")
        let createdAt = reader.day(view, "createdAt")
        let dueDate = reader.day(view, "dueDate")
        let slaTier = reader.name(view, "slaTier")
        let weight = reader.double(view, "weight") ?? 1
        let indices = reader.field(view, "indices", required: false).flatMap { value in
            reader.at("indices") { reader.map(value, keysAreNames: true) { reader.double($0) } }
        }
        let lines = reader.field(view, "lines", required: true).flatMap { value in
            reader.at("lines") { reader.elements(value) { decodeLine($0, reader: reader) } }
        }
        guard let id, let lines else { return nil }
        return Order(
            id: OrderID(id), client: client, createdAt: createdAt, dueDate: dueDate, slaTier: slaTier, weight: weight,
            indices: indices, lines: lines)
    }

    static func decodeLine(_ value: JSONValue, reader: JSONReader) -> Line? {
        if let line = plainLine(value) { return line }
        guard let view = reader.object(value) else { return nil }
        let id = reader.identifier(view, "id", required: true)
        let item = reader.identifier(view, "item", required: true)
        let earliest = reader.day(view, "earliest")
        let lag = reader.int(view, "reviewLagDays")
        guard let id, let item else { return nil }
        return Line(id: LineID(id), item: ItemID(item), earliest: earliest, reviewLagDays: lag)
    }

    /// The common line, read without the reader's field search: exactly `id` and `item`,
    /// then optionally `earliest` (a date), all strings the reader would accept. Anything else
    /// is `nil`, and the checked path reads it and reports its problems.
    static func plainLine(_ value: JSONValue) -> Line? {
        guard case .object(let members) = value, members.count == 2 || members.count == 3,
            members[0].key == "id", case .string(let id) = members[0].value,
            members[1].key == "item", case .string(let item) = members[1].value,
            !id.isEmpty, !item.isEmpty, !JSONReader.hasControlCharacter(id), !JSONReader.hasControlCharacter(item)
        else { return nil }
        var earliest: Day?
        if members.count == 3 {
            guard members[2].key == "earliest", case .string(let text) = members[2].value, let day = Day(iso: text)
            else { return nil }
            earliest = day
        }
        return Line(id: LineID(id), item: ItemID(item), earliest: earliest, reviewLagDays: nil)
    }
}
