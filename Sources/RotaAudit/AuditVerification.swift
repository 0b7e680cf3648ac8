import RotaFormat

/// The result of checking an audit log's chain (`rota audit verify`).
package struct AuditVerification: Sendable {
    /// Records read.
    package var records: Int
    /// Each break found, as `"<file>:<line>: <what>"`, in file order.
    package var problems: [String]

    package var isIntact: Bool { problems.isEmpty }

    /// Checks every line of `log`: it is a record, numbered one more than the line before,
    /// its `prev` is the SHA-256 of the line before (zeros for the first), and its `hash` is
    /// the SHA-256 of its own line without the `hash` field. With `plan` (the bytes of the
    /// current plan), the last `replanned` record must name it as its output, which catches
    /// records removed from the end.
    package static func check(_ log: AuditLog, plan: [UInt8]? = nil) -> AuditVerification {
        let lines: [String]
        var problems: [String] = []
        do {
            lines = try log.lines()
        } catch {
            // A torn last line: check what comes before it, and report it.
            problems.append(error.description)
            lines = (try? AuditLog.linesIgnoringTornTail(log.path)) ?? []
        }
        var previous: String?
        var lastOutput: String?
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
            if record.kind == .replanned { lastOutput = record.run?.outputPlan }
            previous = line
        }
        if let plan {
            let digest = AuditDigest.named(plan)
            if lastOutput != digest {
                problems.append(
                    "\(log.path): the last replanned record names \(lastOutput ?? "no plan"), not the given plan (\(digest)): records are missing at the end, or the plan is not this log's")
            }
        }
        return AuditVerification(records: lines.count, problems: problems)
    }
}

extension AuditLog {
    /// The complete lines of a file whose last line is torn.
    static func linesIgnoringTornTail(_ path: String) throws -> [String] {
        let text = try InputFile.read(path, as: .text)
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        lines.removeLast()
        return lines
    }
}
