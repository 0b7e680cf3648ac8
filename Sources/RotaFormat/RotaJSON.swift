import RotaCore

/// Reading and writing rota's JSON files: instances (`fulfillment-instance/1`), plans
/// (`fulfillment-plan/1`) and policies, per the format specification.
///
/// Decoding reports every problem it finds as an `InputError` with its JSON path; instances
/// are also checked by `InstanceChecker`. Encoding is deterministic, and decoding an encoded
/// value gives it back.
public enum RotaJSON {
    /// Parses JSON, turning a syntax error into an `InputError` naming `file`.
    package static func parse(_ bytes: [UInt8], file: String? = nil) throws(InputErrors) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw InputErrors(InputError(file: file, path: "", message: error.description))
        }
    }

    /// A checked instance.
    ///
    /// An instance whose orders are all in rota's own layout is read as it is parsed, order by
    /// order, with no tree (`InstanceDecoder.streamed`); any other, and any problem, takes the
    /// checked path, which reports every problem with its path.
    public static func decodeInstance(_ bytes: [UInt8], file: String? = nil) throws(InputErrors) -> Instance {
        let instance = try decodeUncheckedInstance(bytes, file: file)
        let problems = InstanceChecker.check(instance, file: file)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return instance
    }

    /// An instance read for its shape only (fields, types, dates), not checked yet.
    private static func decodeUncheckedInstance(_ bytes: [UInt8], file: String?) throws(InputErrors) -> Instance {
        if let instance = InstanceDecoder.streamed(bytes) { return instance }
        let reader = JSONReader(file: file)
        guard let instance = InstanceDecoder.decode(try parse(bytes, file: file), reader: reader) else {
            throw InputErrors(reader.errors)
        }
        return instance
    }

    /// A checked instance from an already parsed document.
    package static func decodeInstance(_ document: JSONValue, file: String? = nil) throws(InputErrors) -> Instance {
        let reader = JSONReader(file: file)
        guard let instance = InstanceDecoder.decode(document, reader: reader) else {
            throw InputErrors(reader.errors)
        }
        let problems = InstanceChecker.check(instance, file: file)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return instance
    }

    /// A plan, checked for shape only (fields, types, dates, enumerations).
    ///
    /// A plan whose tasks are all in rota's own layout is read as it is parsed, task by task
    /// (`PlanDecoder.streamed`); any other, and any problem, takes the checked path, which
    /// reports every problem with its path.
    public static func decodePlan(_ bytes: [UInt8], file: String? = nil) throws(InputErrors) -> Plan {
        if let plan = PlanDecoder.streamed(bytes) { return plan }
        return try decodePlan(parse(bytes, file: file), file: file)
    }

    /// A plan from an already parsed document.
    package static func decodePlan(_ document: JSONValue, file: String? = nil) throws(InputErrors) -> Plan {
        let reader = JSONReader(file: file)
        guard let plan = PlanDecoder.decode(document, reader: reader) else { throw InputErrors(reader.errors) }
        return plan
    }

    /// A policy file: a bare policy object (`{"weights": …, "slaTierDays": …}`) or
    /// `{"policy": {…}}` (so an instance file with a policy works too).
    public static func decodePolicy(_ bytes: [UInt8], file: String? = nil) throws(InputErrors) -> Policy {
        let document = try parse(bytes, file: file)
        let reader = JSONReader(file: file)
        guard let (policy, path) = PolicyDecoder.decodeFile(document, reader: reader) else {
            throw InputErrors(reader.errors)
        }
        let problems = InstanceChecker.check(policy, at: path, file: file)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return policy
    }

    /// The instance's document.
    package static func jsonValue(_ instance: Instance) -> JSONValue { InstanceEncoder.encode(instance) }

    /// The plan's document (callers may append fields such as metrics before writing it).
    package static func jsonValue(_ plan: Plan) -> JSONValue { PlanEncoder.encode(plan) }

    /// The policy as a bare policy object.
    package static func jsonValue(_ policy: Policy) -> JSONValue { InstanceEncoder.encode(policy) }

    /// Pretty, deterministic UTF-8 JSON for the instance.
    public static func encode(_ instance: Instance) -> [UInt8] { JSONWriter.write(jsonValue(instance)) }

    /// Pretty, deterministic UTF-8 JSON for the plan.
    public static func encode(_ plan: Plan) -> [UInt8] { PlanWriter.bytes(plan, compact: false) }

    /// Deterministic UTF-8 JSON for the plan, pretty or compact (the same document either
    /// way, written straight from the plan with no document tree).
    package static func encode(_ plan: Plan, pretty: Bool) -> [UInt8] { PlanWriter.bytes(plan, compact: !pretty) }

    /// Plans of at most this many tasks are written pretty unless asked otherwise; larger ones
    /// compact unless `--pretty` asks (docs/FORMAT.md, "Plans").
    package static let prettyTaskLimit = 10_000

    /// Whether a plan is written pretty: when asked, or when it has at most `prettyTaskLimit`
    /// tasks.
    package static func writesPretty(_ plan: Plan, asked: Bool) -> Bool {
        asked || plan.tasks.count <= prettyTaskLimit
    }

    /// Streams the plan's document to `path` (`-` is standard output; a regular file is
    /// replaced atomically, see `AtomicFile`), a chunk at a time.
    package static func write(_ plan: Plan, pretty: Bool, to path: String) throws(OutputError) {
        try AtomicFile.write(to: path) { (put: AtomicFile.Sink) throws(OutputError) in
            try PlanWriter.write(plan, compact: !pretty, to: put)
        }
    }

    /// Pretty, deterministic UTF-8 JSON for the policy (a bare policy object).
    public static func encode(_ policy: Policy) -> [UInt8] { JSONWriter.write(jsonValue(policy)) }
}

