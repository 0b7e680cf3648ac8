import RotaCore

/// A plan's `lines` section (docs/FORMAT.md, "Line annotations"): one object per line,
/// `{"line": …, "priority": …, "due": …, "tier": …}` (`due` and `tier` only when the line has
/// them), written straight to bytes like the tasks (`PlanWriter`) and read back by
/// `PlanDecoder`. `encode` is the document tree's form, byte for byte the same when written.
enum PlanLinesWriter {
    /// Appends lines `range` of `lines` to `writer`, each after its separator (none before the
    /// first line) and line break, as `JSONWriter` lays out `encode(line)` four spaces deep.
    static func write(_ lines: [LineAnnotation], _ range: Range<Int>, into writer: inout JSONWriter) {
        for index in range {
            if index > 0 { writer.out.append(UInt8(ascii: ",")) }
            writer.newline(4)
            let line = lines[index]
            writer.out.append(UInt8(ascii: "{"))
            writer.newline(6)
            writer.writeKey("line")
            writer.writeString(line.line.rawValue)
            writer.out.append(UInt8(ascii: ","))
            writer.newline(6)
            writer.writeKey("priority")
            writer.write(.number(line.priority), indent: 6)
            if let due = line.due {
                writer.out.append(UInt8(ascii: ","))
                writer.newline(6)
                writer.writeKey("due")
                writer.out.append(UInt8(ascii: "\""))
                due.appendISO(to: &writer.out)  // digits and dashes: nothing to escape
                writer.out.append(UInt8(ascii: "\""))
            }
            if let tier = line.tier {
                writer.out.append(UInt8(ascii: ","))
                writer.newline(6)
                writer.writeKey("tier")
                writer.writeString(tier)
            }
            writer.newline(4)
            writer.out.append(UInt8(ascii: "}"))
        }
    }

    /// One line's object.
    static func encode(_ line: LineAnnotation) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("line", .string(line.line.rawValue)), ("priority", .number(line.priority)),
        ]
        if let due = line.due { members.append(("due", .string(due.iso))) }
        if let tier = line.tier { members.append(("tier", .string(tier))) }
        return .object(members)
    }

    /// One line's object back; problems are reported with their paths.
    static func decode(_ value: JSONValue, reader: JSONReader) -> LineAnnotation? {
        guard let view = reader.object(value) else { return nil }
        let line = reader.identifier(view, "line", required: true)
        let priority = reader.double(view, "priority", required: true)
        let due = reader.day(view, "due")
        let tier = reader.name(view, "tier")
        guard let line, let priority else { return nil }
        return LineAnnotation(line: LineID(line), priority: priority, due: due, tier: tier)
    }
}
