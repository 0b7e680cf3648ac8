import RotaFormat

/// The result of checking an audit log's chain (`rota audit verify`).
package struct AuditVerification: Sendable {
    /// Records read.
    package var records: Int
    /// Each break found, as `"<file>:<line>: <what>"`, in file order.
    package var problems: [String]
    /// What is worth knowing but breaks nothing, as `"<file>:<line>: <what>"`: a run whose plan
    /// the next run did not start from (an **orphan** run: a crash between the audit append and
    /// the plan's rename, then a rerun; or a plan replaced outside rota).
    package var notes: [String] = []

    package var isIntact: Bool { problems.isEmpty }

    /// Checks every line of `log`: it is a record, numbered one more than the line before,
    /// its `prev` is the SHA-256 of the line before (zeros for the first), and its `hash` is
    /// the SHA-256 of its own line without the `hash` field. With `plan` (the bytes of the
    /// current plan), the last `replanned` record must name it as its output, which catches
    /// records removed from the end.
    package static func check(_ log: AuditLog, plan: [UInt8]? = nil) -> AuditVerification {
        var lines: [String] = []
        var problems: [String] = []
        do {
            let read = try log.readLines()
            lines = read.lines
            // A torn last line: check what comes before it, and report it.
            if let torn = read.tornLine { problems.append(log.tornError(line: torn).description) }
        } catch {
            problems.append(error.description)
        }
        var previous: String?
        var lastOutput: String?
        var lastRun: (line: Int, output: String)?
        var notes: [String] = []
        for (index, line) in lines.enumerated() {
            let at = "\(log.path):\(index + 1)"
            let record: AuditRecord
            do {
                record = try AuditRecord.decode(line: line)
            } catch {
                problems.append("\(at): \(error.description)")
                previous = line
                continue
            }
            if record.sequence != index + 1 {
                problems.append("\(at): record \(record.sequence) where record \(index + 1) belongs (removed or reordered)")
            }
            let expected = previous.map { AuditDigest.hex(Array($0.utf8)) } ?? AuditRecord.genesis
            if record.prev != expected {
                problems.append("\(at): prev does not match the line before (a line before it was edited, removed or reordered)")
            }
            if record.sealed().hash != record.hash || record.text != line {
                problems.append("\(at): hash does not match the record (this line was edited)")
            }
            if record.kind == .replanned, let run = record.run {
                if let last = lastRun, last.output != run.inputPlan {
                    notes.append(
                        "\(log.path):\(last.line): orphan run: its plan \(last.output) was never installed; the next run "
                            + "(line \(index + 1)) started from \(run.inputPlan) (a crash before the rename and a rerun, "
                            + "or a plan replaced outside rota); its records stay as they were written")
                }
                lastRun = (index + 1, run.outputPlan)
                lastOutput = run.outputPlan
            }
            previous = line
        }
        if let plan {
            let digest = AuditDigest.named(plan)
            if lastOutput != digest {
                problems.append(
                    "\(log.path): the last replanned record names \(lastOutput ?? "no plan"), not the given plan (\(digest)): records are missing at the end, or the plan is not this log's")
            }
        }
        return AuditVerification(records: lines.count, problems: problems, notes: notes)
    }
}
