import RotaCore
import RotaEvaluation
import RotaFormat

/// The JSON of `rota explain --json`: one object per line, in the order asked.
enum ExplanationEncoder {
    static func encode(_ e: LineExplanation) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("line", .string(e.line.rawValue)), ("order", .string(e.order.rawValue)), ("item", .string(e.item.rawValue)),
        ]
        func placement(_ p: LineExplanation.Placement) -> JSONValue {
            .object([("account", .string(p.account.rawValue)), ("date", .string(p.date.description))])
        }
        switch e.standing {
        case .completed:
            members.append(("standing", .string("completed")))
        case .unscheduled(let reason):
            members.append(("standing", .string("unscheduled")))
            members.append(("reason", .string(reason)))
        case .planned(let p, let r), .reviewPlanned(let p, let r):
            if case .planned = e.standing {
                members.append(("standing", .string("planned")))
            } else {
                members.append(("standing", .string("review-planned")))
            }
            members.append(("purchase", placement(p)))
            members.append(("review", placement(r)))
        }
        members.append(("purchaseDays", .array(e.purchaseDays.map(day))))
        members.append(("reviewDays", .array(e.reviewDays.map(day))))
        members.append(
            (
                "sooner",
                .array(
                    e.relief.map {
                        .object([
                            ("change", .string($0.change)), ("review", .string($0.review.description)),
                            ("daysSooner", .integer($0.daysSooner)),
                        ])
                    })
            ))
        return .object(members)
    }

    private static func day(_ d: LineExplanation.EarlierDay) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("date", .string(d.date.description))]
        if let b = d.onAccount {
            var blocker: [(key: String, value: JSONValue)] = [
                ("rule", .integer(b.kind.rule)), ("kind", .string(b.kind.rawValue)), ("text", .string(b.text)),
            ]
            if let limit = b.limit { blocker.append(("limit", .integer(limit))) }
            if !b.lines.isEmpty { blocker.append(("lines", .array(b.lines.map { .string($0.rawValue) }))) }
            members.append(("blocked", .object(blocker)))
        } else {
            members.append(("blocked", .null))
        }
        if !d.others.isEmpty {
            members.append(
                ("otherAccounts", .object(d.others.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .integer($0.value)) })))
        }
        if let free = d.freeAccount { members.append(("freeAccount", .string(free.rawValue))) }
        return .object(members)
    }
}

extension RotaJSON {
    /// `rota explain --json`: the explanations as a JSON array, pretty.
    package static func encode(_ explanations: [LineExplanation]) -> [UInt8] {
        JSONWriter.write(.array(explanations.map(ExplanationEncoder.encode)))
    }
}
