import RotaCore

/// Writes plan tasks' JSON straight into memory, a block of tasks at a time: room for the
/// block's longest possible text is made once, every byte is stored through a pointer, and
/// the room not used is given back. The same bytes as `PlanEncoder.encode(_: PlanTask)`
/// nested four spaces deep (pretty) or with no whitespace (compact), with each task's
/// separator and line break before it.
///
/// Most of a 500,000-line plan's writing time was appending small byte arrays one call at a
/// time (nine keys, seven strings and their quotes per task), each call checking the array's
/// uniqueness and capacity; and copying each task with its seven strings to read it.
struct TaskBytes {
    /// Before each member's value, in the encoder's order (`id` … `after`): the separator
    /// (none before `id`), the line break and indent when pretty, and `"key":` (pretty: a space).
    private let prefixes: [[UInt8]]
    /// Before a task: `{` after the line break and indent; `,` first for every task but the first.
    private let firstOpen: [UInt8]
    private let open: [UInt8]
    /// After a task's last member: the line break and indent, and `}`.
    private let close: [UInt8]
    /// The most bytes the fixed parts of one task take.
    private let fixedBytes: Int

    init(compact: Bool) {
        let keys = ["id", "kind", "line", "order", "item", "account", "date", "status", "after"]
        prefixes = keys.enumerated().map { n, key in
            var prefix = JSONWriter(compact: compact)
            if n > 0 { prefix.out.append(UInt8(ascii: ",")) }
            prefix.newline(6)
            prefix.writeKey(key)
            return prefix.out
        }
        var opening = JSONWriter(compact: compact)
        opening.newline(4)
        opening.out.append(UInt8(ascii: "{"))
        firstOpen = opening.out
        open = [UInt8(ascii: ",")] + opening.out
        var closing = JSONWriter(compact: compact)
        closing.newline(4)
        closing.out.append(UInt8(ascii: "}"))
        close = closing.out
        // Every prefix, the opening and closing, quotes around nine values, and the date: 10
        // bytes, or up to 26 for a day whose year is not four digits (an `Int` year, its sign
        // and `-MM-DD`).
        fixedBytes = prefixes.reduce(0) { $0 + $1.count } + open.count + close.count + 2 * 9 + 26
    }

    /// Tasks `range` of `tasks`, each after its separator (none before the first task of the
    /// plan) and line break, appended to `out`. Fields are read in place, not through copies.
    func write(_ tasks: [PlanTask], _ range: Range<Int>, to out: inout [UInt8]) {
        tasks.withUnsafeBufferPointer { all in
            guard let first = all.baseAddress else { return }
            for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.block) {
                let block = start..<min(range.upperBound, start + Self.block)
                var room = 0
                for index in block { room += fixedBytes + Self.longestText(of: first + index) }
                let used = out.count
                out.append(contentsOf: repeatElement(0, count: room))
                let end = out.withUnsafeMutableBufferPointer { buffer -> Int in
                    let base = buffer.baseAddress!
                    var next = base + used
                    for index in block { put(first + index, first: index == 0, at: &next) }
                    return next - base
                }
                out.removeLast(out.count - end)
            }
        }
    }

    /// Tasks written between two resizes of the output.
    private static let block = 256

    /// The most bytes a task's strings can take: each byte escaped as `\u00XX` at worst.
    private static func longestText(of task: UnsafePointer<PlanTask>) -> Int {
        var bytes = task.pointee.id.rawValue.utf8.count + task.pointee.kind.rawValue.utf8.count
        bytes += task.pointee.line.rawValue.utf8.count + task.pointee.order.rawValue.utf8.count
        bytes += task.pointee.item.rawValue.utf8.count + task.pointee.account.rawValue.utf8.count
        bytes += task.pointee.status.rawValue.utf8.count + (task.pointee.after?.rawValue.utf8.count ?? 0)
        return 6 * bytes
    }

    /// One task at `next`, which ends past it.
    private func put(_ task: UnsafePointer<PlanTask>, first: Bool, at next: inout UnsafeMutablePointer<UInt8>) {
        Self.put(first ? firstOpen : open, at: &next)
        Self.put(prefixes[0], at: &next)
        Self.putString(task.pointee.id.rawValue, at: &next)
        Self.put(prefixes[1], at: &next)
        Self.putString(task.pointee.kind.rawValue, at: &next)
        Self.put(prefixes[2], at: &next)
        Self.putString(task.pointee.line.rawValue, at: &next)
        Self.put(prefixes[3], at: &next)
        Self.putString(task.pointee.order.rawValue, at: &next)
        Self.put(prefixes[4], at: &next)
        Self.putString(task.pointee.item.rawValue, at: &next)
        Self.put(prefixes[5], at: &next)
        Self.putString(task.pointee.account.rawValue, at: &next)
        Self.put(prefixes[6], at: &next)
        Self.putDate(task.pointee.date, at: &next)
        Self.put(prefixes[7], at: &next)
        Self.putString(task.pointee.status.rawValue, at: &next)
        if let after = task.pointee.after {
            Self.put(prefixes[8], at: &next)
            Self.putString(after.rawValue, at: &next)
        }
        Self.put(close, at: &next)
    }

    @inline(__always)
    private static func put(_ bytes: [UInt8], at next: inout UnsafeMutablePointer<UInt8>) {
        bytes.withUnsafeBufferPointer { source in
            next.update(from: source.baseAddress!, count: source.count)
            next += source.count
        }
    }

    /// `text` as a JSON string. Most strings (ids, names) need no escape and are copied as
    /// they are; others are escaped as `JSONWriter.writeString` escapes them.
    @inline(__always)
    private static func putString(_ text: String, at next: inout UnsafeMutablePointer<UInt8>) {
        let start = next
        let plain = text.utf8.withContiguousStorageIfAvailable { source -> Bool in
            next.pointee = UInt8(ascii: "\"")
            var to = next + 1
            for byte in source {
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
                to.pointee = byte
                to += 1
            }
            to.pointee = UInt8(ascii: "\"")
            next = to + 1
            return true
        }
        guard plain != true else { return }
        next = start
        var escaped: [UInt8] = []
        JSONEscaping.append(text, to: &escaped)
        put(escaped, at: &next)
    }

    /// The day as `"YYYY-MM-DD"` (`Day.writeISO`; `Day.appendISO` for a year not of four digits).
    @inline(__always)
    private static func putDate(_ day: Day, at next: inout UnsafeMutablePointer<UInt8>) {
        guard day.writeISO(at: next + 1) else {
            var text: [UInt8] = [UInt8(ascii: "\"")]
            day.appendISO(to: &text)
            text.append(UInt8(ascii: "\""))
            put(text, at: &next)
            return
        }
        next[0] = UInt8(ascii: "\"")
        next[11] = UInt8(ascii: "\"")
        next += 12
    }
}
