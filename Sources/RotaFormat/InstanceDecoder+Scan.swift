import RotaCore

extension InstanceDecoder {
    /// The instance, read with its orders decoded straight from their bytes as they are met
    /// (no tree of half a million lines, see `scanOrder`), when the text is JSON, every order
    /// is in rota's layout and the rest of the document decodes without a problem; `nil`
    /// otherwise (the caller then reads it with the checked reader, which reports every
    /// problem with its path). The result is not checked yet (`InstanceChecker`).
    ///
    /// On a large file the orders from about the middle of the file on are read on a second
    /// core (`ElementsAhead`); they are taken only if this reading meets an order exactly where
    /// that one began, so the result is the same as reading them all here. Files of at least
    /// `smallest` bytes are read so (tests lower it).
    static func streamed(_ bytes: [UInt8], splitFrom smallest: Int = ElementsAhead<Order>.smallestFile) -> Instance? {
        var orders: [Order] = []
        let ahead =
            bytes.count >= smallest
            ? ElementsAhead<Order>.start(bytes, boundary: orderBoundary) { scanner, _ in scanOrder(&scanner) } : nil
        let document = JSONParser.parse(bytes, streaming: "orders") { scanner in
            if let ahead, ahead.take(at: &scanner, into: &orders) { return true }
            guard let order = scanOrder(&scanner) else { return false }
            orders.append(order)
            return true
        }
        guard let document else { return nil }
        let reader = JSONReader(file: nil)
        guard var instance = decode(document, reader: reader), instance.orders.isEmpty else { return nil }
        instance.orders = orders
        return instance
    }

    /// What ends an order and precedes the next in rota's layout: its lines' `]`, its `}`, a comma.
    static let orderBoundary = Array("]},".utf8)

    /// One order read from its bytes: `id` and `lines` required, `client`, `createdAt`,
    /// `dueDate`, `slaTier`, `weight` and `indices` optional, each at most once (any other
    /// member, or a `null`, sends the document to the checked reader), values as the checked reader takes them
    /// (ids non-empty, names and ids plain ASCII without control characters, existing
    /// dates, a number for the weight); `nil` for anything else.
    static func scanOrder(_ s: inout PlainScanner) -> Order? {
        guard s.take(UInt8(ascii: "{")), !s.peek(UInt8(ascii: "}")) else { return nil }
        var id: String?
        var client: String?
        var createdAt: Day?
        var dueDate: Day?
        var slaTier: String?
        var weight: Double?
        var indices: [String: Double]?
        var lines: [Line]?
        while true {
            guard let key = s.key() else { return nil }
            if PlainScanner.equals(key, "id") {
                guard id == nil, let value = s.identifier() else { return nil }
                id = value
            } else if PlainScanner.equals(key, "lines") {
                guard lines == nil, let value = scanLines(&s) else { return nil }
                lines = value
            } else if PlainScanner.equals(key, "client") {
                guard client == nil, let value = s.plainString() else { return nil }
                client = value
            } else if PlainScanner.equals(key, "createdAt") {
                guard createdAt == nil, let value = s.day() else { return nil }
                createdAt = value
            } else if PlainScanner.equals(key, "dueDate") {
                guard dueDate == nil, let value = s.day() else { return nil }
                dueDate = value
            } else if PlainScanner.equals(key, "slaTier") {
                guard slaTier == nil, let value = s.plainString() else { return nil }
                slaTier = value
            } else if PlainScanner.equals(key, "weight") {
                guard weight == nil, let value = s.number() else { return nil }
                weight = value
            } else if PlainScanner.equals(key, "indices") {
                guard indices == nil, let value = scanIndices(&s) else { return nil }
                indices = value
            } else {
                return nil
            }
            guard let more = s.next(closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        guard let id, let lines else { return nil }
        return Order(
            id: OrderID(id), client: client, createdAt: createdAt, dueDate: dueDate, slaTier: slaTier,
            weight: weight ?? 1, indices: indices, lines: lines)
    }

    /// An order's `indices`: an object of plain names to numbers, each name once.
    static func scanIndices(_ s: inout PlainScanner) -> [String: Double]? {
        guard s.take(UInt8(ascii: "{")) else { return nil }
        var indices: [String: Double] = [:]
        if s.take(UInt8(ascii: "}")) { return indices }
        while true {
            guard let key = s.key(), let value = s.number() else { return nil }
            let name = String(decoding: key, as: UTF8.self)
            guard indices.updateValue(value, forKey: name) == nil else { return nil }
            guard let more = s.next(closing: UInt8(ascii: "}")) else { return nil }
            if !more { return indices }
        }
    }

    /// An order's `lines`: an array of lines with `id` and `item` (required), `earliest` and
    /// `reviewLagDays` (optional), in any order, each at most once, nothing else.
    static func scanLines(_ s: inout PlainScanner) -> [Line]? {
        guard s.take(UInt8(ascii: "[")) else { return nil }
        var lines: [Line] = []
        if s.take(UInt8(ascii: "]")) { return lines }
        while true {
            guard s.take(UInt8(ascii: "{")), !s.peek(UInt8(ascii: "}")) else { return nil }
            var id: String?
            var item: String?
            var earliest: Day?
            var lag: Int?
            while true {
                guard let key = s.key() else { return nil }
                if PlainScanner.equals(key, "id") {
                    guard id == nil, let value = s.identifier() else { return nil }
                    id = value
                } else if PlainScanner.equals(key, "item") {
                    guard item == nil, let value = s.identifier() else { return nil }
                    item = value
                } else if PlainScanner.equals(key, "earliest") {
                    guard earliest == nil, let value = s.day() else { return nil }
                    earliest = value
                } else if PlainScanner.equals(key, "reviewLagDays") {
                    guard lag == nil, let value = s.integer() else { return nil }
                    lag = value
                } else {
                    return nil
                }
                guard let more = s.next(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            }
            guard let id, let item else { return nil }
            lines.append(Line(id: LineID(id), item: ItemID(item), earliest: earliest, reviewLagDays: lag))
            guard let more = s.next(closing: UInt8(ascii: "]")) else { return nil }
            if !more { return lines }
        }
    }
}
