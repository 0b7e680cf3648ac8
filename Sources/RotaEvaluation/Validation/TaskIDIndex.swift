import RotaCore

/// Where each task id first occurs in a plan, and which ids more than one task uses.
///
/// Rota names a line's tasks `P:<line>` and `R:<line>` (purchase, review). When every task of
/// the plan is named so and belongs to a line of the instance, a task's id is fixed by
/// (line, kind): two tasks share an id exactly when they share line and kind, so the index is
/// an array over `2 × lines` dense slots — no id is hashed. Any other plan gets an
/// `IdentifierMap` over the ids themselves. Both answer exactly as a dictionary from id to
/// first position would.
package struct TaskIDIndex: Sendable {
    /// Per (line, kind) slot, `2 × line + (review ? 1 : 0)`: its first task's position, or -1.
    private let firstOfSlot: [Int32]?
    /// The ids' first positions, for a plan not named the dense way.
    private let map: IdentifierMap<TaskTag>?
    private let lineIndex: IdentifierMap<LineTag>
    /// Task ids used by more than one task, with those tasks' positions.
    package let duplicated: [TaskID: [Int]]

    /// `kinds` is each task's kind, `lineOfTask` its line position (the first with its id),
    /// `lineIndex` the instance's line table.
    package init(
        tasks: [PlanTask], kinds: [TaskKind], lineOfTask: [Int?], lineCount: Int, lineIndex: IdentifierMap<LineTag>
    ) {
        self.lineIndex = lineIndex
        var duplicated: [TaskID: [Int]] = [:]
        // Fields are read in place, not through a copy of each task.
        let dense = tasks.indices.allSatisfy { position in
            lineOfTask[position] != nil
                && Self.isNamedByLine(id: tasks[position].id, kind: kinds[position], line: tasks[position].line)
        }
        if dense {
            var firstOfSlot = [Int32](repeating: -1, count: 2 * lineCount)
            for position in tasks.indices {
                let slot = 2 * lineOfTask[position]! + (kinds[position] == .review ? 1 : 0)
                let first = firstOfSlot[slot]
                if first < 0 {
                    firstOfSlot[slot] = Int32(position)
                } else {
                    duplicated[tasks[position].id, default: [Int(first)]].append(position)
                }
            }
            self.firstOfSlot = firstOfSlot
            map = nil
        } else {
            var map = IdentifierMap<TaskTag>(capacity: tasks.count)
            for position in tasks.indices {
                // One probe: the id is claimed, or the first position with it is found.
                if let first = map.insertIfAbsent(tasks[position].id, position) {
                    duplicated[tasks[position].id, default: [first]].append(position)
                }
            }
            self.map = map
            firstOfSlot = nil
        }
        self.duplicated = duplicated
    }

    /// The position of the first task with this id, if any.
    package func firstPosition(of id: TaskID) -> Int? {
        if let map { return map[id] }
        guard let firstOfSlot else { return nil }
        // Every task is named `P:<line>` or `R:<line>` with a known line: any other id is no task's.
        var text = id.rawValue
        let parsed: (review: Bool, line: String)? = text.withUTF8 { bytes in
            guard bytes.count >= 3, bytes[1] == UInt8(ascii: ":"),
                bytes[0] == UInt8(ascii: "P") || bytes[0] == UInt8(ascii: "R")
            else { return nil }
            return (bytes[0] == UInt8(ascii: "R"), String(decoding: UnsafeBufferPointer(rebasing: bytes[2...]), as: UTF8.self))
        }
        guard let parsed, let line = lineIndex[LineID(parsed.line)] else { return nil }
        let first = firstOfSlot[2 * line + (parsed.review ? 1 : 0)]
        return first < 0 ? nil : Int(first)
    }

    /// Whether the task's id is `P:` (purchase) or `R:` (review) followed by its line's id.
    static func isNamedByLine(_ task: PlanTask) -> Bool {
        isNamedByLine(id: task.id, kind: task.kind, line: task.line)
    }

    /// Whether `id` is `P:` (purchase) or `R:` (review) followed by `line`.
    static func isNamedByLine(id taskID: TaskID, kind: TaskKind, line lineID: LineID) -> Bool {
        var id = taskID.rawValue
        var line = lineID.rawValue
        let prefix = kind == .purchase ? UInt8(ascii: "P") : UInt8(ascii: "R")
        return id.withUTF8 { idBytes in
            line.withUTF8 { lineBytes in
                guard idBytes.count == lineBytes.count + 2, idBytes[0] == prefix, idBytes[1] == UInt8(ascii: ":")
                else { return false }
                for k in 0..<lineBytes.count where idBytes[k + 2] != lineBytes[k] { return false }
                return true
            }
        }
    }
}
