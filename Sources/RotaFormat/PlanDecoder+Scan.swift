import RotaCore

extension PlanDecoder {
    /// One task read straight from its bytes in rota's layout: an object with exactly the
    /// keys rota writes, in its order (`id`, `kind`, `line`, `order`, `item`, `account`,
    /// `date`, `status`, then `after` for a review that has one), every value a plain string
    /// that passes the checked reader's tests (non-empty ids, a date that exists, a known
    /// kind and status). `nil` for anything else: the caller then reads the document with the
    /// checked reader, so both paths accept the same tasks with the same values.
    ///
    /// Ids equal to `previous`'s (a review after its purchase shares line, order, item and
    /// account) reuse its strings.
    static func scanTask(_ s: inout PlainScanner, previous: PlanTask?) -> PlanTask? {
        guard s.take(UInt8(ascii: "{")) else { return nil }
        guard let k0 = s.key(), PlainScanner.equals(k0, "id"), let id = s.identifier(),
            s.take(UInt8(ascii: ",")),
            let k1 = s.key(), PlainScanner.equals(k1, "kind"), let kindText = s.plainBytes(),
            s.take(UInt8(ascii: ",")),
            let k2 = s.key(), PlainScanner.equals(k2, "line"), let line = s.identifier(reusing: previous?.line.rawValue),
            s.take(UInt8(ascii: ",")),
            let k3 = s.key(), PlainScanner.equals(k3, "order"),
            let order = s.identifier(reusing: previous?.order.rawValue),
            s.take(UInt8(ascii: ",")),
            let k4 = s.key(), PlainScanner.equals(k4, "item"), let item = s.identifier(reusing: previous?.item.rawValue),
            s.take(UInt8(ascii: ",")),
            let k5 = s.key(), PlainScanner.equals(k5, "account"),
            let account = s.identifier(reusing: previous?.account.rawValue),
            s.take(UInt8(ascii: ",")),
            let k6 = s.key(), PlainScanner.equals(k6, "date"), let date = s.day(),
            s.take(UInt8(ascii: ",")),
            let k7 = s.key(), PlainScanner.equals(k7, "status"), let statusText = s.plainBytes()
        else { return nil }
        let kind: TaskKind
        if PlainScanner.equals(kindText, "purchase") {
            kind = .purchase
        } else if PlainScanner.equals(kindText, "review") {
            kind = .review
        } else {
            return nil
        }
        let status: TaskStatus
        if PlainScanner.equals(statusText, "pending") {
            status = .pending
        } else if PlainScanner.equals(statusText, "completed") {
            status = .completed
        } else if PlainScanner.equals(statusText, "missed") {
            status = .missed
        } else {
            return nil
        }
        var after: TaskID?
        guard let more = s.next(closing: UInt8(ascii: "}")) else { return nil }
        if more {
            guard let k8 = s.key(), PlainScanner.equals(k8, "after"), let text = s.identifier(reusing: previous?.id.rawValue),
                s.take(UInt8(ascii: "}"))
            else { return nil }
            after = TaskID(text)
        }
        return PlanTask(
            id: TaskID(id), kind: kind, line: LineID(line),
            order: OrderID(order), item: ItemID(item), account: AccountID(account), date: date, status: status,
            after: after)
    }

    /// One line annotation (the plan's `lines` section) read straight from its bytes in rota's
    /// layout: `line`, `priority`, then `due` and `tier` when the line has them, in that
    /// order, with values the checked reader accepts (a non-empty id, any number, a date that
    /// exists, a name without control characters). `nil` for anything else: the caller then
    /// reads the document with the checked reader (`PlanLinesWriter.decode`).
    static func scanLine(_ s: inout PlainScanner) -> LineAnnotation? {
        guard s.take(UInt8(ascii: "{")),
            let k0 = s.key(), PlainScanner.equals(k0, "line"), let line = s.identifier(),
            s.take(UInt8(ascii: ",")),
            let k1 = s.key(), PlainScanner.equals(k1, "priority"), let priority = s.anyNumber(),
            var more = s.next(closing: UInt8(ascii: "}"))
        else { return nil }
        var due: Day?
        var tier: String?
        if more {
            guard var key = s.key() else { return nil }
            if PlainScanner.equals(key, "due") {
                guard let day = s.day(), let after = s.next(closing: UInt8(ascii: "}")) else { return nil }
                due = day
                more = after
                if more {
                    guard let next = s.key() else { return nil }
                    key = next
                }
            }
            if more {
                guard PlainScanner.equals(key, "tier"), let name = s.plainString(), s.take(UInt8(ascii: "}")) else {
                    return nil
                }
                tier = name
            }
        }
        return LineAnnotation(line: LineID(line), priority: priority, due: due, tier: tier)
    }
}
