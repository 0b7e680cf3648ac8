import RotaCore
import RotaFormat
import RotaEvaluation

extension BenchRecord {
    /// The record as a JSON object (one line of a `.jsonl` file once written compactly).
    package var jsonValue: JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            (key: "kind", value: "run"),
            (key: "suite", value: .string(suite)),
            (key: "instance", value: .string(instance)),
            (key: "origin", value: .string(origin)),
            (key: "lines", value: .integer(lines)),
            (key: "accounts", value: .integer(accounts)),
            (key: "days", value: .integer(days)),
            (key: "solver", value: .string(solver)),
            (key: "outcome", value: .string(outcome.rawValue)),
        ]
        func add(_ key: String, _ value: JSONValue?) { if let value { m.append((key: key, value: value)) } }
        add("status", status.map { .string($0) })
        add("feasible", feasible.map { .bool($0) })
        add("violations", violations.map { .integer($0) })
        add("unscheduled", unscheduled.map { .integer($0) })
        add("makespan", makespan.map { .integer($0) })
        add("lowerBound", lowerBound.map { .integer($0) })
        add("boundUnscheduled", boundUnscheduled.map { .integer($0) })
        add("gap", gap.map { .number($0) })
        add("weightedLateness", weightedLateness.map { .number($0) })
        add("largestLoad", largestLoad.map { .integer($0) })
        add("spread", spread.map { .integer($0) })
        add("softOverruns", softOverruns.map { .integer($0) })
        add("seconds", seconds.map { .number($0) })
        add("boundSeconds", boundSeconds.map { .number($0) })
        add("checkSeconds", checkSeconds.map { .number($0) })
        add("peakBytes", peakBytes.map { .integer($0) })
        add("loadedBytes", loadedBytes.map { .integer($0) })
        add("endToEndSeconds", endToEndSeconds.map { .number($0) })
        add("endToEndPeakBytes", endToEndPeakBytes.map { .integer($0) })
        add("endToEndFloorBytes", endToEndFloorBytes.map { .integer($0) })
        m.append((key: "isolated", value: .bool(isolated)))
        if let model {
            var size: [(key: String, value: JSONValue)] = [
                (key: "rows", value: .integer(model.rows)), (key: "columns", value: .integer(model.columns)),
            ]
            if let nz = model.nonZeros { size.append((key: "nonZeros", value: .integer(nz))) }
            m.append((key: "model", value: .object(size)))
        }
        if !limits.isEmpty {
            m.append((key: "limits", value: .object(limits.keys.sorted().map { (key: $0, value: .string(limits[$0] ?? "")) })))
        }
        add("note", note.map { .string($0) })
        return .object(m)
    }

    /// Reads a record written by `jsonValue`; `nil` when a required field is missing or mistyped.
    package init?(json: JSONValue) {
        guard json["kind"]?.stringValue == "run",
            let suite = json["suite"]?.stringValue, let instance = json["instance"]?.stringValue,
            let origin = json["origin"]?.stringValue, let lines = json["lines"]?.wholeNumber,
            let accounts = json["accounts"]?.wholeNumber, let days = json["days"]?.wholeNumber,
            let solver = json["solver"]?.stringValue,
            let outcome = json["outcome"]?.stringValue.flatMap(Outcome.init(rawValue:))
        else { return nil }
        var limits: [String: String] = [:]
        if case .object(let members)? = json["limits"] {
            for member in members { if let value = member.value.stringValue { limits[member.key] = value } }
        }
        self.init(
            suite: suite, instance: instance, origin: origin,
            size: BenchSize(lines: lines, accounts: accounts, days: days), solver: solver, outcome: outcome,
            isolated: json["isolated"]?.boolean ?? false, limits: limits, note: json["note"]?.stringValue)
        status = json["status"]?.stringValue
        feasible = json["feasible"]?.boolean
        violations = json["violations"]?.wholeNumber
        unscheduled = json["unscheduled"]?.wholeNumber
        makespan = json["makespan"]?.wholeNumber
        lowerBound = json["lowerBound"]?.wholeNumber
        boundUnscheduled = json["boundUnscheduled"]?.wholeNumber
        gap = json["gap"]?.doubleValue
        weightedLateness = json["weightedLateness"]?.doubleValue
        largestLoad = json["largestLoad"]?.wholeNumber
        spread = json["spread"]?.wholeNumber
        softOverruns = json["softOverruns"]?.wholeNumber
        seconds = json["seconds"]?.doubleValue
        boundSeconds = json["boundSeconds"]?.doubleValue
        checkSeconds = json["checkSeconds"]?.doubleValue
        peakBytes = json["peakBytes"]?.wholeNumber
        loadedBytes = json["loadedBytes"]?.wholeNumber
        endToEndSeconds = json["endToEndSeconds"]?.doubleValue
        endToEndPeakBytes = json["endToEndPeakBytes"]?.wholeNumber
        endToEndFloorBytes = json["endToEndFloorBytes"]?.wholeNumber
        if let model = json["model"], let rows = model["rows"]?.wholeNumber, let columns = model["columns"]?.wholeNumber {
            self.model = ModelSize(rows: rows, columns: columns, nonZeros: model["nonZeros"]?.wholeNumber)
        }
    }
}

extension JSONValue {
    /// An integer, or a number with no fraction that fits an `Int`.
    var wholeNumber: Int? {
        switch self {
        case .integer(let value): return value
        case .number(let value):
            guard value == value.rounded(), abs(value) < 9e15 else { return nil }
            return Int(value)
        default: return nil
        }
    }

    var boolean: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }
}

extension BenchRecord {
    /// The record as one line of JSON (no newline).
    package var jsonLine: String { CompactJSON.string(jsonValue) }

    /// Reads a line written by `jsonLine`; `nil` for anything else.
    package init?(jsonLine: String) {
        guard let value = try? RotaJSON.parse(Array(jsonLine.utf8)) else { return nil }
        self.init(json: value)
    }
}
