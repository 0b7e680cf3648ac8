import Rota

/// One run's line of a sweep file: `run`, `vector`, `weights`, `instance`, `digest`,
/// `solver`, `status`, `seconds`, then every KPI of `rota score --json` flattened to dotted
/// names (`makespan`, `weightedLateness`, `sla.critical`, `sla.critical.lines`,
/// `lowerBound.makespan`, `latenessGap`, …), or `error` for a failed run.
///
/// Two records are the same run result when they agree on everything but `seconds`
/// (`sameResult`): that is what determinism, resume and merge are checked against.
package struct SweepRecord: Sendable {
    package var run: Int
    package var vector: Int
    /// All members in the order written, `run` and `vector` included.
    package var members: [(key: String, value: JSONValue)]

    package var line: String { CompactJSON.string(.object(members)) }

    package subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// The line without its timing: what must repeat.
    package var untimedLine: String { CompactJSON.string(.object(members.filter { $0.key != "seconds" })) }

    package func sameResult(as other: SweepRecord) -> Bool { untimedLine == other.untimedLine }

    /// Whether the run planned (a solver status other than `failed`).
    var succeeded: Bool { self["status"]?.stringValue != SweepRunner.failedStatus }

    static func decode(_ value: JSONValue, layout: SweepLayout) -> Result<SweepRecord, SweepFileProblem> {
        guard case .object(let members) = value else {
            return .failure(SweepFileProblem("expected a run object, got \(value.kindDescription)"))
        }
        guard case .integer(let run)? = value["run"], case .integer(let vector)? = value["vector"] else {
            return .failure(SweepFileProblem("a run line needs integer \"run\" and \"vector\""))
        }
        guard run >= 0, run < layout.runs, vector == layout.vector(of: run) else {
            return .failure(SweepFileProblem("run \(run) (vector \(vector)) is not a run of this sweep's \(layout.runs)"))
        }
        return .success(SweepRecord(run: run, vector: vector, members: members))
    }
}
