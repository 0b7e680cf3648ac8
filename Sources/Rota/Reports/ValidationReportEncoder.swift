import RotaFormat
import RotaEvaluation

/// The JSON form of a validation report (`rota validate --json`): `violationCount` and
/// `counts` are exact, `omitted` says per rule how many violations `violations` leaves out.
enum ValidationReportEncoder {
    static func encode(_ report: ValidationReport, titles: [Int: String]) -> JSONValue {
        .object([
            (key: "feasible", value: .bool(report.isFeasible)),
            (key: "violationCount", value: .integer(report.violationCount)),
            (key: "counts", value: perRule(report.counts)),
            (key: "omitted", value: perRule(report.omitted)),
            (key: "violations", value: .array(report.violations.map { encode($0, title: titles[$0.rule]) })),
        ])
    }

    /// `{"1": n, "2": n, …}` in rule order.
    private static func perRule(_ numbers: [Int: Int]) -> JSONValue {
        .object(numbers.keys.sorted().map { (key: String($0), value: .integer(numbers[$0]!)) })
    }

    static func encode(_ violation: Violation, title: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [(key: "rule", value: .integer(violation.rule))]
        if let title { members.append((key: "title", value: .string(title))) }
        members.append((key: "message", value: .string(violation.message)))
        if let account = violation.account { members.append((key: "account", value: .string(account.rawValue))) }
        if let day = violation.day { members.append((key: "day", value: .string(day.iso))) }
        members.append((key: "tasks", value: .array(violation.tasks.map { .string($0.rawValue) })))
        members.append((key: "lines", value: .array(violation.lines.map { .string($0.rawValue) })))
        return .object(members)
    }
}

extension RotaJSON {
    /// The validation report as JSON: feasibility, counts per rule, the violations listed and
    /// how many of each rule are not.
    package static func jsonValue(_ report: ValidationReport) -> JSONValue {
        let titles = Dictionary(uniqueKeysWithValues: Validator.standardRules.map { ($0.number, $0.title) })
        return ValidationReportEncoder.encode(report, titles: titles)
    }

    package static func encode(_ report: ValidationReport) -> [UInt8] { JSONWriter.write(jsonValue(report)) }
}
