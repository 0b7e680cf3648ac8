import RotaCore

/// The second half of a large array of a document (an instance's orders, a plan's tasks),
/// read on another core while the first half is read (`InstanceDecoder.streamed`,
/// `PlanDecoder.streamed`).
///
/// Where the second half begins is guessed from the bytes: the first `boundary` (its bytes in
/// order, whitespace between them) followed by `{` after the middle of the file, which in
/// rota's layout ends one element and begins the next (`] } ,` before an order: its lines
/// end; `} ,` before a task). The guess is only a guess: it may fall inside another array, a
/// history, or a string of a file that is not in rota's layout. The first half's reader takes
/// these elements only when it meets an element beginning exactly there, and from that byte
/// on, reading here is what it would have done itself (`scan`, then a comma and the next
/// element, or the array's `]`).
struct ElementsAhead<Element: Sendable> {
    /// The guessed first byte (`{`) of an element.
    let start: Int
    /// The elements from `start` to the end of their array and the offset of its `]`, or `nil`
    /// when they are not all in rota's layout.
    let elements: Eventually<(elements: [Element], end: Int)?>

    /// Files smaller than this are read on one core.
    static var smallestFile: Int { 4 << 20 }
    /// How far past the middle the guess is looked for.
    static var searchBytes: Int { 1 << 20 }

    /// Starts reading the second half, or `nil` when there is one core or no guess is found.
    /// `scan` reads one element from the scanner's position, given the element before it in
    /// this half (none for the first).
    static func start(
        _ bytes: [UInt8], boundary: [UInt8], scan: @escaping @Sendable (inout PlainScanner, Element?) -> Element?
    ) -> ElementsAhead? {
        guard Concurrently.isParallel, let start = guess(in: bytes, boundary: boundary) else { return nil }
        let elements = Eventually<(elements: [Element], end: Int)?>(size: .max) {
            read(bytes, from: start, scan: scan)
        }
        return ElementsAhead(start: start, elements: elements)
    }

    /// When the first half's reader, at `scanner`, is where the second half begins (which it
    /// can be only once: no two elements begin at one byte), and the second half was in rota's
    /// layout: its elements are appended to `elements`, the scanner moves to the `]` after them,
    /// and the answer is true. Otherwise nothing changes and the reader reads on itself.
    func take(at scanner: inout PlainScanner, into elements: inout [Element]) -> Bool {
        guard scanner.i == start, let rest = self.elements.value else { return false }
        elements.append(contentsOf: rest.elements)
        scanner.i = rest.end
        return true
    }

    /// The offset of the `{` after the first `boundary` past the middle, if one is within
    /// `searchBytes`.
    static func guess(in bytes: [UInt8], boundary: [UInt8]) -> Int? {
        let end = min(bytes.count, bytes.count / 2 + searchBytes)
        let pattern = boundary + [UInt8(ascii: "{")]
        var i = bytes.count / 2
        func skipWhitespace() {
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        while i < end {
            guard bytes[i] == pattern[0] else {
                i += 1
                continue
            }
            i += 1
            var matched = 1
            while matched < pattern.count {
                skipWhitespace()
                guard i < end, bytes[i] == pattern[matched] else { break }
                i += 1
                matched += 1
            }
            if matched == pattern.count { return i - 1 }
        }
        return nil
    }

    /// Elements from `start` on, as the streaming reader reads them, to the array's `]`.
    static func read(
        _ bytes: [UInt8], from start: Int, scan: (inout PlainScanner, Element?) -> Element?
    ) -> (elements: [Element], end: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = PlainScanner(bytes: buffer, at: start)
            var elements: [Element] = []
            while true {
                guard let element = scan(&scanner, elements.last) else { return nil }
                elements.append(element)
                guard let more = scanner.next(closing: UInt8(ascii: "]")) else { return nil }
                if !more { return (elements, scanner.i - 1) }
            }
        }
    }
}
