import RotaCore
import RotaFormat

extension AuditRecord {
    /// The record's line of text: compact JSON, keys in a fixed order, absent fields left out, `hash`
    /// last (it covers the line without itself). No newline.
    package var text: String {
        let body = CompactJSON.string(jsonValue(withHash: false))
        return String(body.dropLast()) + #","hash":"\#(hash)"}"#
    }

    /// The record with its `hash` computed (its `prev` and `sequence` already set).
    package func sealed() -> AuditRecord {
        var record = self
        record.hash = AuditDigest.hex(Array(CompactJSON.string(jsonValue(withHash: false)).utf8))
        return record
    }

    /// `records` numbered and sealed after a chain whose last line is `previousLine` (with
    /// sequence number `sequence`; nil for an empty chain): each record's `prev` is the SHA-256
    /// of the line before it, the first one's of `previousLine` (or `genesis`). The one chaining
    /// rule of the log file (`AuditLog.append`) and the server's audit table.
    package static func chained(_ records: [AuditRecord], after sequence: Int, previousLine: String?) -> [AuditRecord] {
        var sequence = sequence
        var previousLine = previousLine
        return records.map { record in
            var record = record
            sequence += 1
            record.sequence = sequence
            record.prev = previousLine.map { AuditDigest.hex(Array($0.utf8)) } ?? AuditRecord.genesis
            record = record.sealed()
            previousLine = record.text
            return record
        }
    }

    private func jsonValue(withHash: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("seq", .integer(sequence)), ("at", .string(at)), ("actor", .string(actor)), ("kind", .string(kind.rawValue)),
        ]
        func add(_ key: String, _ text: String?) { if let text { members.append((key, .string(text))) } }
        func add(_ key: String, _ placement: Placement?) {
            if let placement {
                members.append((key, .object([("account", .string(placement.account.rawValue)), ("date", .string(placement.date.description))])))
            }
        }
        add("order", order?.rawValue)
        add("line", line?.rawValue)
        add("task", task?.rawValue)
        add("account", account?.rawValue)
        add("before", before)
        add("after", after)
        add("reasonCode", reasonCode)
        add("why", why)
        add("note", note)
        if let run {
            members.append(
                (
                    "run",
                    .object([
                        ("solver", .string(run.solver)), ("status", .string(run.status)),
                        ("versions", .object(run.versions.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                        ("inputPlan", .string(run.inputPlan)), ("outputPlan", .string(run.outputPlan)),
                    ])
                ))
        }
        members.append(("prev", .string(prev)))
        if withHash { members.append(("hash", .string(hash))) }
        return .object(members)
    }

    /// Decodes one line of a log; the error says what is wrong (the caller adds file and line).
    package static func decode(line text: String) throws(AuditLogError) -> AuditRecord {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .malformed("malformed JSON at column \(error.column): \(error.message)")
        }
        func string(_ key: String, in object: JSONValue = value, required: Bool = true) throws(AuditLogError) -> String? {
            switch object[key] {
            case .string(let text)?: return text
            case nil, .null?: if required { throw .malformed("\(key): missing") } else { return nil }
            default: throw .malformed("\(key): expected a string")
            }
        }
        func placement(_ key: String) throws(AuditLogError) -> Placement? {
            guard let object = value[key] else { return nil }
            guard let account = try string("account", in: object), let dateText = try string("date", in: object),
                let date = Day(iso: dateText)
            else { throw .malformed("\(key): expected {account, date}") }
            return Placement(account: AccountID(account), date: date)
        }
        guard case .integer(let sequence)? = value["seq"] else { throw .malformed("seq: expected an integer") }
        guard let kindText = try string("kind"), let kind = Kind(rawValue: kindText) else {
            throw .malformed("kind: expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var run: Run?
        if let object = value["run"] {
            var versions: [String: String] = [:]
            if case .object(let members)? = object["versions"] {
                for member in members { if case .string(let v) = member.value { versions[member.key] = v } }
            }
            run = Run(
                solver: try string("solver", in: object) ?? "", status: try string("status", in: object) ?? "",
                versions: versions, inputPlan: try string("inputPlan", in: object) ?? "",
                outputPlan: try string("outputPlan", in: object) ?? "")
        }
        return AuditRecord(
            sequence: sequence, at: try string("at") ?? "", actor: try string("actor") ?? "", kind: kind,
            order: try string("order", required: false).map { OrderID($0) },
            line: try string("line", required: false).map { LineID($0) },
            task: try string("task", required: false).map { TaskID($0) },
            account: try string("account", required: false).map { AccountID($0) },
            before: try placement("before"), after: try placement("after"),
            reasonCode: try string("reasonCode", required: false), why: try string("why", required: false),
            note: try string("note", required: false), run: run, prev: try string("prev") ?? "",
            hash: try string("hash") ?? "")
    }
}
