import RotaCore

/// Decodes a parsed `fulfillment-plan/1` document into a `Plan`. It checks the shape only
/// (fields, types, dates, enumerations); whether the plan fits an instance is the validator's
/// business. Unknown fields (metrics, explanations) are ignored.
enum PlanDecoder {
    /// The plan, or `nil` when `reader` recorded problems.
    static func decode(_ root: JSONValue, reader: JSONReader) -> Plan? {
        guard let document = reader.object(root) else { return nil }
        if let format = reader.string(document, "format", required: true), format != Plan.formatTag {
            reader.fail("format", "expected \(JSONWriter.quoted(Plan.formatTag)), got \(InputExcerpt.quoted(format))")
            return nil
        }
        let instance = reader.name(document, "instance")
        let solver = reader.object(document, "solver").flatMap { view in
            reader.at("solver") { decodeSolverRun(view, reader: reader) }
        }
        let tasks = reader.field(document, "tasks", required: true).flatMap { value in
            reader.at("tasks") { reader.elements(value) { decodeTask($0, reader: reader) } }
        }
        let unscheduled = reader.field(document, "unscheduled", required: false).flatMap { value in
            reader.at("unscheduled") { reader.elements(value) { decodeUnscheduled($0, reader: reader) } }
        }
        guard !reader.hasErrors, let tasks else { return nil }
        return Plan(instance: instance, solver: solver, tasks: tasks, unscheduled: unscheduled ?? [])
    }

    /// A task in the plan's form (also the form of an instance's `existing` tasks).
    /// `status` defaults to `pending`.
    static func decodeTask(_ value: JSONValue, reader: JSONReader) -> PlanTask? {
        guard let view = reader.object(value) else { return nil }
        let id = reader.identifier(view, "id", required: true)
        let kind = reader.choice(view, "kind", TaskKind.self, required: true)
        let line = reader.identifier(view, "line", required: true)
        let order = reader.identifier(view, "order", required: true)
        let item = reader.identifier(view, "item", required: true)
        let account = reader.identifier(view, "account", required: true)
        let date = reader.day(view, "date", required: true)
        let status = reader.choice(view, "status", TaskStatus.self)
        let after = reader.identifier(view, "after")
        guard let id, let kind, let line, let order, let item, let account, let date else { return nil }
        return PlanTask(
            id: TaskID(id), kind: kind, line: LineID(line), order: OrderID(order), item: ItemID(item),
            account: AccountID(account), date: date, status: status ?? .pending, after: after.map { TaskID($0) })
    }

    static func decodeUnscheduled(_ value: JSONValue, reader: JSONReader) -> UnscheduledLine? {
        guard let view = reader.object(value) else { return nil }
        let line = reader.identifier(view, "line", required: true)
        let reason = reader.string(view, "reason", required: true)
        guard let line, let reason else { return nil }
        return UnscheduledLine(line: LineID(line), reason: reason)
    }

    static func decodeSolverRun(_ view: JSONObjectView, reader: JSONReader) -> SolverRun? {
        let name = reader.name(view, "name", required: true)
        let status = reader.choice(view, "status", SolveStatus.self, required: true)
        let seconds = reader.double(view, "seconds") ?? 0
        let lowerBound = reader.int(view, "lowerBound")
        let gap = reader.double(view, "gap")
        let latenessBound = reader.double(view, "latenessBound")
        let latenessGap = reader.double(view, "latenessGap")
        let settings = reader.field(view, "settings", required: false).flatMap { value in
            reader.at("settings") { reader.map(value) { reader.string($0) } }
        }
        let versions = reader.field(view, "versions", required: false).flatMap { value in
            reader.at("versions") { reader.map(value) { reader.string($0) } }
        }
        guard let name, let status else { return nil }
        var run = SolverRun(
            name: name, status: status, seconds: seconds, lowerBound: lowerBound, gap: gap, settings: settings ?? [:],
            versions: versions ?? [:])
        run.latenessBound = latenessBound
        run.latenessGap = latenessGap
        return run
    }
}
