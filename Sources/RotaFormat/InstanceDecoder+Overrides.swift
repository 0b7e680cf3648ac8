import RotaCore

extension InstanceDecoder {
    /// One entry of the instance's `overrides` (rota extension, docs/FORMAT.md): `line` and
    /// `reasonCode` required; `actor`, `at`, `note` optional; at least one of `pin` (an object
    /// with `account` and/or `date`), `forbid` (an account id or an array of them) and
    /// `weight` (above 0). Unknown lines, accounts and reason codes are the checker's to report
    /// (`InstanceChecker.checkOverrides`), which knows the whole instance.
    static func decodeOverride(_ value: JSONValue, reader: JSONReader) -> LineOverride? {
        guard let view = reader.object(value) else { return nil }
        let line = reader.identifier(view, "line", required: true)
        let code = reader.identifier(view, "reasonCode", required: true)
        let actor = reader.name(view, "actor")
        let at = reader.name(view, "at")
        let note = reader.string(view, "note")
        var pin: LineOverride.Pin?
        if let pinView = reader.object(view, "pin") {
            pin = reader.at("pin") { () -> LineOverride.Pin? in
                for member in pinView.members where !["account", "date"].contains(member.key) {
                    reader.fail(member.key, "unknown field of a pin; expected account and/or date")
                }
                let account = reader.identifier(pinView, "account").map { AccountID($0) }
                let date = reader.day(pinView, "date")
                guard account != nil || date != nil else {
                    reader.fail("a pin names an account, a date or both")
                    return nil
                }
                return LineOverride.Pin(account: account, date: date)
            }
        }
        var forbid: [AccountID] = []
        if let value = reader.field(view, "forbid", required: false) {
            reader.at("forbid") {
                if case .array = value {
                    forbid = (reader.elements(value) { reader.identifier($0) } ?? []).map { AccountID($0) }
                } else if let id = reader.identifier(value) {
                    forbid = [AccountID(id)]
                }
            }
        }
        let weight = reader.double(view, "weight")
        if let weight, !(weight > 0) { reader.fail("weight", "expected a weight above 0, got \(weight)") }
        if !["pin", "forbid", "weight"].contains(where: view.has) {
            reader.fail("an override needs pin, forbid or weight")
        }
        guard let line, let code else { return nil }
        return LineOverride(
            line: LineID(line), reasonCode: code, actor: actor, at: at, note: note, pin: pin, forbid: forbid, weight: weight)
    }
}
