import RotaCore

/// Writes a plan's `fulfillment-plan/1` document straight to bytes, task by task, with no
/// document tree in between: the same document as `JSONWriter.write(PlanEncoder.encode(plan))`
/// (byte for byte when pretty), in pieces of about `chunkBytes` handed to a sink as they fill.
///
/// Compact output leaves out every space and line break; pretty output indents by two
/// spaces. Both decode to the same plan.
package struct PlanWriter {
    /// About this many bytes are buffered before the sink gets them.
    package static let chunkBytes = 1 << 20

    private var writer: JSONWriter
    /// Writes the tasks.
    private let taskBytes: TaskBytes

    /// How arrays are split (`writePieces`): arrays of at least `from` elements (tasks, line
    /// annotations) are written in pieces of `size` elements, two side by side on two cores.
    struct Pieces {
        var from = 50_000
        /// About 8 MB of compact tasks.
        var size = 50_000
    }

    private var pieces = Pieces()

    /// One piece's bytes, filled on one thread and written on another (`writePieces`).
    private final class PieceBuffer: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
    /// Elements written between checks of the buffer's size, when written in turn.
    static let chunkTasks = 256

    private init(compact: Bool) {
        writer = JSONWriter(compact: compact)
        taskBytes = TaskBytes(compact: compact)
    }

    /// The whole document in one array.
    package static func bytes(_ plan: Plan, compact: Bool) -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(estimatedBytes(plan, compact: compact))
        write(plan, compact: compact) { (chunk: [UInt8]) -> Void in whole.append(contentsOf: chunk) }
        return whole
    }

    /// Writes the document, handing `sink` one chunk at a time (the last ends with the final
    /// newline). A sink's error stops the writing and is rethrown.
    package static func write<E: Error>(_ plan: Plan, compact: Bool, to sink: ([UInt8]) throws(E) -> Void)
        throws(E)
    {
        try write(plan, compact: compact, pieces: Pieces(), to: sink)
    }

    /// `write` with another split of large arrays (tests use small pieces).
    static func write<E: Error>(_ plan: Plan, compact: Bool, pieces: Pieces, to sink: ([UInt8]) throws(E) -> Void)
        throws(E)
    {
        var state = PlanWriter(compact: compact)
        state.pieces = pieces
        state.writer.out.reserveCapacity(chunkBytes + 4096)
        try state.document(plan, sink: sink)
    }

    /// A rough size: about 170 bytes per task compact, 260 pretty.
    static func estimatedBytes(_ plan: Plan, compact: Bool) -> Int {
        4096 + plan.tasks.count * (compact ? 170 : 260) + plan.unscheduled.count * 120
    }

    private mutating func drainIfFull<E: Error>(_ sink: ([UInt8]) throws(E) -> Void) throws(E) {
        guard writer.out.count >= Self.chunkBytes else { return }
        try sink(writer.out)
        writer.out.removeAll(keepingCapacity: true)
    }

    /// The members in `PlanEncoder.encode(_: Plan)`'s order: format, instance, solver, tasks,
    /// unscheduled, lines (when present, see `PlanLinesWriter`).
    private mutating func document<E: Error>(_ plan: Plan, sink: ([UInt8]) throws(E) -> Void) throws(E) {
        writer.out.append(UInt8(ascii: "{"))
        member("format", indent: 2, first: true)
        writer.writeString(plan.format)
        if let instance = plan.instance {
            member("instance", indent: 2)
            writer.writeString(instance)
        }
        if let solver = plan.solver {
            member("solver", indent: 2)
            writer.write(PlanEncoder.encode(solver), indent: 2)
        }
        member("tasks", indent: 2)
        if plan.tasks.isEmpty {
            writer.out.append(contentsOf: "[]".utf8)
        } else {
            writer.out.append(UInt8(ascii: "["))
            let tasks = plan.tasks
            if tasks.count >= pieces.from, Concurrently.isParallel {
                try writePieces(count: tasks.count, sink: sink) { piece, range in
                    piece.taskBytes.write(tasks, range, to: &piece.writer.out)
                }
            } else {
                for start in stride(from: 0, to: tasks.count, by: Self.chunkTasks) {
                    taskBytes.write(tasks, start..<min(tasks.count, start + Self.chunkTasks), to: &writer.out)
                    try drainIfFull(sink)
                }
            }
            writer.newline(2)
            writer.out.append(UInt8(ascii: "]"))
        }
        member("unscheduled", indent: 2)
        if plan.unscheduled.isEmpty {
            writer.out.append(contentsOf: "[]".utf8)
        } else {
            writer.out.append(UInt8(ascii: "["))
            for (index, line) in plan.unscheduled.enumerated() {
                if index > 0 { writer.out.append(UInt8(ascii: ",")) }
                writer.newline(4)
                writer.out.append(UInt8(ascii: "{"))
                member("line", indent: 6, first: true)
                writer.writeString(line.line.rawValue)
                member("reason", indent: 6)
                writer.writeString(line.reason)
                writer.newline(4)
                writer.out.append(UInt8(ascii: "}"))
                try drainIfFull(sink)
            }
            writer.newline(2)
            writer.out.append(UInt8(ascii: "]"))
        }
        if let lines = plan.lines {
            member("lines", indent: 2)
            if lines.isEmpty {
                writer.out.append(contentsOf: "[]".utf8)
            } else {
                writer.out.append(UInt8(ascii: "["))
                if lines.count >= pieces.from, Concurrently.isParallel {
                    try writePieces(count: lines.count, sink: sink) { piece, range in
                        PlanLinesWriter.write(lines, range, into: &piece.writer)
                    }
                } else {
                    for start in stride(from: 0, to: lines.count, by: Self.chunkTasks) {
                        PlanLinesWriter.write(lines, start..<min(lines.count, start + Self.chunkTasks), into: &writer)
                        try drainIfFull(sink)
                    }
                }
                writer.newline(2)
                writer.out.append(UInt8(ascii: "]"))
            }
        }
        writer.newline(0)
        writer.out.append(UInt8(ascii: "}"))
        writer.out.append(0x0A)
        try sink(writer.out)
        writer.out.removeAll(keepingCapacity: false)
    }

    /// A separator (unless `first`), the line break and indent, and `"key": `.
    private mutating func member(_ key: String, indent: Int, first: Bool = false) {
        if !first { writer.out.append(UInt8(ascii: ",")) }
        writer.newline(indent)
        writer.writeKey(key)
    }

    /// The array elements `0..<count` (tasks or line annotations) written by `piece` in pieces
    /// of `pieces.size`, on two cores (`OrderedPipeline`): pieces are encoded ahead on both
    /// while this thread hands the ones before them to the sink, in order, after what was
    /// buffered. The same bytes as writing them in turn (each element's separator depends only
    /// on its index). Four buffers are reused from piece to piece.
    private mutating func writePieces<E: Error>(
        count: Int, sink: ([UInt8]) throws(E) -> Void, piece: (inout PlanWriter, Range<Int>) -> Void
    ) throws(E) {
        try sink(writer.out)
        writer.out.removeAll(keepingCapacity: true)
        let compact = writer.compact
        let size = max(1, pieces.size)
        let ranges = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        let buffers = (0..<4).map { _ in PieceBuffer() }
        try OrderedPipeline.run(
            count: ranges.count, ahead: buffers.count,
            produce: { index in
                let buffer = buffers[index % buffers.count]
                let range = ranges[index]
                // Each piece has its own writer and prefixes: two threads retaining the same
                // small arrays nine times a task fight over their counts.
                var part = PlanWriter(compact: compact)
                swap(&part.writer.out, &buffer.bytes)
                part.writer.out.removeAll(keepingCapacity: true)
                part.writer.out.reserveCapacity(range.count * (compact ? 180 : 280))
                piece(&part, range)
                swap(&part.writer.out, &buffer.bytes)
            },
            consume: { (index) throws(E) in try sink(buffers[index % buffers.count].bytes) })
    }
}
