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

    /// `lineOfTask` is each task's line position (the first with its id), `lineIndex` the
    /// instance's line table.
    package init(tasks: [PlanTask], lineOfTask: [Int?], lineCount: Int, lineIndex: IdentifierMap<LineTag>) {
        self.lineIndex = lineIndex
        var duplicated: [TaskID: [Int]] = [:]
        let dense = tasks.indices.allSatisfy { position in
            lineOfTask[position] != nil && Self.isNamedByLine(tasks[position])
        }
        if dense {
            var firstOfSlot = [Int32](repeating: -1, count: 2 * lineCount)
            for (position, task) in tasks.enumerated() {
                let slot = 2 * lineOfTask[position]! + (task.kind == .review ? 1 : 0)
                let first = firstOfSlot[slot]
                if first < 0 {
                    firstOfSlot[slot] = Int32(position)
                } else {
                    duplicated[task.id, default: [Int(first)]].append(position)
                }
            }
            self.firstOfSlot = firstOfSlot
            map = nil
        } else {
            var map = IdentifierMap<TaskTag>(capacity: tasks.count)
            for (position, task) in tasks.enumerated() {
                // One probe: the id is claimed, or the first position with it is found.
                if let first = map.insertIfAbsent(task.id, position) {
                    duplicated[task.id, default: [first]].append(position)
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
        var id = task.id.rawValue
        var line = task.line.rawValue
        let prefix = task.kind == .purchase ? UInt8(ascii: "P") : UInt8(ascii: "R")
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
