import RotaCore
import RotaFormat
import RotaEvaluation

extension Baseline {
    /// The baseline's document, entries in their order.
    package var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "format", value: .string(Self.formatTag)),
            (key: "objective", value: .string(objective.text)),
            (key: "nodeLimit", value: .integer(nodeLimit)),
            (key: "searchMaxLines", value: .integer(searchMaxLines)),
            (key: "instances", value: .string(instances)),
        ]
        if let madeBy { members.append((key: "madeBy", value: .string(madeBy))) }
        members.append((key: "entries", value: .array(entries.map(\.jsonValue))))
        return .object(members)
    }

    /// Pretty, deterministic JSON.
    package var encoded: [UInt8] { JSONWriter.write(jsonValue) }

    /// Reads a baseline; every problem is reported with its JSON path.
    package static func decode(_ bytes: [UInt8], file: String? = nil) throws(InputErrors) -> Baseline {
        let document = try RotaJSON.parse(bytes, file: file)
        var problems: [InputError] = []
        func problem(_ path: String, _ message: String) { problems.append(InputError(file: file, path: path, message: message)) }
        if document["format"]?.stringValue != formatTag {
            problem("format", "expected \"\(formatTag)\"")
        }
        var objective = Objective.default
        if let text = document["objective"]?.stringValue {
            do { objective = try Objective(parsing: text) } catch { problem("objective", error.description) }
        } else if document["objective"] != nil {
            problem("objective", "expected a string")
        }
        let nodeLimit = document["nodeLimit"]?.wholeNumber
        if (nodeLimit ?? 0) < 1 { problem("nodeLimit", "expected a whole number of at least 1") }
        let maxLines = document["searchMaxLines"]?.wholeNumber ?? Int.max
        let instances = document["instances"]?.stringValue
        if instances == nil { problem("instances", "expected the instance folder as a string") }
        var entries: [BaselineEntry] = []
        if case .array(let items)? = document["entries"] {
            for (k, item) in items.enumerated() {
                if let entry = BaselineEntry(json: item) {
                    entries.append(entry)
                } else {
                    problem("entries[\(k)]", "expected instance, digest, solver, status and metrics (unscheduled, makespan, weightedLateness, lateLines, largestLoad, spread, softOverruns, purchases, reviews; optionally slaAdherence: [{tier, lines, onTime}])")
                }
            }
        } else {
            problem("entries", "expected an array")
        }
        guard problems.isEmpty, let nodeLimit, let instances else { throw InputErrors(problems) }
        return Baseline(
            objective: objective, nodeLimit: nodeLimit, searchMaxLines: maxLines, instances: instances,
            madeBy: document["madeBy"]?.stringValue, entries: entries)
    }

    /// Reads a baseline file (within `InputLimit`, refused at once when it cannot be JSON).
    package static func load(from path: String) throws(InputErrors) -> Baseline {
        try decode(InputFile.read(path, as: .json), file: InputFile.label(path))
    }
}

extension BaselineEntry {
    var jsonValue: JSONValue {
        let m = metrics
        var fields: [(key: String, value: JSONValue)] = [
            (key: "unscheduled", value: .integer(m.unscheduled)),
            (key: "makespan", value: .integer(m.makespan)),
            (key: "weightedLateness", value: .number(m.weightedLateness)),
            (key: "lateLines", value: .integer(m.lateLines)),
            (key: "largestLoad", value: .integer(m.largestLoad)),
            (key: "spread", value: .integer(m.spread)),
            (key: "softOverruns", value: .integer(m.softOverruns)),
            (key: "purchases", value: .integer(m.purchases)),
            (key: "reviews", value: .integer(m.reviews)),
        ]
        if let tiers = m.slaAdherence {
            fields.append((key: "slaAdherence", value: Self.encode(tiers)))
        }
        return .object([
            (key: "instance", value: .string(instance)),
            (key: "digest", value: .string(digest)),
            (key: "solver", value: .string(solver)),
            (key: "status", value: .string(status)),
            (key: "metrics", value: .object(fields)),
        ])
    }

    /// Per-tier SLA adherence as `rota score --json` writes it: tier, lines, onTime, share.
    static func encode(_ tiers: [TierAdherence]) -> JSONValue {
        .array(tiers.map { tier in
            .object([
                (key: "tier", value: .string(tier.tier)),
                (key: "lines", value: .integer(tier.lines)),
                (key: "onTime", value: .integer(tier.onTime)),
                (key: "share", value: .number(tier.share)),
            ])
        })
    }

    /// The tiers back (`share` is recomputed); `nil` when any element is malformed.
    static func decodeTiers(_ value: JSONValue) -> [TierAdherence]? {
        guard case .array(let items) = value else { return nil }
        var tiers: [TierAdherence] = []
        for item in items {
            guard let tier = item["tier"]?.stringValue, let lines = item["lines"]?.wholeNumber,
                let onTime = item["onTime"]?.wholeNumber, lines >= 0, (0...lines).contains(onTime)
            else { return nil }
            tiers.append(TierAdherence(tier: tier, lines: lines, onTime: onTime))
        }
        return tiers
    }

    init?(json: JSONValue) {
        guard let instance = json["instance"]?.stringValue, let digest = json["digest"]?.stringValue,
            let solver = json["solver"]?.stringValue, let status = json["status"]?.stringValue,
            let m = json["metrics"], let unscheduled = m["unscheduled"]?.wholeNumber,
            let makespan = m["makespan"]?.wholeNumber, let lateness = m["weightedLateness"]?.doubleValue,
            let late = m["lateLines"]?.wholeNumber, let load = m["largestLoad"]?.wholeNumber,
            let spread = m["spread"]?.wholeNumber, let overruns = m["softOverruns"]?.wholeNumber,
            let purchases = m["purchases"]?.wholeNumber, let reviews = m["reviews"]?.wholeNumber
        else { return nil }
        var metrics = BaselineMetrics(
            unscheduled: unscheduled, makespan: makespan, weightedLateness: lateness, lateLines: late,
            largestLoad: load, spread: spread, softOverruns: overruns, purchases: purchases, reviews: reviews)
        if let tiers = m["slaAdherence"] {
            // Older baselines have none; a present but malformed one rejects the entry.
            guard let decoded = Self.decodeTiers(tiers) else { return nil }
            metrics.slaAdherence = decoded
        }
        self.init(instance: instance, digest: digest, solver: solver, status: status, metrics: metrics)
    }
}
