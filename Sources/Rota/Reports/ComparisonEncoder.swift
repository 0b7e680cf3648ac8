import RotaFormat
import RotaEvaluation

/// The JSON form of a plan comparison (`rota compare --format json`).
enum ComparisonEncoder {
    static func encode(_ c: PlanComparison, fileA: String?, fileB: String?) -> JSONValue {
        .object([
            (key: "verdict", value: .string(c.verdict.summary)),
            (key: "winner", value: .string(c.verdict.winner.rawValue)),
            (key: "reason", value: encode(c.verdict.reason)),
            (key: "bothInfeasible", value: .bool(c.verdict.bothInfeasible)),
            (key: "regression", value: .bool(c.isRegression)),
            (key: "objective", value: .string(c.objective.text)),
            (key: "a", value: encode(c.a, file: fileA)),
            (key: "b", value: encode(c.b, file: fileB)),
            (key: "metrics", value: .array(c.metrics.map(encode))),
            (key: "lowerBound", value: MetricsEncoder.encode(c.bound)),
            (key: "accountLoads", value: .array(c.accountLoads.map { encode($0, key: "account", name: $0.key.rawValue) })),
            (key: "dayLoads", value: .array(c.dayLoads.map { encode($0, key: "day", name: $0.key.iso) })),
            (key: "changes", value: MetricsEncoder.encode(c.changes)),
        ])
    }

    static func encode(_ reason: ComparisonVerdict.Reason) -> JSONValue {
        switch reason {
        case .feasibility(let violationsA, let violationsB):
            return .object([
                (key: "kind", value: "feasibility"),
                (key: "violationsA", value: .integer(violationsA)),
                (key: "violationsB", value: .integer(violationsB)),
            ])
        case .term(let term, let a, let b):
            return .object([
                (key: "kind", value: "term"),
                (key: "term", value: .string(term.rawValue)),
                (key: "metric", value: .string(term.metricName)),
                (key: "a", value: value(a, isCount: term.isCount)),
                (key: "b", value: value(b, isCount: term.isCount)),
            ])
        case .weightedSum(let a, let b):
            return .object([(key: "kind", value: "weightedSum"), (key: "a", value: .number(a)), (key: "b", value: .number(b))])
        case .equal:
            return .object([(key: "kind", value: "equal")])
        case .notFinite(let term, let a, let b):
            // JSON has no infinity or NaN: such a value is written as null.
            var members: [(key: String, value: JSONValue)] = [(key: "kind", value: "notFinite")]
            if let term {
                members += [(key: "term", value: .string(term.rawValue)), (key: "metric", value: .string(term.metricName))]
            }
            members += [(key: "a", value: .number(a)), (key: "b", value: .number(b))]
            return .object(members)
        }
    }

    static func encode(_ side: ComparedPlan, file: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let file { members.append((key: "file", value: .string(file))) }
        if let solver = side.solver { members.append((key: "solver", value: .string(solver))) }
        members.append((key: "feasible", value: .bool(side.isFeasible)))
        members.append((key: "violationCount", value: .integer(side.validation.violations.count)))
        if let gap = side.gap { members.append((key: "gap", value: .number(gap))) }
        members.append((key: "metrics", value: MetricsEncoder.encode(side.metrics)))
        members.append((key: "validation", value: RotaJSON.jsonValue(side.validation)))
        return .object(members)
    }

    static func encode(_ row: MetricComparison) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [(key: "metric", value: .string(row.metric.name))]
        if case .slaShare(let tier) = row.metric { members.append((key: "tier", value: .string(tier))) }
        members += [
            (key: "label", value: .string(row.metric.label)),
            (key: "better", value: .string(row.metric.preference.rawValue)),
            (key: "a", value: value(row.a, isCount: row.metric.isCount)),
            (key: "b", value: value(row.b, isCount: row.metric.isCount)),
            (key: "difference", value: value(row.difference, isCount: row.metric.isCount)),
            (key: "winner", value: row.winner.map { .string($0.rawValue) } ?? .null),
        ]
        return .object(members)
    }

    static func encode<Key>(_ row: LoadComparison<Key>, key: String, name: String) -> JSONValue {
        func counts(_ c: TaskCounts) -> JSONValue {
            .object([(key: "purchases", value: .integer(c.purchases)), (key: "reviews", value: .integer(c.reviews))])
        }
        return .object([(key: key, value: .string(name)), (key: "a", value: counts(row.a)), (key: "b", value: counts(row.b))])
    }

    /// Whole-number metrics as JSON integers, the others as numbers.
    static func value(_ number: Double, isCount: Bool) -> JSONValue {
        if isCount, number == number.rounded(), abs(number) < 1e15 { return .integer(Int(number)) }
        return .number(number)
    }
}

extension RotaJSON {
    /// A comparison as JSON: the verdict line first, then the winner and its reason, both plans
    /// (file, solver, feasibility, gap, metrics, validation report), every metric side by side,
    /// the lower bound, loads per account and per day, and the changes from A to B.
    package static func jsonValue(_ comparison: PlanComparison, fileA: String? = nil, fileB: String? = nil) -> JSONValue {
        ComparisonEncoder.encode(comparison, fileA: fileA, fileB: fileB)
    }

    package static func encode(_ comparison: PlanComparison, fileA: String? = nil, fileB: String? = nil) -> [UInt8] {
        JSONWriter.write(jsonValue(comparison, fileA: fileA, fileB: fileB))
    }
}
