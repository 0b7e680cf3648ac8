import RotaCore

/// The second half of a large instance's orders, read on another core while the first half
/// is read (`InstanceDecoder.streamed`).
///
/// Where the second half begins is guessed from the bytes: the first `]`, `}`, `,`, `{`
/// (whitespace between them) after the middle of the file, which in rota's layout ends one
/// order's lines and begins the next order. The guess is only a guess (it may fall inside a
/// line list, a history, or a string of a file that is not in rota's layout): the reader of
/// the first half takes these orders only when it meets an order beginning exactly there, and
/// from that byte on, reading here is what it would have done itself (`scanOrder`, then a
/// comma and the next order, or the array's `]`).
struct OrdersAhead {
    /// The guessed first byte (`{`) of an order.
    let start: Int
    /// The orders from `start` to the end of the array and the offset of its `]`, or `nil`
    /// when they are not all in rota's layout.
    let orders: Eventually<(orders: [Order], end: Int)?>

    /// Files smaller than this are read on one core.
    static let smallestFile = 4 << 20
    /// How far past the middle the guess is looked for.
    static let searchBytes = 1 << 20

    /// Starts reading the second half, or `nil` when there is one core or no guess is found.
    static func start(_ bytes: [UInt8]) -> OrdersAhead? {
        guard Concurrently.isParallel, let start = guess(in: bytes) else { return nil }
        let orders = Eventually<(orders: [Order], end: Int)?>(size: .max) { read(bytes, from: start) }
        return OrdersAhead(start: start, orders: orders)
    }

    /// The offset of the `{` in the first `] } , {` after the middle, if one is within
    /// `searchBytes`.
    static func guess(in bytes: [UInt8]) -> Int? {
        let end = min(bytes.count, bytes.count / 2 + searchBytes)
        var i = bytes.count / 2
        func skipWhitespace() {
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "]") else {
                i += 1
                continue
            }
            let after = i + 1
            i = after
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: "}") else { continue }
            i += 1
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: ",") else { continue }
            i += 1
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: "{") else { continue }
            return i
        }
        return nil
    }

    /// Orders from `start` on, as the streaming reader reads them, to the array's `]`.
    static func read(_ bytes: [UInt8], from start: Int) -> (orders: [Order], end: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = PlainScanner(bytes: buffer, at: start)
            var orders: [Order] = []
            while true {
                guard let order = InstanceDecoder.scanOrder(&scanner) else { return nil }
                orders.append(order)
                guard let more = scanner.next(closing: UInt8(ascii: "]")) else { return nil }
                if !more { return (orders, scanner.i - 1) }
            }
        }
    }
}
