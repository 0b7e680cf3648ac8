/// A map from identifiers of one kind to integers (positions, dense numbers), for the hot
/// paths that number a million ids (the validator's task, line, item and account tables, the
/// scorer's, the instance checker's duplicate search, the planning problem's indexes): the
/// same answers as `[Identifier<Tag>: Int]`, with one fast hash per id.
///
/// The work is done by `StringTable`, which is not generic, so every target calls compiled,
/// specialized code (a generic table called from another target ran unspecialized, looking up
/// type metadata on every probe).
package struct IdentifierMap<Tag>: Sendable {
    @usableFromInline var table: StringTable

    /// An empty map with room for `capacity` keys before it grows.
    @inlinable package init(capacity: Int = 0) { table = StringTable(capacity: capacity) }

    /// How many keys the map holds.
    @inlinable package var count: Int { table.count }

    /// Keys in insertion order (entry numbers 0, 1, …).
    package var keys: [Identifier<Tag>] { table.keys.map { Identifier($0) } }

    /// The value for `key`, if any.
    @inlinable package subscript(key: Identifier<Tag>) -> Int? { table.value(of: key.rawValue) }

    /// The entry number of `key` (its place in insertion order), if any.
    @inlinable package func number(of key: Identifier<Tag>) -> Int? { table.entry(of: key.rawValue) }

    /// Adds `key` with `value` when it is absent and returns `nil`; when present, returns its
    /// value and changes nothing ("first wins", one probe sequence either way).
    @inlinable @discardableResult
    package mutating func insertIfAbsent(_ key: Identifier<Tag>, _ value: Int) -> Int? {
        table.insertIfAbsent(key.rawValue, value)
    }
}

/// Strings to integers: open addressing with linear probing over a power-of-two table, kept
/// at most half full. A slot holds the upper 32 bits of its key's 64-bit hash (FNV-1a over the
/// UTF-8, then mixed) beside the entry number, so that a probe touches one slot and compares
/// strings only when those bits agree; growing never hashes a key again. The hash is fixed (no per-process
/// seed): the layout, not only the answers, is deterministic.
package struct StringTable: Sendable {
    /// Keys by entry number, in insertion order.
    package private(set) var keys: [String] = []
    private var values: [Int] = []
    /// Per entry: its key's hash (for growing).
    private var hashes: [UInt64] = []
    /// Per slot: `hash >> 32 << 32 | (entry + 1)`; 0 is an empty slot.
    private var slots: [UInt64]
    private var mask: Int

    package init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    package var count: Int { keys.count }

    package func value(of key: String) -> Int? { entry(of: key).map { values[$0] } }

    package func entry(of key: String) -> Int? {
        let h = Self.hash(key)
        let tag = h & Self.tagMask
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let entry = Int(stored & Self.entryMask) - 1
            if stored & Self.tagMask == tag, keys[entry] == key { return entry }
            slot = (slot + 1) & mask
        }
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let entryMask: UInt64 = 0x0000_0000_FFFF_FFFF

    package mutating func insertIfAbsent(_ key: String, _ value: Int) -> Int? {
        let h = Self.hash(key)
        let tag = h & Self.tagMask
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let entry = Int(stored & Self.entryMask) - 1
            if stored & Self.tagMask == tag, keys[entry] == key { return values[entry] }
            slot = (slot + 1) & mask
        }
        slots[slot] = tag | UInt64(keys.count + 1)
        keys.append(key)
        values.append(value)
        hashes.append(h)
        if 2 * keys.count > slots.count { grow() }
        return nil
    }

    /// Doubles the table and places every entry again by its kept hash.
    private mutating func grow() {
        let size = slots.count * 2
        var grown = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for (entry, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & newMask
            while grown[slot] != 0 { slot = (slot + 1) & newMask }
            grown[slot] = h & Self.tagMask | UInt64(entry + 1)
        }
        slots = grown
        mask = newMask
    }

    /// FNV-1a over the UTF-8 bytes, then a multiply–xorshift mix so that the low bits (the
    /// slot) depend on every byte.
    @inline(__always)
    static func hash(_ text: String) -> UInt64 {
        var text = text
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        text.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
