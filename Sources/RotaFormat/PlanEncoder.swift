import RotaCore

/// Turns a `Plan` into its `fulfillment-plan/1` document: the solver block when present
/// (settings and versions in key order), the tasks in plan order, and `unscheduled`.
enum PlanEncoder {
    static func encode(_ plan: Plan) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("format", .string(plan.format))]
        if let instance = plan.instance { members.append(("instance", .string(instance))) }
        if let solver = plan.solver { members.append(("solver", encode(solver))) }
        members.append(("tasks", .array(plan.tasks.map(encode))))
        let unscheduled = plan.unscheduled.map { line -> JSONValue in
            .object([("line", .string(line.line.rawValue)), ("reason", .string(line.reason))])
        }
        members.append(("unscheduled", .array(unscheduled)))
        if let lines = plan.lines { members.append(("lines", .array(lines.map(PlanLinesWriter.encode)))) }
        return .object(members)
    }

    static func encode(_ task: PlanTask) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(task.id.rawValue)),
            ("kind", .string(task.kind.rawValue)),
            ("line", .string(task.line.rawValue)),
            ("order", .string(task.order.rawValue)),
            ("item", .string(task.item.rawValue)),
            ("account", .string(task.account.rawValue)),
            ("date", .string(task.date.iso)),
            ("status", .string(task.status.rawValue)),
        ]
        if let after = task.after { members.append(("after", .string(after.rawValue))) }
        return .object(members)
    }

    static func encode(_ run: SolverRun) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(run.name)),
            ("status", .string(run.status.rawValue)),
            ("seconds", .number(run.seconds)),
        ]
        if let lowerBound = run.lowerBound { members.append(("lowerBound", .integer(lowerBound))) }
        if let gap = run.gap { members.append(("gap", .number(gap))) }
        if let bound = run.latenessBound { members.append(("latenessBound", .number(bound))) }
        if let gap = run.latenessGap { members.append(("latenessGap", .number(gap))) }
        members.append(("settings", strings(run.settings)))
        members.append(("versions", strings(run.versions)))
        return .object(members)
    }

    static func strings(_ map: [String: String]) -> JSONValue {
        .object(map.keys.sorted().map { (key: $0, value: .string(map[$0] ?? "")) })
    }
}
