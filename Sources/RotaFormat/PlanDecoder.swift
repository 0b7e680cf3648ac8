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
        let lines = reader.field(document, "lines", required: false).flatMap { value in
            reader.at("lines") { reader.elements(value) { PlanLinesWriter.decode($0, reader: reader) } }
        }
        guard !reader.hasErrors, let tasks else { return nil }
        var plan = Plan(instance: instance, solver: solver, tasks: tasks, unscheduled: unscheduled ?? [])
        plan.lines = lines
        return plan
    }

    /// The plan, read with its tasks decoded straight from their bytes as they are met (no
    /// tree of a million tasks, see `scanTask`), when the text is JSON, every task is in
    /// rota's layout and the rest of the document decodes without a problem; `nil` otherwise.
    static func streamed(_ bytes: [UInt8], splitFrom smallest: Int = ElementsAhead<PlanTask>.smallestFile) -> Plan? {
        var tasks: [PlanTask] = []
        // Rota writes a task in at least ~100 bytes: a capacity that rarely grows.
        tasks.reserveCapacity(bytes.count / 128)
        // The line annotations (about 60 bytes each) are streamed too: as a tree they cost a
        // quarter of the reading.
        var lines: [LineAnnotation] = []
        // On a large file the tasks from about the middle on are read on a second core, and
        // taken only if this reading meets a task exactly where they begin (`ElementsAhead`).
        let ahead =
            bytes.count >= smallest
            ? ElementsAhead<PlanTask>.start(bytes, boundary: Array("},".utf8)) { scanTask(&$0, previous: $1) } : nil
        let document = JSONParser.parse(bytes, streaming: ["tasks", "lines"]) { member, scanner in
            if member == 0 {
                if let ahead, ahead.take(at: &scanner, into: &tasks) { return true }
                guard let task = scanTask(&scanner, previous: tasks.last) else { return false }
                tasks.append(task)
            } else {
                guard let line = scanLine(&scanner) else { return false }
                lines.append(line)
            }
            return true
        }
        // The other members decode as usual, with `tasks` and `lines` empty arrays (a second
        // `tasks` or `lines` is "given more than once" there, and the checked path reports it).
        guard let document else { return nil }
        let reader = JSONReader(file: nil)
        guard var plan = decode(document, reader: reader), plan.tasks.isEmpty, plan.lines?.isEmpty ?? true else {
            return nil
        }
        plan.tasks = tasks
        if plan.lines != nil { plan.lines = lines } else if !lines.isEmpty { return nil }
        return plan
    }

    /// A task in the plan's form (also the form of an instance's `existing` tasks).
    /// `status` defaults to `pending`.
    static func decodeTask(_ value: JSONValue, reader: JSONReader) -> PlanTask? {
        if let task = plainTask(value) { return task }
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

    /// The keys of a task as rota writes them, in its order (`after` last, for reviews).
    private static let taskKeys = ["id", "kind", "line", "order", "item", "account", "date", "status", "after"]

    /// The common case, read without the reader's field-by-field search: an object with
    /// exactly the keys rota writes, in its order, every value a string that passes the
    /// reader's checks (ids non-empty without control characters, a date, known kinds and
    /// statuses). Anything else is `nil`, and the checked path reads it and reports its
    /// problems with their paths, so the two paths accept the same tasks.
    static func plainTask(_ value: JSONValue) -> PlanTask? {
        guard case .object(let members) = value, members.count == 8 || members.count == 9 else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(9)
        for (n, member) in members.enumerated() {
            guard member.key == taskKeys[n], case .string(let text) = member.value else { return nil }
            texts.append(text)
        }
        for n in [0, 2, 3, 4, 5] where !isPlainIdentifier(texts[n]) { return nil }
        if texts.count == 9, !isPlainIdentifier(texts[8]) { return nil }
        guard let kind = TaskKind(rawValue: texts[1]), let date = Day(iso: texts[6]),
            let status = TaskStatus(rawValue: texts[7])
        else { return nil }
        return PlanTask(
            id: TaskID(texts[0]), kind: kind, line: LineID(texts[2]), order: OrderID(texts[3]),
            item: ItemID(texts[4]), account: AccountID(texts[5]), date: date, status: status,
            after: texts.count == 9 ? TaskID(texts[8]) : nil)
    }

    /// What `JSONReader.identifier` accepts: non-empty, no control character.
    private static func isPlainIdentifier(_ text: String) -> Bool {
        !text.isEmpty && !JSONReader.hasControlCharacter(text)
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
        // Seconds and the lateness bound and gap are never negative (plan.schema.json).
        func nonNegative(_ key: String) -> Double? {
            guard let number = reader.double(view, key) else { return nil }
            guard number >= 0 else {
                reader.fail(key, "expected 0 or more, got \(number)")
                return nil
            }
            return number
        }
        let seconds = nonNegative("seconds") ?? 0
        let lowerBound = reader.int(view, "lowerBound")
        let gap = reader.double(view, "gap")
        let latenessBound = nonNegative("latenessBound")
        let latenessGap = nonNegative("latenessGap")
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
