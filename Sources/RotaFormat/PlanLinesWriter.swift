import RotaCore

/// A plan's `lines` section (docs/FORMAT.md, "Line annotations"): one object per line,
/// `{"line": …, "priority": …, "due": …, "tier": …}` (`due` and `tier` only when the line has
/// them), written in chunks like the tasks and read back by `PlanDecoder`.
enum PlanLinesWriter {
    /// Appends the array to `writer`, handing full chunks (`PlanWriter.chunkBytes`) to `sink`.
    static func write<E: Error>(_ lines: [LineAnnotation], into writer: inout JSONWriter, sink: ([UInt8]) throws(E) -> Void)
        throws(E)
    {
        guard !lines.isEmpty else {
            writer.out.append(contentsOf: "[]".utf8)
            return
        }
        writer.out.append(UInt8(ascii: "["))
        for (index, line) in lines.enumerated() {
            if index > 0 { writer.out.append(UInt8(ascii: ",")) }
            writer.newline(4)
            writer.write(encode(line), indent: 4)
            if writer.out.count >= PlanWriter.chunkBytes {
                try sink(writer.out)
                writer.out.removeAll(keepingCapacity: true)
            }
        }
        writer.newline(2)
        writer.out.append(UInt8(ascii: "]"))
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