extension RotaJSON {
    // Files are read within `InputLimit` and refused at once when they cannot be JSON.

    /// Reads and decodes an instance file (`-` is standard input).
    public static func loadInstance(from path: String) throws(InputErrors) -> Instance {
        try decodeInstance(InputFile.read(path, as: .json), file: InputFile.label(path))
    }

    /// Reads and decodes an instance file as `loadInstance(from:)` does, with the index of its
    /// line ids that the check built (`InstanceChecker.checkAndIndex`), for `PlanningProblem`
    /// and `InstanceTables` to take instead of hashing every line id again.
    package static func loadIndexedInstance(from path: String) throws(InputErrors) -> (
        instance: Instance, lines: IdentifierMap<LineTag>
    ) {
        let file = InputFile.label(path)
        let bytes = try InputFile.read(path, as: .json)
        let instance = try decodeUncheckedInstance(bytes, file: file)
        Concurrently.release(consume bytes, size: instance.orders.count)
        let (problems, lines) = InstanceChecker.checkAndIndex(instance, file: file)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return (instance, lines)
    }

    /// Reads and decodes an instance file as `loadInstance(from:)` does, and gives `prepare`'s
    /// result for the checked instance (the work the caller needs next, such as its planning
    /// problem). On a large instance `prepare` runs on a second core beside the check, so the
    /// check costs no time of its own; its result is dropped when the check finds a problem.
    /// It then sees an instance not checked yet, but only one whose horizon is within the
    /// checker's limit and that has no overrides, on which building a planning problem is
    /// safe: every lookup of an id is checked, every date is a valid day, and every table is
    /// at most accounts × horizon. Any other instance is checked first, then prepared.
    package static func loadInstance<Prepared>(from path: String, preparing prepare: (Instance) -> Prepared)
        throws(InputErrors) -> (instance: Instance, prepared: Prepared)
    {
        let file = InputFile.label(path)
        let bytes = try InputFile.read(path, as: .json)
        let instance = try decodeUncheckedInstance(bytes, file: file)
        let lines = instance.orders.reduce(0) { $0 + $1.lines.count }
        // The file's bytes are freed on another core.
        Concurrently.release(consume bytes, size: lines)
        let sideBySide =
            lines >= Concurrently.smallWork && Concurrently.isParallel && instance.overrides.isEmpty
            && (1...InstanceChecker.Limits.horizonDays).contains(instance.horizonDays)
        let (problems, early) = Concurrently.both(
            size: sideBySide ? lines : 0, { InstanceChecker.check(instance, file: file) },
            { sideBySide ? prepare(instance) : nil })
        guard problems.isEmpty else { throw InputErrors(problems) }
        return (instance, early ?? prepare(instance))
    }

    /// Reads and decodes a plan file (`-` is standard input).
    public static func loadPlan(from path: String) throws(InputErrors) -> Plan {
        try decodePlan(InputFile.read(path, as: .json), file: InputFile.label(path))
    }

    /// Reads and decodes a policy file (`-` is standard input).
    public static func loadPolicy(from path: String) throws(InputErrors) -> Policy {
        try decodePolicy(InputFile.read(path, as: .json), file: InputFile.label(path))
    }
}
